"""State changes of indicators and measurements: one function each, checked and audited.

Whoever may edit the project records its measurements. A measurement is never overwritten: a
correction adds a new row and keeps the old one, marked as superseded.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from fremdrift import access, audit
from fremdrift.core.services import lock

from . import tabular
from .models import HAS_DENOMINATOR, Indicator, Measurement, PhaseChange, ValueKind

INDICATOR_FIELDS = (
    "name",
    "definition",
    "kind",
    "per",
    "direction",
    "unit",
    "baseline_starts_on",
    "baseline_ends_on",
    "baseline",
    "target",
    "frequency",
    "owner",
    "frozen_baseline",
    "data_collection",
)


def _require_edit(actor, indicator_or_goal):
    project = indicator_or_goal.project
    access.require(actor, "project.edit", project)
    project.require_editable()


def _number(value, field) -> Decimal | None:
    try:
        return tabular.number(value)
    except ValueError as error:
        raise ValidationError({field: str(error)}) from None


def _check_period(period):
    try:
        tabular.check_period(period)
    except ValueError as error:
        raise ValidationError({"period": str(error)}) from None


def _check_values(indicator, value, numerator, denominator):
    """The values for the indicator's kind, checked: (value, numerator, denominator)."""
    if indicator.kind in HAS_DENOMINATOR:
        numerator, denominator = _number(numerator, "numerator"), _number(denominator, "denominator")
        errors = {}
        if numerator is None:
            errors["numerator"] = _("Enter the numerator.")
        if denominator is None:
            errors["denominator"] = _("Enter the denominator.")
        elif denominator == 0:
            errors["denominator"] = _("The denominator cannot be zero.")
        if not errors and indicator.kind == ValueKind.PROPORTION and numerator > denominator:
            errors["numerator"] = _("The numerator is larger than the denominator.")
        if errors:
            raise ValidationError(errors)
        return None, numerator, denominator
    value = _number(value, "value")
    if value is None:
        raise ValidationError({"value": _("Enter the value.")})
    return value, None, None


def _check_indicator_fields(fields):
    errors = {}
    if "name" in fields and not str(fields["name"]).strip():
        errors["name"] = _("Name the indicator.")
    if fields.get("kind") not in (None, *ValueKind.values):
        errors["kind"] = _("Choose a kind of value.")
    if fields.get("kind") == ValueKind.RATE and not fields.get("per"):
        errors["per"] = _("Say per how many, e.g. 1000.")
    starts, ends = fields.get("baseline_starts_on"), fields.get("baseline_ends_on")
    if starts and ends and ends < starts:
        errors["baseline_ends_on"] = _("The baseline ends before it starts.")
    if errors:
        raise ValidationError(errors)


@audit.service
@transaction.atomic
def add_indicator(actor, *, goal, reason="", **fields) -> Indicator:
    _require_edit(actor, goal)
    if set(fields) - set(INDICATOR_FIELDS):
        raise ValidationError(_("Unknown fields."))
    _check_indicator_fields({"name": "", **fields})
    position = goal.indicators.count() + 1
    return Indicator.objects.create(goal=goal, position=position, **fields)


@audit.service
@transaction.atomic
def update_indicator(actor, *, indicator, fields: dict, reason="") -> Indicator:
    _require_edit(actor, indicator)
    if set(fields) - set(INDICATOR_FIELDS):
        raise ValidationError(_("Unknown fields."))
    if "kind" in fields and fields["kind"] != indicator.kind and indicator.measurements.exists():
        if (fields["kind"] in HAS_DENOMINATOR) != indicator.has_denominator:
            raise ValidationError(
                {"kind": _("The indicator has measurements; their kind of value cannot change.")}
            )
    _check_indicator_fields(fields)
    for name, value in fields.items():
        setattr(indicator, name, value)
    indicator.save()
    return indicator


def _current(indicator, period):
    return (
        Measurement.objects.select_for_update()
        .filter(indicator=indicator, period=period, superseded_by__isnull=True)
        .first()
    )


@audit.service
@transaction.atomic
def record_measurement(
    actor, *, indicator, period, value=None, numerator=None, denominator=None, note="", reason=""
) -> Measurement:
    """A new value for a period that has none (a different value for a period that has one is a
    correction: `correct_measurement`)."""
    _require_edit(actor, indicator)
    _check_period(period)
    value, numerator, denominator = _check_values(indicator, value, numerator, denominator)
    if _current(indicator, period) is not None:
        raise ValidationError(
            {"period": _("%(period)s already has a value; correct it instead.") % {"period": period}}
        )
    return Measurement.objects.create(
        indicator=indicator,
        period=period,
        value=value,
        numerator=numerator,
        denominator=denominator,
        note=note,
        recorded_by=actor,
    )


