"""State changes of strategies and action plans: one function each, checked, validated and audited."""

import re
from dataclasses import dataclass, field, replace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from fremdrift import access, audit

from . import workflow, xlsx
from .models import ActionPlan, ActionPlanRow, Beacon, Effort, Strategy

STRATEGY_FIELDS = ("title", "starts_year", "ends_year", "vision", "mission", "definition")
ROW_FIELDS = (
    "beacon",
    "focus_area",
    "strategic_effort",
    "effort",
    "goal",
    "expected_effect",
    "financing",
    "time_frame",
    "starts_on",
    "ends_on",
    "status",
    "status_note",
    "project_link",
)


def _next_position(siblings) -> int:
    """A new beacon, effort or row goes after the last of its siblings."""
    last = siblings.aggregate(last=Max("position"))["last"]
    return (last or 0) + 1


def _validate_years(starts_year, ends_year):
    if ends_year is not None and starts_year is not None and ends_year < starts_year:
        raise ValidationError({"ends_year": _("The last year is before the first year.")})


@audit.service
@transaction.atomic
def create_strategy(
    actor,
    *,
    organisation,
    title,
    starts_year,
    ends_year=None,
    vision="",
    mission="",
    definition="",
    reason="",
):
    access.require(actor, "strategy.manage", organisation)
    _validate_years(starts_year, ends_year)
    strategy = Strategy(
        organisation=organisation,
        title=title,
        starts_year=starts_year,
        ends_year=ends_year,
        vision=vision,
        mission=mission,
        definition=definition,
    )
    strategy.full_clean()
    strategy.save()
    return strategy


@audit.service
@transaction.atomic
def update_strategy(actor, *, strategy, reason="", **changes):
    access.require(actor, "strategy.manage", strategy)
    for name, value in changes.items():
        if name not in STRATEGY_FIELDS:
            raise ValueError(name)
        setattr(strategy, name, value)
    _validate_years(strategy.starts_year, strategy.ends_year)
    strategy.full_clean()
    strategy.save()
    return strategy


@audit.service
@transaction.atomic
def add_beacon(actor, *, strategy, title, description="", reason=""):
    access.require(actor, "strategy.manage", strategy)
    beacon = Beacon(
        strategy=strategy, title=title, description=description, position=_next_position(strategy.beacons)
    )
    beacon.full_clean()
    beacon.save()
    return beacon


@audit.service
@transaction.atomic
def add_effort(actor, *, beacon, title, description="", reason=""):
    access.require(actor, "strategy.manage", beacon)
    effort = Effort(
        beacon=beacon, title=title, description=description, position=_next_position(beacon.efforts)
    )
    effort.full_clean()
    effort.save()
    return effort


@audit.service
@transaction.atomic
def create_action_plan(actor, *, organisation, title, strategy=None, reason=""):
    access.require(actor, "action_plan.edit", organisation)
    if strategy is not None and not organisation.is_within(strategy.organisation):
        raise ValidationError({"strategy": _("The strategy belongs to another part of the organisation.")})
    plan = ActionPlan(organisation=organisation, title=title, strategy=strategy)
    plan.full_clean()
    plan.save()
    return plan


def beacons_for(plan) -> list[Beacon]:
    """The beacons a plan's rows may serve: its strategy's, or those of strategies above it."""
    if plan.strategy_id:
        strategies = Strategy.objects.filter(pk=plan.strategy_id)
    else:
        strategies = Strategy.objects.filter(organisation_id__in=plan.organisation.ancestor_ids)
    return list(Beacon.objects.filter(strategy__in=strategies).prefetch_related("efforts"))


def _beacon_key(text: str) -> str:
    """'1. Arbejdets organisering' and 'Arbejdets organisering' name the same beacon."""
    return xlsx.normalise(re.sub(r"^\s*\d+\s*[.)]\s*", "", text or ""))


def _check_row(row: ActionPlanRow, previous_status: str | None):
    errors = {}
    if not row.effort.strip():
        errors["effort"] = _("Describe the effort.")
    if previous_status is None:
        if row.status not in workflow.INITIAL_STATES:
            errors["status"] = _("A row cannot start with this status.")
    elif not workflow.may_move(previous_status, row.status):
        errors["status"] = _("The status cannot go from %(from)s to %(to)s.") % {
            "from": workflow.STATES[previous_status],
            "to": workflow.STATES.get(row.status, row.status),
        }
    try:
        parsed = xlsx.parse_time_frame(row.time_frame)
    except xlsx.TimeFrameError:
        errors["time_frame"] = _(
            'The time frame cannot be read as dates. Write for example "Jan – juni 2016", '
            '"01.03.2016 – 31.12.2016", or describe it without dates, like "Løbende".'
        )
    else:
        if row.starts_on is None and row.ends_on is None:
            row.starts_on, row.ends_on = parsed
    if row.starts_on and row.ends_on and row.ends_on < row.starts_on:
        errors["ends_on"] = _("The end is before the start.")
    if row.beacon_id and row.plan_id:
        allowed = {beacon.pk for beacon in beacons_for(row.plan)}
        if row.beacon_id not in allowed:
            errors["beacon"] = _("This beacon is not in a strategy the plan follows.")
    if row.strategic_effort_id and row.beacon_id and row.strategic_effort.beacon_id != row.beacon_id:
        errors["strategic_effort"] = _("The effort belongs to another beacon.")
    if errors:
        raise ValidationError(errors)


