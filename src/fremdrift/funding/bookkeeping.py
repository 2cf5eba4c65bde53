"""The fund's ledger as services: budgets, carrying over, paying out and returning money.

Every change is a `LedgerEntry` in a locked budget year; the arithmetic over the entries is the pure
`ledger` module. Grants are booked by `decisions` through `book`."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fremdrift import access, audit
from fremdrift.core.formatting import money
from fremdrift.core.services import lock, parse_money

from .models import ApplicationStatus, EntryKind, FundBudgetYear, LedgerEntry
from .selectors import application_paid_and_returned, year_balance


def _budget_year(fund, year) -> FundBudgetYear:
    budget_year, _created = FundBudgetYear.objects.get_or_create(fund=fund, year=year)
    return budget_year


def book(budget_year, kind, amount, actor, *, application=None, decision=None, reason="", booked_on=None):
    """One entry on the ledger; the caller holds the lock on the budget year."""
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
    amount = parse_money(amount, "amount")
    if amount == 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    if not reason:
        raise ValidationError({"reason": _("Say what the budget is (e.g. the council's budget decision).")})
    budget_year = lock(_budget_year(fund, year))
    return book(budget_year, EntryKind.BUDGET, amount, actor, reason=reason)


@audit.service
@transaction.atomic
def carry_over(actor, *, budget_year: FundBudgetYear, amount, reason: str) -> LedgerEntry:
    """Carry what is left of a budget year into the next one."""
    access.require(actor, "ledger.record", budget_year.fund)
    amount = parse_money(amount, "amount")
    if amount == 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    locked = lock(budget_year)
    available = year_balance(locked).available
    if amount > available:
        raise ValidationError(
            {
                "amount": _("Only %(available)s is available to carry over.")
                % {"available": money(available, budget_year.fund.currency)}
            }
        )
    following = _budget_year(budget_year.fund, budget_year.year + 1)
    lock(following)
    out = book(locked, EntryKind.CARRY_OUT, amount, actor, reason=reason)
    book(following, EntryKind.CARRY_IN, amount, actor, reason=reason)
    return out


@audit.service
@transaction.atomic
def record_payment(actor, *, application, amount, reason="", booked_on=None) -> LedgerEntry:
    """A transfer of granted money to the project."""
    access.require(actor, "ledger.record", application.fund)
    application = lock(application)
    if application.status != ApplicationStatus.GRANTED:
        raise ValidationError(_("Only a granted application is paid."))
    amount = parse_money(amount, "amount")
    granted, paid, returned = application_paid_and_returned(application)
    if amount <= 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    if paid + returned + amount > granted:
        raise ValidationError(
            {
                "amount": _("Only %(left)s of the grant is left to pay.")
                % {"left": money(granted - paid - returned, application.fund.currency)}
            }
        )
    decision = application.decisions.order_by("-decided_at", "-pk").first()
    budget_year = FundBudgetYear.objects.select_for_update().get(pk=decision.budget_year_id)
    return book(
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
    application = lock(application)
    if application.status != ApplicationStatus.GRANTED:
        raise ValidationError(_("Only a granted application returns money."))
    if budget_year.fund_id != application.fund_id:
        raise ValidationError({"budget_year": _("That budget year belongs to another fund.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the money is returned.")})
    amount = parse_money(amount, "amount")
    if amount <= 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    granted, paid, returned = application_paid_and_returned(application)
    if returned + amount > granted:
        raise ValidationError(
            {
                "amount": _("At most %(left)s can be returned.")
                % {"left": money(granted - returned, application.fund.currency)}
            }
        )
    locked = lock(budget_year)
    return book(
        locked, EntryKind.RETURN, amount, actor, application=application, reason=reason, booked_on=booked_on
    )
