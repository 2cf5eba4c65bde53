"""Every state change of projects: one function each, checked, validated, written in one
transaction and left in the audit trail with its reason. Views and commands come through here."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fremdrift import access, audit
from fremdrift.core import workflow as engine
from fremdrift.core.formatting import money, percent, read_number
from fremdrift.core.services import lock, parse_money

from . import workflow
from .models import (
    BenefitLine,
    BusinessCase,
    ClosingDecision,
    ClosingOutcome,
    CostLine,
    Evaluation,
    EvaluationKind,
    Goal,
    Milestone,
    PdsaCycle,
    PdsaStage,
    ProgressEntry,
    Project,
    StatusReport,
)

ZERO = Decimal("0")

GRANTED_BUDGET = gettext_lazy(
    "The budget of a granted project changes only by a decision: the board extends the project with a "
    "new budget."
)

# The parts of the project page that are saved one at a time, and their fields.
PARTS = {
    "basics": ("title", "starts_on", "ends_on", "budget"),
    "challenge": ("challenge",),
    "bottom_lines": ("criteria_how",),
    "activities": ("activities", "resources"),
    "evaluation": ("evaluation_plan",),
    "spread": ("spread_plan",),
}


def _check_version(obj, version, what):
    if version is not None and int(version) != obj.version:
        raise ValidationError(
            _(
                "Someone else saved %(what)s after you opened it (at %(when)s). Your changes were not "
                "saved: reload the page, check their changes and make yours again."
            )
            % {
                "what": what,
                "when": date_format(
                    timezone.localtime(getattr(obj, "updated_at", None) or timezone.now()),
                    "SHORT_DATETIME_FORMAT",
                ),
            }
        )


def _check_dates(starts_on, ends_on):
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The end is before the start.")})


# --- creating projects ------------------------------------------------------------------------------


@audit.service
@transaction.atomic
def create_project(
    actor,
    *,
    organisation,
    title,
    project_lead=None,
    team=(),
    starts_on=None,
    ends_on=None,
    budget=ZERO,
    reason="",
    **fields,
) -> Project:
    """A unit starts an improvement project of its own, with or without a fund."""
    access.require(actor, "project.create", organisation)
    if not title.strip():
        raise ValidationError({"title": _("Give the project a title.")})
    _check_dates(starts_on, ends_on)
    unknown = set(fields) - {f for part in PARTS.values() for f in part}
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    project = Project.objects.create(
        organisation=organisation,
        title=title.strip(),
        project_lead=project_lead or actor,
        starts_on=starts_on,
        ends_on=ends_on,
        budget=parse_money(budget, "budget"),
        **fields,
    )
    if team:
        project.team.set(team)
    return project


@audit.service
@transaction.atomic
def project_from_idea(actor, *, idea, reason="") -> Project:
    """An idea from the improvement board becomes a project; the idea and project link to each other."""
    if idea.projects.exists():
        raise ValidationError(_("This idea has already become a project."))
    project = create_project(
        actor,
        organisation=idea.organisation,
        title=idea.title,
        challenge="\n\n".join(part for part in (idea.problem, idea.proposal) if part),
    )
    project.idea = idea
    project.save(update_fields=["idea"])
    return project


# What an application's indicator carries into the project's: the same names on both sides.
INDICATOR_TAKEN_OVER = ("name", "definition", "unit", "baseline", "target", "data_collection")


@audit.service
@transaction.atomic
def project_from_application(actor, *, application, reason="") -> Project:
    """A granted application becomes a project carrying its six elements, goals, indicators, budget
    and conditions. Indicators come over as counts; the team sets each one's kind of value."""
    from fremdrift.funding.models import ApplicationStatus, DecisionOutcome
    from fremdrift.measurement.models import Direction, Indicator

    application = lock(application)
    permission = access.may_make_project_from(actor, application)
    if not permission:
        raise access.NotAllowed(permission)
    if application.status != ApplicationStatus.GRANTED:
        raise ValidationError(_("Only a granted application becomes a project."))
    if Project.objects.filter(application=application).exists():
        raise ValidationError(_("This application is already a project."))
    decision = application.decisions.order_by("-decided_at", "-pk").first()
    if decision is None or decision.outcome != DecisionOutcome.GRANTED:
        raise ValidationError(_("Only a granted application becomes a project."))
    project = Project.objects.create(
        **application.description(),
        organisation=application.organisation,
        project_lead=application.project_lead,
        budget=decision.amount + application.co_financing,
        conditions=decision.conditions,
        application=application,
        fund=application.fund,
    )
    application.copy_choices_to(project)
    for position, source_goal in enumerate(application.goals.prefetch_related("indicators"), start=1):
        goal = Goal.objects.create(project=project, description=source_goal.description, position=position)
        for number, source in enumerate(source_goal.indicators.all(), start=1):
            lower_is_better = source.baseline is not None and source.target < source.baseline
            Indicator.objects.create(
                goal=goal,
                **{name: getattr(source, name) for name in INDICATOR_TAKEN_OVER},
                direction=Direction.DOWN if lower_is_better else Direction.UP,
                owner=application.project_lead,
                position=number,
            )
    audit.record(
        "create",
        project,
        changes={"after": {"application": application.pk, "granted": str(decision.amount)}},
        reason=reason or _("Made from the granted application."),
    )
    return project