@audit.service
@transaction.atomic
def save_row(actor, *, plan, row=None, reason="", **values):
    """Add a row to a plan, or change one. A status change must follow the workflow."""
    access.require(actor, "action_plan.edit", plan)
    previous_status = None
    if row is None:
        row = ActionPlanRow(plan=plan, position=_next_position(plan.rows))
    else:
        if row.plan_id != plan.pk:
            raise ValidationError(_("The row belongs to another plan."))
        previous_status, previous_frame, previous_start, previous_end = ActionPlanRow.objects.values_list(
            "status", "time_frame", "starts_on", "ends_on"
        ).get(pk=row.pk)
    for name, value in values.items():
        if name not in ROW_FIELDS:
            raise ValueError(name)
        setattr(row, name, value)
    if (
        previous_status is not None
        and row.time_frame != previous_frame
        and (row.starts_on, row.ends_on) == (previous_start, previous_end)
    ):
        # A new time frame as written with the old dates left in place: read the dates from the text.
        row.starts_on = row.ends_on = None
    if row.strategic_effort_id and not row.beacon_id:
        row.beacon = row.strategic_effort.beacon
    _check_row(row, previous_status)
    if previous_status is not None and previous_status != row.status:
        audit.record(
            "transition",
            row,
            changes={"before": {"status": previous_status}, "after": {"status": row.status}},
            reason=reason or row.status_note,
        )
    row.full_clean(exclude=["plan"])
    row.save()
    return row


# ---- import ------------------------------------------------------------------------------------


def plain_row(row: ActionPlanRow) -> xlsx.PlanRow:
    return xlsx.PlanRow(
        focus_area=row.focus_area_label,
        effort=row.effort,
        goal=row.goal,
        expected_effect=row.expected_effect,
        financing=row.financing,
        time_frame=row.time_frame,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        status=row.status,
        status_note=row.status_note,
    )


@dataclass
class ImportPreview:
    changes: list = field(default_factory=list)  # xlsx.Change
    untouched: list = field(default_factory=list)  # ActionPlanRow not in the file; kept as they are
    problems: list = field(default_factory=list)  # xlsx.RowProblem

    @property
    def counts(self):
        counts = {"new": 0, "changed": 0, "unchanged": 0}
        for change in self.changes:
            counts[change.kind] += 1
        return counts

    @property
    def has_changes(self):
        return any(change.kind != "unchanged" for change in self.changes)


def preview_import(plan, rows: list[tuple[int, xlsx.PlanRow]]) -> ImportPreview:
    """What importing these rows would do to the plan. Reads only."""
    beacons = {_beacon_key(beacon.title): beacon for beacon in beacons_for(plan)}
    canonical = []
    for line, row in rows:
        beacon = beacons.get(_beacon_key(row.focus_area))
        canonical.append((line, replace(row, focus_area=beacon.title) if beacon else row))
    stored = list(plan.rows.select_related("beacon").order_by("position", "pk"))
    by_pk = {row.pk: row for row in stored}
    changes, untouched = xlsx.compare([(row.pk, plain_row(row)) for row in stored], canonical)
    problems = []
    for change in changes:
        if change.kind == "changed" and "status" in change.fields:
            before = by_pk[change.existing_id].status
            if not workflow.may_move(before, change.row.status):
                problems.append(xlsx.RowProblem(change.line, "status", "forbidden-transition"))
    return ImportPreview(changes=changes, untouched=[by_pk[pk] for pk in untouched], problems=problems)


@audit.service
@transaction.atomic
def import_rows(actor, *, plan, rows: list[tuple[int, xlsx.PlanRow]], reason=""):
    """Apply an import all at once, or nothing of it. Rows the file does not mention are kept."""
    access.require(actor, "action_plan.edit", plan)
    preview = preview_import(plan, rows)
    if preview.problems:
        raise ValidationError(_("The file has problems; nothing was imported."))
    beacons = {_beacon_key(beacon.title): beacon for beacon in beacons_for(plan)}
    stored = {row.pk: row for row in plan.rows.all()}
    for change in preview.changes:
        if change.kind == "unchanged":
            continue
        row = change.row
        beacon = beacons.get(_beacon_key(row.focus_area))
        values = {
            "beacon": beacon,
            "focus_area": "" if beacon else row.focus_area,
            "effort": row.effort,
            "goal": row.goal,
            "expected_effect": row.expected_effect,
            "financing": row.financing,
            "time_frame": row.time_frame,
            "starts_on": row.starts_on,
            "ends_on": row.ends_on,
            "status": row.status,
            "status_note": row.status_note,
        }
        existing = stored.get(change.existing_id)
        matching_effort = None
        if beacon is not None:
            matching_effort = next(
                (e for e in beacon.efforts.all() if xlsx.normalise(e.title) == xlsx.normalise(row.effort)),
                None,
            )
        if (
            existing is None
            or existing.strategic_effort_id is None
            or existing.beacon_id != getattr(beacon, "pk", None)
        ):
            values["strategic_effort"] = matching_effort
        try:
            save_row(actor, plan=plan, row=existing, reason=reason, **values)
        except ValidationError as error:
            raise ValidationError(
                _("Line %(line)s: %(problem)s") % {"line": change.line, "problem": " ".join(error.messages)}
            ) from error
    return preview
