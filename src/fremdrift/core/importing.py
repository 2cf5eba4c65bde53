"""What every importer shares: a report of what was created, updated and left unchanged, and an
update-or-create on a record's natural key that counts which of the three happened."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class ImportReport:
    source: str
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        kinds = sorted(set(self.created) | set(self.updated) | set(self.skipped))
        return (
            [f"{self.source}:"]
            + [
                f"  {kind}: {self.created[kind]} created, {self.updated[kind]} updated, {self.skipped[kind]} unchanged"
                for kind in kinds
            ]
            + [f"  warning: {w}" for w in self.warnings]
        )


def key_text(key: tuple[str, ...]) -> str:
    return "/".join(key)


def upsert(model, report: ImportReport, label: str, source_key: str, values: dict):
    """Create or update the row with this natural key; returns (row, whether anything changed)."""
    obj = model.objects.filter(source_key=source_key).first()
    if obj is None:
        obj = model.objects.create(source_key=source_key, **values)
        report.created[label] += 1
        return obj, True
    changed = {name: value for name, value in values.items() if getattr(obj, name) != value}
    if changed:
        for name, value in changed.items():
            setattr(obj, name, value)
        obj.save()
        report.updated[label] += 1
        return obj, True
    report.skipped[label] += 1
    return obj, False