# --- editing ------------------------------------------------------------------------------------


@audit.service
@transaction.atomic
def update_project(actor, *, project, part: str, fields: dict, version, reason="") -> Project:
    """Save one part of the project page. `version` is the version the editor read; if someone saved
    since, nothing is saved and the message says so."""
    if part not in PARTS:
        raise ValidationError(_("Unknown part of the project."))
    project = lock(project)
    access.require(actor, "project.edit", project)
    project.require_editable()
    _check_version(project, version, _("this project"))
    allowed = PARTS[part]
    if set(fields) - set(allowed):
        raise ValidationError(_("These fields do not belong to this part."))
    if "title" in fields and not str(fields["title"]).strip():
        raise ValidationError({"title": _("Give the project a title.")})
    if "budget" in fields:
        fields["budget"] = parse_money(fields["budget"], "budget")
        if project.budget_is_granted and fields["budget"] != project.budget:
            raise ValidationError({"budget": GRANTED_BUDGET})
    for name, value in fields.items():
        setattr(project, name, value)
    _check_dates(project.starts_on, project.ends_on)
    project.version += 1
    project.save()
    return project


@audit.service
@transaction.atomic
def set_team(actor, *, project, members, reason="") -> Project:
    project = lock(project)
    access.require(actor, "project.edit", project)
    before = sorted(project.team.values_list("pk", flat=True))
    project.team.set(members)
    after = sorted(m.pk for m in members)
    if before != after:
        audit.record(
            "update", project, changes={"before": {"team": before}, "after": {"team": after}}, reason=reason
        )
    return project


@audit.service
@transaction.atomic
def add_goal(actor, *, project, description, success_criterion="", reason="") -> Goal:
    access.require(actor, "project.edit", project)
    project.require_editable()
    if not description.strip():
        raise ValidationError({"description": _("Describe the goal.")})
    position = project.goals.count() + 1
    return Goal.objects.create(
        project=project,
        description=description.strip(),
        success_criterion=success_criterion,
        position=position,
    )


@audit.service
@transaction.atomic
def take_step(actor, *, project, name: str, reason="") -> Project:
    """A team step of the workflow (start, begin evaluation, resume)."""
    step = engine.begin(actor, project, name, by_click=True)
    step.obj.version += 1
    return step.finish(reason=reason)


# --- PDSA cycles ----------------------------------------------------------------------------------

PDSA_FIELDS = (
    "title",
    "prediction",
    "plan_who",
    "plan_what",
    "plan_when",
    "plan_where",
    "what_happened",
    "study",
    "act",
    "act_notes",
    "indicator",
)


def _require_pdsa_edit(actor, cycle):
    """A cycle is written by whoever may edit its project (while open) or move its idea."""
    access.require(actor, "pdsa.edit", cycle)
    if cycle.project is not None:
        cycle.project.require_editable()


@audit.service
@transaction.atomic
def start_pdsa(actor, *, project=None, idea=None, previous=None, reason="", **fields) -> PdsaCycle:
    """A new test of change; with `previous`, the next cycle of a ramp."""
    if (project is None) == (idea is None):
        raise ValidationError(_("A PDSA cycle belongs to a project or to an idea."))
    _require_pdsa_edit(actor, PdsaCycle(project=project, idea=idea))
    if previous is not None and (
        previous.project_id != getattr(project, "pk", None) or previous.idea_id != getattr(idea, "pk", None)
    ):
        raise ValidationError({"previous": _("The previous cycle belongs to something else.")})
    if set(fields) - set(PDSA_FIELDS):
        raise ValidationError(_("Unknown fields."))
    if not fields.get("title", "").strip():
        raise ValidationError({"title": _("Say what you test.")})
    indicator = fields.get("indicator")
    if indicator is not None and (project is None or indicator.goal.project_id != project.pk):
        raise ValidationError({"indicator": _("Choose one of the project's indicators.")})
    return PdsaCycle.objects.create(project=project, idea=idea, previous=previous, created_by=actor, **fields)


