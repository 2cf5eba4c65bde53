"""Published cases as open data: one list of plain dicts, written as JSON or CSV.
Used by the open-data URLs and by `fremdrift export-cases`, so both give the same data."""

import json

from fremdrift.core import spreadsheets

from .models import Case, CaseStatus

FIELDS = [
    "id",
    "title",
    "subtitle",
    "lead",
    "organisation_names",
    "is_short",
    "target_group",
    "target_groups",
    "year_text",
    "year_from",
    "year_to",
    "challenge",
    "solution",
    "key_elements",
    "resources",
    "partners",
    "value_political_goals",
    "value_quality",
    "value_efficiency",
    "value_democracy",
    "value_innovation_capacity",
    "shared",
    "capacity_collaboration",
    "capacity_evaluation",
    "capacity_spread",
    "reuse_notes",
    "links",
    "themes",
    "sector",
    "sdgs",
    "language",
    "source",
    "published_at",
]


def published_cases():
    return (
        Case.objects.filter(status=CaseStatus.PUBLISHED)
        .prefetch_related("nominations", "reuses")
        .order_by("pk")
    )


def case_rows(cases) -> list[dict]:
    rows = []
    for case in cases:
        row = {name: getattr(case, name) for name in FIELDS}
        row["published_at"] = case.published_at.isoformat() if case.published_at else None
        row["nominations"] = [
            {"prize": n.prize, "year": n.year, "standing": n.standing} for n in case.nominations.all()
        ]
        row["reuses"] = len(case.reuses.all())
        rows.append(row)
    return rows


def as_json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1)


def as_csv(rows: list[dict]) -> str:
    """Open data for programs: `core.spreadsheets.FOR_MACHINES` (comma, decimal point, no BOM)."""
    names = [*FIELDS, "nominations", "reuses"]
    table = [names, *([_cell(name, row[name]) for name in names] for row in rows)]
    return spreadsheets.csv_text(table, spreadsheets.FOR_MACHINES)


def _cell(name: str, value):
    if name == "nominations":
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return value
