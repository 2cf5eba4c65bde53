"""Property tests: whatever happens to a budget year, its balance adds up and never goes below
zero unless an over-commitment says why."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fremdrift.funding import bookkeeping, decisions, ledger, selectors
from fremdrift.funding.models import Application, LedgerEntry
from funding.people import INNOVATION

pytestmark = [pytest.mark.funding]

amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("5000000"), places=2)
kinds = st.sampled_from(["budget", "grant", "payment", "return", "carry_in", "carry_out", "over_commitment"])


@given(st.lists(st.tuples(kinds, amounts), max_size=40))
def test_available_is_budget_plus_returned_plus_carried_in_minus_granted_and_carried_out(entries):
    balance = ledger.balance(entries)

    def total(kind):
        return sum((amount for k, amount in entries if k == kind), Decimal("0"))

    assert balance.available == (
        total("budget") + total("return") + total("carry_in") - total("grant") - total("carry_out")
    )
    assert ledger.balance(reversed(entries)) == balance


@given(st.lists(st.tuples(kinds, amounts), max_size=30), amounts)
def test_payments_never_change_what_is_available(entries, payment):
    assert ledger.balance([*entries, ("payment", payment)]).available == ledger.balance(entries).available


@given(st.lists(st.tuples(kinds, amounts), max_size=30), amounts)
def test_a_grant_within_the_shortfall_keeps_the_year_sound(entries, amount):
    before = ledger.balance(entries)
    if not before.is_sound:
        return
    missing = ledger.shortfall(before, amount)
    after = ledger.balance([*entries, ("grant", amount), ("over_commitment", missing)])
    assert after.is_sound
    if missing == 0:
        assert ledger.balance([*entries, ("grant", amount)]).is_sound


operations = st.lists(
    st.tuples(
        st.sampled_from(["budget", "carry", "regrant", "regrant_over", "pay", "give_back"]),
        st.decimals(min_value=Decimal("1"), max_value=Decimal("3000000"), places=2),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=operations)
def test_the_services_keep_every_budget_year_sound(world, fund, steps):
    unit = world.users[INNOVATION]
    with transaction.atomic():
        application = Application.objects.get(title="Spisevenner i hjemmeplejen")
        year = fund.budget_years.get(year=2026)
        for operation, amount in steps:
            try:
                with transaction.atomic():
                    decision = application.decisions.order_by("-pk").first()
                    if operation == "budget":
                        bookkeeping.add_budget(unit, fund=fund, year=2026, amount=amount, reason="Tillæg")
                    elif operation == "carry":
                        bookkeeping.carry_over(unit, budget_year=year, amount=amount, reason="Videre")
                    elif operation in ("regrant", "regrant_over"):
                        application.budget_lines.update(amount=max(amount, Decimal("58000")))
                        decisions.correct_decision(
                            unit,
                            decision=decision,
                            outcome="granted",
                            amount=amount,
                            reasons="Rettet",
                            over_commitment_reason="Besluttet trods underskud"
                            if operation == "regrant_over"
                            else "",
                        )
                    elif operation == "pay":
                        bookkeeping.record_payment(unit, application=application, amount=amount)
                    else:
                        bookkeeping.return_unspent(
                            unit, application=application, amount=amount, budget_year=year, reason="Stoppet"
                        )
            except ValidationError:
                pass
            for budget_year in fund.budget_years.all():
                balance = selectors.year_balance(budget_year)
                assert balance.is_sound, (budget_year.year, balance)
            granted, paid, returned = selectors.application_paid_and_returned(application)
            assert paid <= granted
            assert returned <= granted
        assert (
            not LedgerEntry.objects.filter(budget_year__fund=fund, amount__lt=0)
            .exclude(kind="grant")
            .exists()
        )
        transaction.set_rollback(True)