@audit.service
@transaction.atomic
def update_pdsa(actor, *, cycle, fields: dict, version, reason="") -> PdsaCycle:
    cycle = lock(cycle)
    _require_pdsa_edit(actor, cycle)
    if cycle.stage == PdsaStage.DONE:
        raise ValidationError(_("The cycle is closed. Start the next cycle instead."))
    _check_version(cycle, version, _("this PDSA cycle"))
    if set(fields) - set(PDSA_FIELDS):
        raise ValidationError(_("Unknown fields."))
    indicator = fields.get("indicator")
    if indicator is not None and (cycle.project_id is None or indicator.goal.project_id != cycle.project_id):
        raise ValidationError({"indicator": _("Choose one of the project's indicators.")})
    for name, value in fields.items():
        setattr(cycle, name, value)
    cycle.version += 1
    cycle.save()
    return cycle


@audit.service
@transaction.atomic
def advance_pdsa(actor, *, cycle, reason="") -> PdsaCycle:
    """Plan → do → study → act → done; each step needs its part written first."""
    step = engine.begin(actor, cycle, "advance")
    cycle = step.obj
    if cycle.project is not None:
        cycle.project.require_editable()
    missing = {
        name: _("Fill this in first.")
        for name in workflow.PDSA_REQUIRES[step.before]
        if not getattr(cycle, name)
    }
    if missing:
        raise ValidationError(missing)
    cycle.version += 1
    return step.finish(reason=reason)


# --- progress ------------------------------------------------------------------------------------


@audit.service
@transaction.atomic
def submit_status_report(
    actor, *, project, reported_on, progress, traffic_light, spent, risks="", next_steps="", reason=""
) -> StatusReport:
    access.require(actor, "project.edit", project)
    project.require_editable()
    errors = {}
    if not progress.strip():
        errors["progress"] = _("Describe the progress.")
    if traffic_light not in ("green", "yellow", "red"):
        errors["traffic_light"] = _("Choose green, yellow or red.")
    report = StatusReport(
        project=project,
        reported_on=reported_on,
        progress=progress,
        traffic_light=traffic_light,
        spent=parse_money(spent, "spent"),
        risks=risks,
        next_steps=next_steps,
        created_by=actor,
    )
    # Spending over the budget is reported as it is, but it is never on track.
    if report.is_over_budget and traffic_light == "green":
        errors["traffic_light"] = _(
            "More than the budget is spent (%(share)s of it), so the light cannot be green."
        ) % {"share": percent(report.share_of_budget)}
    if errors:
        raise ValidationError(errors)
    report.save()
    return report


@audit.service
@transaction.atomic
def log_progress(actor, *, project, text, happened_on=None, reason="") -> ProgressEntry:
    access.require(actor, "project.edit", project)
    project.require_editable()
    if not text.strip():
        raise ValidationError({"text": _("Write what moved forward.")})
    return ProgressEntry.objects.create(
        project=project, text=text.strip(), happened_on=happened_on or timezone.localdate(), created_by=actor
    )


@audit.service
@transaction.atomic
def add_milestone(actor, *, project, title, due_on, reason="") -> Milestone:
    access.require(actor, "project.edit", project)
    project.require_editable()
    if not title.strip():
        raise ValidationError({"title": _("Name the milestone.")})
    return Milestone.objects.create(project=project, title=title.strip(), due_on=due_on)


@audit.service
@transaction.atomic
def reach_milestone(actor, *, milestone, reached_on=None, reason="") -> Milestone:
    access.require(actor, "project.edit", milestone.project)
    milestone.reached_on = reached_on or timezone.localdate()
    milestone.save()
    return milestone


# --- evaluation and business case -----------------------------------------------------------------

EVALUATION_FIELDS = ("goals_reached", "goals_and_indicators", "data_showed", "learnt", "dead_ends")