@audit.service
@transaction.atomic
def correct_measurement(
    actor, *, measurement, value=None, numerator=None, denominator=None, note="", reason: str = ""
) -> Measurement:
    """The corrected value becomes current; the previous one stays, superseded."""
    indicator = measurement.indicator
    _require_edit(actor, indicator)
    old = lock(measurement)
    if old.superseded_by_id is not None:
        raise ValidationError(_("This value has already been corrected; correct the current one."))
    value, numerator, denominator = _check_values(indicator, value, numerator, denominator)
    if (old.value, old.numerator, old.denominator) == (value, numerator, denominator) and old.note == note:
        return old
    # The constraint allows one current value per period: the old row stops being current first
    # (pointing at itself for a moment), then points at its correction.
    Measurement.objects.filter(pk=old.pk).update(superseded_by=old.pk)
    new = Measurement.objects.create(
        indicator=indicator,
        period=old.period,
        value=value,
        numerator=numerator,
        denominator=denominator,
        note=note,
        recorded_by=actor,
    )
    Measurement.objects.filter(pk=old.pk).update(superseded_by=new.pk)
    audit.record(
        "update",
        old,
        changes={
            "before": {"value": old.value, "numerator": old.numerator, "denominator": old.denominator},
            "after": {
                "value": value,
                "numerator": numerator,
                "denominator": denominator,
                "superseded_by": new.pk,
            },
        },
        reason=reason,
    )
    return new


@dataclass
class GridResult:
    saved: list
    corrected: list
    unchanged: int


@audit.service
@transaction.atomic
def record_grid(actor, *, indicator, rows: list[dict], reason="") -> GridResult:
    """The quick entry grid: each row has period and value (or numerator and denominator). Empty
    rows are skipped; a changed value for a period is a correction. All rows or none are saved."""
    _require_edit(actor, indicator)
    result = GridResult([], [], 0)
    errors = {}
    checked = []
    for number, row in enumerate(rows):
        if all(row.get(k) in (None, "") for k in ("value", "numerator", "denominator")):
            continue
        try:
            checked.append(
                (
                    row["period"],
                    *_check_values(indicator, row.get("value"), row.get("numerator"), row.get("denominator")),
                )
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors[f"{number}-{field}"] = messages
    if errors:
        raise ValidationError(errors)
    for period, value, numerator, denominator in checked:
        current = _current(indicator, period)
        if current is None:
            result.saved.append(
                record_measurement(
                    actor,
                    indicator=indicator,
                    period=period,
                    value=value,
                    numerator=numerator,
                    denominator=denominator,
                )
            )
        elif (current.value, current.numerator, current.denominator) != (value, numerator, denominator):
            result.corrected.append(
                correct_measurement(
                    actor,
                    measurement=current,
                    value=value,
                    numerator=numerator,
                    denominator=denominator,
                    note=current.note,
                    reason=reason or _("Corrected in the entry grid."),
                )
            )
        else:
            result.unchanged += 1
    return result


@dataclass
class ImportResult:
    imported: int
    unchanged: int
    problems: list
    separator: str = ""  # how a CSV file's cells were split, in words; empty for XLSX


@audit.service
@transaction.atomic
def import_measurements(actor, *, indicator, data: bytes, filename: str, reason="") -> ImportResult:
    """Everything or nothing: a file with any bad row imports nothing and reports every bad row."""
    _require_edit(actor, indicator)
    try:
        table = tabular.read_table(data, filename)
    except ValueError as error:
        return ImportResult(0, 0, [tabular.Problem(1, "", str(error))])
    rows = table.rows
    existing = {m.period: (m.value, m.numerator, m.denominator) for m in indicator.measurements.current()}
    clean, problems = tabular.check_rows(rows, indicator, existing)
    if problems:
        return ImportResult(0, 0, problems, table.separator)
    for row in clean:
        Measurement.objects.create(
            indicator=indicator,
            period=row.period,
            value=row.value,
            numerator=row.numerator,
            denominator=row.denominator,
            note=row.note,
            recorded_by=actor,
        )
    unchanged = sum(1 for row in rows[1:] if any(c not in (None, "") for c in row)) - len(clean)
    audit.record(
        "update",
        indicator,
        changes={"after": {"imported": len(clean), "file": filename}},
        reason=reason or _("Imported from a file."),
    )
    return ImportResult(len(clean), unchanged, [], table.separator)


def export_table(indicator) -> list[list]:
    return tabular.export_rows(indicator, indicator.measurements.current().order_by("period"))


@audit.service
@transaction.atomic
def add_change(actor, *, indicator, starts_on, label, new_phase=False, reason="") -> PhaseChange:
    _require_edit(actor, indicator)
    if not label.strip():
        raise ValidationError({"label": _("Say what changed.")})
    if indicator.phase_changes.filter(starts_on=starts_on).exists():
        raise ValidationError({"starts_on": _("There is already a change on that date.")})
    return PhaseChange.objects.create(
        indicator=indicator, starts_on=starts_on, label=label.strip(), new_phase=new_phase
    )


@audit.service
@transaction.atomic
def remove_change(actor, *, change, reason="") -> None:
    _require_edit(actor, change.indicator)
    change.delete()


@audit.service
@transaction.atomic
def freeze_baseline(actor, *, indicator, points: int | None, reason="") -> Indicator:
    _require_edit(actor, indicator)
    if points is not None:
        count = indicator.measurements.current().count()
        if not 1 <= points <= count:
            raise ValidationError(
                {"frozen_baseline": _("Choose between 1 and %(count)s points.") % {"count": count}}
            )
    indicator.frozen_baseline = points
    indicator.save()
    return indicator
