"""The recommendation and the decision: the innovation unit recommends, the innovation unit (small
applications) or the board (large ones) grants or rejects, and a decision is corrected by a new one.

A grant is booked on the fund's ledger in the same transaction, never beyond what is available
unless an over-commitment is recorded with its reason; the applicant is told after it commits."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from fremdrift import audit
from fremdrift.core import workflow as engine
from fremdrift.core.formatting import money
from fremdrift.core.services import lock, parse_money

from . import ledger, notifications, workflow
from .bookkeeping import book
from .models import (
    ApplicationStatus,
    Decision,
    DecisionOutcome,
    EntryKind,
    Recommendation,
    RecommendationOutcome,
)
from .selectors import application_paid_and_returned, year_balance

ZERO = Decimal("0")


@audit.service
@transaction.atomic
def recommend(
    actor, *, application, outcome, amount=ZERO, conditions="", reasons: str, reason=""
) -> Recommendation:
    step = engine.begin(actor, application, "recommend")
    application = step.obj
    amount = parse_money(amount, "amount")
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
    step.finish(reason=reasons)
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
                "minimum": money(application.fund.minimum_grant, application.fund.currency)
            }
        elif amount > application.requested_amount:
            errors["amount"] = _("That is more than the %(requested)s applied for.") % {
                "requested": money(application.requested_amount, application.fund.currency)
            }
    if errors:
        raise ValidationError(errors)


def _book_grant(actor, *, decision, budget_year, difference, over_commitment_reason):
    """Write the grant (or its correction) to the locked budget year, never beyond what is available
    unless an over-commitment is recorded with its reason."""
    locked = lock(budget_year)
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
                            "available": money(
                                max(current.available + current.over_committed, ZERO), locked.fund.currency
                            ),
                            "year": locked.year,
                        }
                    }
                )
            book(
                locked,
                EntryKind.OVER_COMMITMENT,
                missing,
                actor,
                application=decision.application,
                decision=decision,
                reason=over_commitment_reason,
            )
    if difference != 0:
        book(
            locked,
            EntryKind.GRANT,
            difference,
            actor,
            application=decision.application,
            decision=decision,
            reason=decision.reasons,
        )


def _decide(
    actor, *, step, outcome, amount, conditions, reasons, budget_year, over_commitment_reason, corrects
):
    """The decision (or its correction) within the workflow step that `step` holds open."""
    application = step.obj
    body = workflow.deciding_body(step.transition)
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
    if step.before != new_status:
        step.finish(new_status, reason=reasons)
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
    return _decide(
        actor,
        step=engine.begin(actor, application, "decide"),
        outcome=outcome,
        amount=parse_money(amount, "amount"),
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
    step = engine.begin(actor, decision.application, "correct_decision")
    application = step.obj
    latest = application.decisions.order_by("-decided_at", "-pk").first()
    if latest is None or latest.pk != decision.pk:
        raise ValidationError(_("Only the current decision can be corrected."))
    _granted, paid, returned = application_paid_and_returned(application)
    moved = paid + returned
    if outcome == DecisionOutcome.GRANTED and parse_money(amount, "amount") < moved:
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
        step=step,
        outcome=outcome,
        amount=parse_money(amount, "amount"),
        conditions=conditions,
        reasons=reasons,
        budget_year=budget_year,
        over_commitment_reason=over_commitment_reason,
        corrects=decision,
    )
