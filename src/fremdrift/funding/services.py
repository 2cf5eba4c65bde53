"""Every state change of funds, applications, reviews, decisions and money: one function each.

Each takes the acting user first, checks permission with `fremdrift.access`, asks
`workflow.transition_for` whether the step is allowed from the current state, validates (raising
`ValidationError` with field keys), writes inside one transaction and leaves an audit entry with the
reason. Views, commands and tests all come through here.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from fremdrift import access, audit

from . import ledger, notifications, workflow
from .models import (
    Application,
    ApplicationStatus,
    ApplicationVersion,
    Attachment,
    BudgetLine,
    Criterion,
    DecidingBody,
    Decision,
    DecisionOutcome,
    EntryKind,
    Fund,
    FundBudgetYear,
    Goal,
    Indicator,
    LedgerEntry,
    Partner,
    Recommendation,
    RecommendationOutcome,
    Review,
    ReviewAssignment,
    Round,
    Route,
    Score,
    Theme,
)
from .selectors import application_paid_and_returned, is_applicant, year_balance

ZERO = Decimal("0")
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

# File kinds by their first bytes; the name's extension is never trusted.
MAGIC = [
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
]
OOXML = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _refuse(reason: str):
    raise access.NotAllowed(access.Permission(False, reason))


def _transition(name: str, application: Application) -> workflow.Transition:
    transition = workflow.transition_for(name, application)
    if transition is None:
        raise ValidationError(
            _("This cannot be done while the application is %(status)s.")
            % {"status": application.get_status_display().lower()}
        )
    return transition


def _require_applicant(actor, application):
    if is_applicant(actor, application) or access.is_platform_admin(actor):
        return
    _refuse(_("Only the applicant and the project lead can do this."))


def _set_status(application, status, *, reason=""):
    old = application.status
    application.status = status
    application.save()
    audit.record(
        "transition",
        application,
        changes={"before": {"status": old}, "after": {"status": status}},
        reason=reason,
    )


def _lock(application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def _money(value, field) -> Decimal:
    try:
        amount = Decimal(str(value))
    except Exception as error:
        raise ValidationError({field: _("Enter an amount, e.g. 125000.00.")}) from error
    if not amount.is_finite():
        raise ValidationError({field: _("Enter an amount, e.g. 125000.00.")})
    if amount < 0:
        raise ValidationError({field: _("The amount cannot be negative.")})
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError({field: _("Use at most two decimals.")})
    return amount


# --- funds, rounds and budgets -------------------------------------------------------------------


@audit.service
@transaction.atomic
def create_fund(actor, *, organisation, name, criteria=(), themes=(), reason="", **fields) -> Fund:
    access.require(actor, "fund.manage", organisation)
    fund = Fund(organisation=organisation, name=name, **fields)
    fund.full_clean()
    fund.save()
    for position, (criterion_name, description, weight, scale_max) in enumerate(criteria):
        Criterion.objects.create(
            fund=fund,
            name=criterion_name,
            description=description,
            weight=weight,
            scale_max=scale_max,
            position=position,
        )
    for position, theme in enumerate(themes):
        Theme.objects.create(fund=fund, name=theme, position=position)
    return fund


@audit.service
@transaction.atomic
def create_round(actor, *, fund, name, opens_on, deadline, reason="", **dates) -> Round:
    access.require(actor, "fund.manage", fund)
    if timezone.is_naive(deadline):
        deadline = timezone.make_aware(deadline, fund.zone)
    round_ = Round(fund=fund, name=name, opens_on=opens_on, deadline=deadline, **dates)
    round_.full_clean()
    if deadline.astimezone(fund.zone).date() < opens_on:
        raise ValidationError({"deadline": _("The deadline is before the round opens.")})
    round_.save()
    return round_


def _budget_year(fund, year) -> FundBudgetYear:
    budget_year, _created = FundBudgetYear.objects.get_or_create(fund=fund, year=year)
    return budget_year


def _entry(budget_year, kind, amount, actor, *, application=None, decision=None, reason="", booked_on=None):
    return LedgerEntry.objects.create(
        budget_year=budget_year,
        kind=kind,
        amount=amount,
        application=application,
        decision=decision,
        reason=reason,
        recorded_by=actor,
        booked_on=booked_on or timezone.localdate(),
    )


@audit.service
@transaction.atomic
def add_budget(actor, *, fund, year: int, amount, reason: str) -> LedgerEntry:
    """Put money into a budget year (the yearly budget, or an extra allocation)."""
    access.require(actor, "ledger.record", fund)
    amount = _money(amount, "amount")
    if amount == 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    if not reason:
        raise ValidationError({"reason": _("Say what the budget is (e.g. the council's budget decision).")})
    budget_year = FundBudgetYear.objects.select_for_update().filter(pk=_budget_year(fund, year).pk).get()
    return _entry(budget_year, EntryKind.BUDGET, amount, actor, reason=reason)


@audit.service
@transaction.atomic
def carry_over(actor, *, budget_year: FundBudgetYear, amount, reason: str) -> LedgerEntry:
    """Carry what is left of a budget year into the next one."""
    access.require(actor, "ledger.record", budget_year.fund)
    amount = _money(amount, "amount")
    if amount == 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    locked = FundBudgetYear.objects.select_for_update().get(pk=budget_year.pk)
    available = year_balance(locked).available
    if amount > available:
        raise ValidationError(
            {"amount": _("Only %(available)s is available to carry over.") % {"available": available}}
        )
    following = _budget_year(budget_year.fund, budget_year.year + 1)
    FundBudgetYear.objects.select_for_update().get(pk=following.pk)
    out = _entry(locked, EntryKind.CARRY_OUT, amount, actor, reason=reason)
    _entry(following, EntryKind.CARRY_IN, amount, actor, reason=reason)
    return out


# --- applications ----------------------------------------------------------------------------------


@audit.service
@transaction.atomic
def create_application(
    actor, *, fund, organisation, title, round=None, project_lead=None, reason=""
) -> Application:
    permission = access.may_apply(actor, fund, organisation)
    if not permission:
        raise access.NotAllowed(permission)
    if not title or not title.strip():
        raise ValidationError({"title": _("Give the project a title.")})
    if round is not None and round.fund_id != fund.pk:
        raise ValidationError({"round": _("That round belongs to another fund.")})
    return Application.objects.create(
        fund=fund,
        organisation=organisation,
        title=title.strip(),
        round=round,
        created_by=actor,
        project_lead=project_lead or actor,
    )


@audit.service
@transaction.atomic
def application_from_idea(actor, *, idea, fund, reason="") -> Application:
    """An idea becomes a draft application to a fund; the idea and the application link to each other."""
    application = create_application(actor, fund=fund, organisation=idea.organisation, title=idea.title)
    application.idea = idea
    application.challenge = "\n\n".join(part for part in (idea.problem, idea.proposal) if part)
    application.save(update_fields=["idea", "challenge"])
    return application


TEXT_FIELDS = [
    "title",
    "challenge",
    "criteria_how",
    "activities",
    "resources",
    "evaluation_plan",
    "spread_plan",
]


def validate_period_and_lines(starts_on, ends_on, budget_lines, goals):
    errors = {}
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = [_("The project ends before it starts.")]
    for index, line in enumerate(budget_lines):
        _money(line.get("amount"), "budget_lines")
        _money(line.get("co_financing") or 0, "budget_lines")
        if starts_on and ends_on and not (starts_on.year <= int(line["year"]) <= ends_on.year):
            errors.setdefault("budget_lines", []).append(
                _("Budget line %(number)s (%(year)s) lies outside the project period %(start)s–%(end)s.")
                % {"number": index + 1, "year": line["year"], "start": starts_on.year, "end": ends_on.year}
            )
    for goal in goals:
        for indicator in goal.get("indicators", []):
            if indicator.get("target") in (None, ""):
                errors.setdefault("goals", []).append(
                    _("The indicator “%(name)s” has no target.") % {"name": indicator.get("name", "")}
                )
    if errors:
        raise ValidationError(errors)


@audit.service
@transaction.atomic
def save_draft(
    actor,
    *,
    application,
    fields: dict,
    criteria=None,
    themes=None,
    sdgs=None,
    goals=None,
    partners=None,
    budget_lines=None,
    reason="",
) -> Application:
    """Save what the applicant has written so far. Only a draft can be changed.

    `goals` is a list of {"description", "indicators": [{name, definition, unit, baseline, target,
    data_collection}]}; `partners` of {name, kind, contribution}; `budget_lines` of
    {description, year, amount, co_financing}. A list given replaces the old one; None keeps it."""
    _require_applicant(actor, application)
    application = _lock(application)
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(
            _("A submitted application is frozen; it can only be changed if it is returned for revision.")
        )
    for name, value in fields.items():
        if name not in TEXT_FIELDS + ["starts_on", "ends_on", "round"]:
            raise ValueError(name)
        setattr(application, name, value)
    if application.round_id and application.round.fund_id != application.fund_id:
        raise ValidationError({"round": _("That round belongs to another fund.")})
    validate_period_and_lines(
        application.starts_on,
        application.ends_on,
        budget_lines if budget_lines is not None else list(application.budget_lines.values()),
        goals or [],
    )
    application.save()
    if criteria is not None:
        application.criteria.set([c for c in criteria if c.fund_id == application.fund_id])
    if themes is not None:
        application.themes.set([t for t in themes if t.fund_id == application.fund_id])
    if sdgs is not None:
        application.sdgs = sorted({int(s) for s in sdgs if 1 <= int(s) <= 17})
        application.save()
    if goals is not None:
        application.goals.all().delete()
        for position, goal in enumerate(goals):
            saved = Goal.objects.create(
                application=application, description=goal["description"], position=position
            )
            for indicator in goal.get("indicators", []):
                Indicator.objects.create(goal=saved, **indicator)
    if partners is not None:
        application.partners.all().delete()
        for partner in partners:
            Partner.objects.create(application=application, **partner)
    if budget_lines is not None:
        application.budget_lines.all().delete()
        for line in budget_lines:
            BudgetLine.objects.create(
                application=application,
                description=line["description"],
                year=line["year"],
                amount=_money(line["amount"], "budget_lines"),
                co_financing=_money(line.get("co_financing") or 0, "budget_lines"),
            )
    return application


def sniff_content_type(head: bytes, upload) -> str | None:
    for magic, content_type in MAGIC:
        if head.startswith(magic):
            return content_type
    if head.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            upload.seek(0)
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError):
            return None
        finally:
            upload.seek(0)
        if "[Content_Types].xml" in names:
            for prefix, content_type in OOXML.items():
                if any(name.startswith(prefix) for name in names):
                    return content_type
    return None


@audit.service
@transaction.atomic
def add_attachment(actor, *, application, upload, reason="") -> Attachment:
    """Attach a PDF, Word or Excel document or an image; the kind is read from the content."""
    _require_applicant(actor, application)
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(
            _("A submitted application is frozen; it can only be changed if it is returned for revision.")
        )
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            {
                "file": _("The file is too large: at most %(mb)s MB.")
                % {"mb": MAX_ATTACHMENT_BYTES // (1024 * 1024)}
            }
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = sniff_content_type(head, upload)
    if content_type is None:
        raise ValidationError(
            {"file": _("This file is not a PDF, Word or Excel document or an image (judged by its content).")}
        )
    attachment = Attachment(
        application=application,
        name=upload.name[:255],
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    return attachment


def completeness(application) -> dict[str, str]:
    """What is missing before the application can be submitted, per field."""
    missing = {}
    required = {
        "title": _("Give the project a title."),
        "challenge": _("Describe the challenge."),
        "criteria_how": _("Describe how the project serves the bottom lines."),
        "activities": _("Describe the activities."),
        "resources": _("Describe the resources."),
        "evaluation_plan": _("Describe how the project will be evaluated."),
        "spread_plan": _("Describe how the solution will be spread and implemented."),
    }
    for name, message in required.items():
        if not (getattr(application, name) or "").strip():
            missing[name] = message
    if application.fund.criteria.exists() and not application.criteria.exists():
        missing["criteria"] = _("Choose at least one bottom line the project serves.")
    if application.fund.themes.exists() and not application.themes.exists():
        missing["themes"] = _("Choose at least one theme.")
    if application.fund.uses_sdgs and not application.sdgs:
        missing["sdgs"] = _("Choose the UN Sustainable Development Goals the project supports.")
    if not application.starts_on or not application.ends_on:
        missing["starts_on"] = _("Give the project period.")
    goals = list(application.goals.prefetch_related("indicators"))
    if not goals or not all(goal.indicators.all() for goal in goals):
        missing["goals"] = _("Give at least one goal, each with a measurable indicator.")
    lines = list(application.budget_lines.all())
    if not lines:
        missing["budget_lines"] = _("Add the budget lines.")
    requested = sum((line.amount for line in lines), ZERO)
    if lines and requested < application.fund.minimum_grant:
        missing["budget_lines"] = _(
            "This fund grants at least %(minimum)s %(currency)s; the budget asks for %(requested)s."
        ) % {
            "minimum": application.fund.minimum_grant,
            "currency": application.fund.currency,
            "requested": requested,
        }
    if (
        lines
        and workflow.route_for(application.fund, requested) == Route.LARGE
        and application.round_id is None
    ):
        missing["round"] = _(
            "Applications of %(threshold)s %(currency)s or more belong to a round; choose one."
        ) % {
            "threshold": application.fund.threshold_amount,
            "currency": application.fund.currency,
        }
    return missing


def _snapshot(application) -> dict:
    return {
        **{name: getattr(application, name) for name in TEXT_FIELDS},
        "starts_on": application.starts_on.isoformat() if application.starts_on else None,
        "ends_on": application.ends_on.isoformat() if application.ends_on else None,
        "round": application.round_id,
        "criteria": [c.name for c in application.criteria.all()],
        "themes": [t.name for t in application.themes.all()],
        "sdgs": list(application.sdgs),
        "goals": [
            {
                "description": goal.description,
                "indicators": [
                    {
                        "name": i.name,
                        "definition": i.definition,
                        "unit": i.unit,
                        "baseline": str(i.baseline) if i.baseline is not None else None,
                        "target": str(i.target),
                        "data_collection": i.data_collection,
                    }
                    for i in goal.indicators.all()
                ],
            }
            for goal in application.goals.all()
        ],
        "partners": [
            {"name": p.name, "kind": p.kind, "contribution": p.contribution}
            for p in application.partners.all()
        ],
        "budget_lines": [
            {
                "description": b.description,
                "year": b.year,
                "amount": str(b.amount),
                "co_financing": str(b.co_financing),
            }
            for b in application.budget_lines.all()
        ],
        "attachments": [a.name for a in application.attachments.all()],
    }


@audit.service
@transaction.atomic
def submit_application(actor, *, application, now=None, reason="") -> Application:
    _require_applicant(actor, application)
    application = _lock(application)
    _transition("submit", application)
    missing = completeness(application)
    if missing:
        raise ValidationError(missing)
    now = now or timezone.now()
    requested = application.requested_amount
    route = workflow.route_for(application.fund, requested)
    if route == Route.SMALL:
        application.round = None  # taken all year, without a round
    else:
        round_ = application.round
        if now > round_.deadline:
            raise ValidationError(
                {
                    "round": _(
                        "The deadline for %(round)s was %(deadline)s (%(zone)s). Applications can no longer be submitted to it; choose a later round."
                    )
                    % {
                        "round": round_.name,
                        "deadline": date_format(
                            round_.deadline.astimezone(application.fund.zone), "DATETIME_FORMAT"
                        ),
                        "zone": application.fund.time_zone,
                    }
                }
            )
        if now.astimezone(application.fund.zone).date() < round_.opens_on:
            raise ValidationError(
                {
                    "round": _("%(round)s opens on %(date)s.")
                    % {"round": round_.name, "date": date_format(round_.opens_on)}
                }
            )
    application.route = route
    application.version += 1
    application.submitted_at = now
    ApplicationVersion.objects.create(
        application=application,
        number=application.version,
        content=_snapshot(application),
        requested_amount=requested,
        submitted_by=actor,
        submitted_at=now,
    )
    _set_status(
        application,
        ApplicationStatus.SUBMITTED,
        reason=reason or _("Submitted version %(n)s.") % {"n": application.version},
    )
    return application


@audit.service
@transaction.atomic
def withdraw_application(actor, *, application, reason="") -> Application:
    _require_applicant(actor, application)
    application = _lock(application)
    _transition("withdraw", application)
    _set_status(application, ApplicationStatus.WITHDRAWN, reason=reason)
    return application


@audit.service
@transaction.atomic
def return_for_revision(actor, *, application, reason: str) -> Application:
    """Give a submitted application back to the applicant; the submitted version stays as it was."""
    access.require(actor, "application.assign", application.fund)
    application = _lock(application)
    _transition("return_for_revision", application)
    if not reason:
        raise ValidationError({"reason": _("Tell the applicant what to revise.")})
    _set_status(application, ApplicationStatus.DRAFT, reason=reason)
    return application


# --- assessment --------------------------------------------------------------------------------------


@audit.service
@transaction.atomic
def assign_reviewer(actor, *, application, reviewer, reason="") -> ReviewAssignment:
    access.require(actor, "application.assign", application.fund)
    application = _lock(application)
    _transition("assign_reviewer", application)
    if not access.has_permission(reviewer, "application.review", application.fund):
        raise ValidationError(
            {"reviewer": _("%(user)s is not a reviewer for this fund.") % {"user": reviewer}}
        )
    if is_applicant(reviewer, application):
        raise ValidationError({"reviewer": _("An applicant cannot review their own application.")})
    if application.assignments.filter(reviewer=reviewer).exists():
        raise ValidationError(
            {"reviewer": _("%(user)s already reviews this application.") % {"user": reviewer}}
        )
    assignment = ReviewAssignment.objects.create(
        application=application, reviewer=reviewer, assigned_by=actor
    )
    if application.status != ApplicationStatus.IN_REVIEW:
        _set_status(application, ApplicationStatus.IN_REVIEW, reason=reason)
    return assignment


@audit.service
@transaction.atomic
def declare_conflict(actor, *, assignment, has_conflict: bool, note="", reason="") -> ReviewAssignment:
    if assignment.reviewer_id != actor.pk:
        _refuse(_("Only the assigned reviewer declares their own conflicts of interest."))
    assignment = ReviewAssignment.objects.select_for_update().get(pk=assignment.pk)
    review = getattr(assignment, "review", None)
    if review is not None and review.submitted_at is not None:
        raise ValidationError(_("The review has been submitted."))
    if has_conflict and not note.strip():
        raise ValidationError({"conflict_note": _("Describe the conflict of interest.")})
    assignment.has_conflict = has_conflict
    assignment.conflict_note = note.strip() if has_conflict else ""
    assignment.save()
    return assignment


@audit.service
@transaction.atomic
def submit_review(actor, *, assignment, scores: dict, comment="", submit=True, reason="") -> Review:
    """Score every bottom line. `scores` maps criterion id to (score, comment). With submit=False
    the review is saved, still sealed; submitted, it can no longer change."""
    application = assignment.application
    access.require(actor, "application.review", application.fund)
    if assignment.reviewer_id != actor.pk:
        _refuse(_("This review is assigned to someone else."))
    application = _lock(application)
    _transition("review", application)
    assignment = ReviewAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.has_conflict is None:
        raise ValidationError({"has_conflict": _("Declare first whether you have a conflict of interest.")})
    if assignment.has_conflict:
        _refuse(_("You declared a conflict of interest, so you cannot score this application."))
    review, _created = Review.objects.get_or_create(assignment=assignment)
    if review.submitted_at is not None:
        raise ValidationError(_("The review has been submitted and cannot be changed."))
    criteria = list(application.fund.criteria.all())
    errors = {}
    for criterion in criteria:
        value, _comment = scores.get(criterion.pk, (None, ""))
        key = f"score_{criterion.pk}"
        if value in (None, ""):
            if submit:
                errors[key] = _("Score %(criterion)s.") % {"criterion": criterion.name}
            continue
        try:
            value = int(value)
        except (TypeError, ValueError):
            errors[key] = _("Enter a whole number.")
            continue
        if not 0 <= value <= criterion.scale_max:
            errors[key] = _("Score from 0 to %(max)s.") % {"max": criterion.scale_max}
    if errors:
        raise ValidationError(errors)
    review.scores.all().delete()
    for criterion in criteria:
        value, score_comment = scores.get(criterion.pk, (None, ""))
        if value not in (None, ""):
            Score.objects.create(
                review=review, criterion=criterion, value=int(value), comment=score_comment or ""
            )
    review.comment = comment
    review.version_number = application.version
    if submit:
        review.submitted_at = timezone.now()
    review.save()
    return review


@audit.service
@transaction.atomic
def recommend(
    actor, *, application, outcome, amount=ZERO, conditions="", reasons: str, reason=""
) -> Recommendation:
    access.require(actor, "application.recommend", application.fund)
    application = _lock(application)
    _transition("recommend", application)
    amount = _money(amount, "amount")
    if outcome not in RecommendationOutcome.values:
        raise ValidationError({"outcome": _("Choose a recommendation.")})
    errors = {}
    if not reasons.strip():
        errors["reasons"] = _("Give the reasons for the recommendation.")
    if outcome == RecommendationOutcome.REJECT:
        amount = ZERO
    elif amount <= 0:
        errors["amount"] = _("Give the amount to grant.")
    elif amount > application.requested_amount:
        errors["amount"] = _("That is more than the %(requested)s applied for.") % {
            "requested": application.requested_amount
        }
    if outcome == RecommendationOutcome.GRANT_WITH_CONDITIONS and not conditions.strip():
        errors["conditions"] = _("State the conditions.")
    if errors:
        raise ValidationError(errors)
    recommendation = Recommendation.objects.create(
        application=application,
        outcome=outcome,
        amount=amount,
        conditions=conditions,
        reasons=reasons,
        recommended_by=actor,
    )
    _set_status(application, ApplicationStatus.RECOMMENDED, reason=reasons)
    return recommendation


def _check_decision(application, outcome, amount, reasons):
    errors = {}
    if outcome not in DecisionOutcome.values:
        errors["outcome"] = _("Choose grant or reject.")
    if not reasons.strip():
        errors["reasons"] = _("Give the reasons for the decision; the applicant reads them.")
    if outcome == DecisionOutcome.GRANTED:
        if amount <= 0:
            errors["amount"] = _("Give the amount granted.")
        elif amount < application.fund.minimum_grant:
            errors["amount"] = _("This fund grants at least %(minimum)s.") % {
                "minimum": application.fund.minimum_grant
            }
        elif amount > application.requested_amount:
            errors["amount"] = _("That is more than the %(requested)s applied for.") % {
                "requested": application.requested_amount
            }
    if errors:
        raise ValidationError(errors)


def _book_grant(actor, *, decision, budget_year, difference, over_commitment_reason):
    """Write the grant (or its correction) to the locked budget year, never beyond what is available
    unless an over-commitment is recorded with its reason."""
    locked = FundBudgetYear.objects.select_for_update().get(pk=budget_year.pk)
    current = year_balance(locked)
    if difference > 0:
        missing = ledger.shortfall(current, difference)
        if missing > 0:
            if not over_commitment_reason.strip():
                raise ValidationError(
                    {
                        "amount": _(
                            "Only %(available)s is available in %(year)s. To grant more, record an over-commitment with a reason."
                        )
                        % {
                            "available": max(current.available + current.over_committed, ZERO),
                            "year": locked.year,
                        }
                    }
                )
            _entry(
                locked,
                EntryKind.OVER_COMMITMENT,
                missing,
                actor,
                application=decision.application,
                decision=decision,
                reason=over_commitment_reason,
            )
    if difference != 0:
        _entry(
            locked,
            EntryKind.GRANT,
            difference,
            actor,
            application=decision.application,
            decision=decision,
            reason=decision.reasons,
        )


def _decide(
    actor, *, application, outcome, amount, conditions, reasons, budget_year, over_commitment_reason, corrects
):
    body = DecidingBody.INNOVATION_UNIT if application.route == Route.SMALL else DecidingBody.BOARD
    if outcome == DecisionOutcome.REJECTED:
        amount = ZERO
    _check_decision(application, outcome, amount, reasons)
    if outcome == DecisionOutcome.GRANTED and budget_year is None:
        raise ValidationError({"budget_year": _("Choose the budget year the grant is paid from.")})
    if budget_year is not None and budget_year.fund_id != application.fund_id:
        raise ValidationError({"budget_year": _("That budget year belongs to another fund.")})
    decision = Decision.objects.create(
        application=application,
        outcome=outcome,
        amount=amount,
        conditions=conditions,
        reasons=reasons,
        body=body,
        budget_year=budget_year if outcome == DecisionOutcome.GRANTED else None,
        corrects=corrects,
        decided_by=actor,
    )
    # Undo the corrected grant in its own year, then book the new one.
    if corrects is not None and corrects.outcome == DecisionOutcome.GRANTED and corrects.amount:
        if outcome == DecisionOutcome.GRANTED and corrects.budget_year_id == budget_year.pk:
            _book_grant(
                actor,
                decision=decision,
                budget_year=budget_year,
                difference=amount - corrects.amount,
                over_commitment_reason=over_commitment_reason,
            )
            amount = ZERO
        else:
            _book_grant(
                actor,
                decision=decision,
                budget_year=corrects.budget_year,
                difference=-corrects.amount,
                over_commitment_reason="",
            )
    if outcome == DecisionOutcome.GRANTED and amount:
        _book_grant(
            actor,
            decision=decision,
            budget_year=budget_year,
            difference=amount,
            over_commitment_reason=over_commitment_reason,
        )
    new_status = (
        ApplicationStatus.GRANTED if outcome == DecisionOutcome.GRANTED else ApplicationStatus.REJECTED
    )
    audit.record(
        "decision",
        decision,
        changes={
            "after": {
                "outcome": outcome,
                "amount": str(decision.amount),
                "conditions": conditions,
                "corrects": corrects.pk if corrects else None,
                "over_commitment_reason": over_commitment_reason,
            }
        },
        reason=reasons,
    )
    if application.status != new_status:
        _set_status(application, new_status, reason=reasons)
    decision_pk = decision.pk
    transaction.on_commit(lambda: notifications.send_decision(decision_pk))
    return decision


@audit.service
@transaction.atomic
def decide(
    actor,
    *,
    application,
    outcome,
    amount=ZERO,
    conditions="",
    reasons: str,
    budget_year=None,
    over_commitment_reason="",
    reason="",
) -> Decision:
    """Grant or reject: the board from the threshold (after a recommendation), the innovation unit below it."""
    application = _lock(application)
    access.require(actor, workflow.decide_action(application.route), application.fund)
    transition = _transition("decide", application)
    access.require(actor, transition.action, application.fund)
    return _decide(
        actor,
        application=application,
        outcome=outcome,
        amount=_money(amount, "amount"),
        conditions=conditions,
        reasons=reasons,
        budget_year=budget_year,
        over_commitment_reason=over_commitment_reason,
        corrects=None,
    )


@audit.service
@transaction.atomic
def correct_decision(
    actor,
    *,
    decision,
    outcome,
    amount=ZERO,
    conditions="",
    reasons: str,
    budget_year=None,
    over_commitment_reason="",
    reason="",
) -> Decision:
    """A decision is never edited: the correction is a new decision that refers to the old one."""
    application = _lock(decision.application)
    access.require(actor, workflow.decide_action(application.route), application.fund)
    transition = _transition("correct_decision", application)
    access.require(actor, transition.action, application.fund)
    latest = application.decisions.order_by("-decided_at", "-pk").first()
    if latest is None or latest.pk != decision.pk:
        raise ValidationError(_("Only the current decision can be corrected."))
    _granted, paid, returned = application_paid_and_returned(application)
    moved = paid + returned
    if outcome == DecisionOutcome.GRANTED and _money(amount, "amount") < moved:
        raise ValidationError(
            {"amount": _("%(moved)s of the grant has already been paid out or returned.") % {"moved": moved}}
        )
    if outcome == DecisionOutcome.REJECTED and moved > 0:
        raise ValidationError(
            {"outcome": _("%(moved)s of the grant has already been paid out or returned.") % {"moved": moved}}
        )
    if outcome == DecisionOutcome.GRANTED and budget_year is None:
        budget_year = decision.budget_year
    return _decide(
        actor,
        application=application,
        outcome=outcome,
        amount=_money(amount, "amount"),
        conditions=conditions,
        reasons=reasons,
        budget_year=budget_year,
        over_commitment_reason=over_commitment_reason,
        corrects=decision,
    )


# --- money after the decision ---------------------------------------------------------------------------


@audit.service
@transaction.atomic
def record_payment(actor, *, application, amount, reason="", booked_on=None) -> LedgerEntry:
    """A transfer of granted money to the project."""
    access.require(actor, "ledger.record", application.fund)
    application = _lock(application)
    if application.status != ApplicationStatus.GRANTED:
        raise ValidationError(_("Only a granted application is paid."))
    amount = _money(amount, "amount")
    granted, paid, returned = application_paid_and_returned(application)
    if amount <= 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    if paid + returned + amount > granted:
        raise ValidationError(
            {"amount": _("Only %(left)s of the grant is left to pay.") % {"left": granted - paid - returned}}
        )
    decision = application.decisions.order_by("-decided_at", "-pk").first()
    budget_year = FundBudgetYear.objects.select_for_update().get(pk=decision.budget_year_id)
    return _entry(
        budget_year,
        EntryKind.PAYMENT,
        amount,
        actor,
        application=application,
        reason=reason,
        booked_on=booked_on,
    )


@audit.service
@transaction.atomic
def return_unspent(actor, *, application, amount, budget_year, reason: str, booked_on=None) -> LedgerEntry:
    """Money a project will not spend (e.g. because it stopped) goes back to the fund."""
    access.require(actor, "ledger.return", application.fund)
    application = _lock(application)
    if application.status != ApplicationStatus.GRANTED:
        raise ValidationError(_("Only a granted application returns money."))
    if budget_year.fund_id != application.fund_id:
        raise ValidationError({"budget_year": _("That budget year belongs to another fund.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the money is returned.")})
    amount = _money(amount, "amount")
    if amount <= 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    granted, paid, returned = application_paid_and_returned(application)
    if returned + amount > granted:
        raise ValidationError(
            {"amount": _("At most %(left)s can be returned.") % {"left": granted - returned}}
        )
    locked = FundBudgetYear.objects.select_for_update().get(pk=budget_year.pk)
    return _entry(
        locked, EntryKind.RETURN, amount, actor, application=application, reason=reason, booked_on=booked_on
    )