@audit.service
@transaction.atomic
def save_evaluation(
    actor, *, project, kind, fields: dict, evaluation=None, version=None, reason=""
) -> Evaluation:
    access.require(actor, "project.edit", project)
    project.require_editable()
    if kind not in EvaluationKind.values:
        raise ValidationError({"kind": _("Choose mid-term or final.")})
    if set(fields) - set(EVALUATION_FIELDS):
        raise ValidationError(_("Unknown fields."))
    errors = {}
    if not fields.get("goals_reached"):
        errors["goals_reached"] = _("Say whether the goals were reached.")
    if not str(fields.get("goals_and_indicators", "")).strip():
        errors["goals_and_indicators"] = _("Describe what was reached, goal by goal.")
    if errors:
        raise ValidationError(errors)
    if evaluation is None:
        return Evaluation.objects.create(project=project, kind=kind, created_by=actor, **fields)
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk, project=project)
    _check_version(evaluation, version, _("this evaluation"))
    for name, value in fields.items():
        setattr(evaluation, name, value)
    evaluation.kind = kind
    evaluation.version += 1
    evaluation.save()
    return evaluation


@audit.service
@transaction.atomic
def save_business_case(
    actor, *, project, discount_rate, first_year, costs, benefits, notes="", version=None, reason=""
) -> BusinessCase:
    """Replace the business case's lines. `costs`: dicts with year, kind, description, amount;
    `benefits`: dicts with year, kind, description, unit, owner, target, forecast, actual, indicator."""
    access.require(actor, "project.edit", project)
    project.require_editable()
    case = BusinessCase.objects.select_for_update().filter(project=project).first()
    if case is not None:
        _check_version(case, version, _("the business case"))
    try:
        rate = read_number(discount_rate)
    except ValueError:
        raise ValidationError({"discount_rate": _("Enter a percentage, e.g. 4.")}) from None
    if rate < 0 or rate > 100:
        raise ValidationError({"discount_rate": _("Enter a percentage between 0 and 100.")})
    for line in costs:
        if line["year"] < first_year:
            raise ValidationError({"costs": _("A cost lies before the first year.")})
        parse_money(line["amount"], "costs")
    for line in benefits:
        if line["year"] < first_year:
            raise ValidationError({"benefits": _("A benefit lies before the first year.")})
        indicator = line.get("indicator")
        if indicator is not None and indicator.goal.project_id != project.pk:
            raise ValidationError({"benefits": _("Choose one of the project's indicators.")})
    if case is None:
        case = BusinessCase.objects.create(
            project=project, discount_rate=rate, first_year=first_year, notes=notes
        )
    else:
        case.discount_rate, case.first_year, case.notes = rate, first_year, notes
        case.version += 1
        case.save()
        for line in list(case.costs.all()) + list(case.benefits.all()):
            line.delete()
    for line in costs:
        CostLine.objects.create(business_case=case, **line)
    for line in benefits:
        BenefitLine.objects.create(business_case=case, **line)
    return case


# --- the board's decision ----------------------------------------------------------------------------


def granted_money(project) -> tuple[Decimal, Decimal]:
    """(granted, already returned) on the fund's ledger, for a project born from a grant."""
    from fremdrift.funding import ledger

    if project.application_id is None:
        return ZERO, ZERO
    totals = ledger.balance(project.application.ledger_entries.values_list("kind", "amount"))
    return totals.granted, totals.returned


def latest_spent(project) -> Decimal:
    report = project.status_reports.order_by("-reported_on", "-pk").first()
    return report.spent if report else ZERO


def suggested_return(project) -> Decimal:
    """What a stopped project gives back: the grant, less what it spent and what was returned."""
    granted, returned = granted_money(project)
    return max(granted - returned - latest_spent(project), ZERO)


@audit.service
@transaction.atomic
def decide_closing(
    actor,
    *,
    project,
    outcome,
    reasons,
    receiving_organisation=None,
    spread_to=(),
    new_ends_on=None,
    to_return=None,
    new_budget=None,
    reason="",
) -> ClosingDecision:
    """The board's decision: into operations (naming the receiving unit), spread, extend (new end
    date, budget carried over) or stop (unspent grant money goes back to the fund)."""
    if outcome not in ClosingOutcome.values:
        raise ValidationError({"outcome": _("Choose a decision.")})
    step = engine.begin(actor, project, outcome)
    project = step.obj
    errors = {}
    if not reasons.strip():
        errors["reasons"] = _("Give the reasons for the decision; the team reads them.")
    root = project.organisation.ancestor_ids[0]
    if outcome == ClosingOutcome.INTO_OPERATIONS:
        if receiving_organisation is None:
            errors["receiving_organisation"] = _("Name the unit that takes it into operations.")
        elif receiving_organisation.ancestor_ids[0] != root:
            errors["receiving_organisation"] = _("Choose a unit in the project's own municipality.")
    if outcome == ClosingOutcome.SPREAD and not spread_to:
        errors["spread_to"] = _("Choose the units it spreads to.")
    if outcome == ClosingOutcome.EXTENDED:
        if new_ends_on is None:
            errors["new_ends_on"] = _("Give the new end date.")
        elif project.ends_on and new_ends_on <= project.ends_on:
            errors["new_ends_on"] = _("The new end date must be after the current one (%(date)s).") % {
                "date": date_format(project.ends_on)
            }
        # The one way a granted project's budget changes, with the board's reasons in the trail.
        new_budget = None if new_budget in (None, "") else parse_money(new_budget, "new_budget")
    if outcome == ClosingOutcome.STOPPED and project.application_id is not None:
        granted, returned = granted_money(project)
        to_return = suggested_return(project) if to_return is None else parse_money(to_return, "to_return")
        if to_return > granted - returned:
            errors["to_return"] = _("At most %(left)s of the grant can be returned.") % {
                "left": money(granted - returned, project.currency)
            }
    else:
        to_return = None
    if errors:
        raise ValidationError(errors)
    carried_over = None
    if outcome == ClosingOutcome.EXTENDED:
        carried_over = max(project.budget - latest_spent(project), ZERO)
    decision = ClosingDecision.objects.create(
        project=project,
        outcome=outcome,
        reasons=reasons,
        receiving_organisation=receiving_organisation if outcome == ClosingOutcome.INTO_OPERATIONS else None,
        new_ends_on=new_ends_on if outcome == ClosingOutcome.EXTENDED else None,
        carried_over=carried_over,
        to_return=to_return or None,
        decided_by=actor,
    )
    if outcome == ClosingOutcome.SPREAD:
        decision.spread_to.set(spread_to)
    audit.record(
        "decision",
        decision,
        changes={
            "after": {
                "outcome": outcome,
                "receiving_organisation": getattr(decision.receiving_organisation, "pk", None),
                "spread_to": [o.pk for o in spread_to] if outcome == ClosingOutcome.SPREAD else [],
                "new_ends_on": new_ends_on,
                "carried_over": carried_over,
                "to_return": to_return,
                "budget": new_budget if outcome == ClosingOutcome.EXTENDED else None,
            }
        },
        reason=reasons,
    )
    if outcome == ClosingOutcome.INTO_OPERATIONS:
        project.receiving_organisation = receiving_organisation
    if outcome == ClosingOutcome.EXTENDED:
        project.ends_on = new_ends_on
        if new_budget is not None:
            project.budget = new_budget
    project.version += 1
    step.finish(reason=reasons)
    # The board decides; the money moves on the fund's ledger at once when the decider also keeps
    # the ledger, otherwise the fund's innovation unit books it (see `return_unspent_money`).
    if decision.awaits_return and access.has_permission(actor, "ledger.return", project.fund):
        _book_return(actor, decision)
    return decision


def _book_return(actor, decision) -> None:
    from fremdrift.funding import bookkeeping

    application = decision.project.application
    grant = application.decisions.order_by("-decided_at", "-pk").first()
    entry = bookkeeping.return_unspent(
        actor,
        application=application,
        amount=decision.to_return,
        budget_year=grant.budget_year,
        reason=_("Unspent money from the stopped project “%(project)s”: %(reasons)s")
        % {"project": decision.project, "reasons": decision.reasons},
    )
    ClosingDecision.objects.filter(pk=decision.pk).update(returned_entry=entry)
    decision.returned_entry = entry
    audit.record("update", decision, changes={"after": {"returned_entry": entry.pk}}, reason=entry.reason)


@audit.service
@transaction.atomic
def return_unspent_money(actor, *, decision, reason="") -> ClosingDecision:
    """Book a stopped project's unspent money back into the fund's ledger (the fund's keeper)."""
    decision = ClosingDecision.objects.select_for_update().select_related("project").get(pk=decision.pk)
    if not decision.awaits_return:
        raise ValidationError(_("There is no money waiting to be returned."))
    access.require(actor, "ledger.return", decision.project.fund)
    _book_return(actor, decision)
    return decision


def default_first_year(project) -> int:
    return (project.starts_on or datetime.date.today()).year
