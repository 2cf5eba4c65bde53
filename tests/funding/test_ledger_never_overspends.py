"""Granting never goes beyond what is available unless an over-commitment is recorded with a reason."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection

from fremdrift import access
from fremdrift.funding import bookkeeping, decisions, selectors
from funding.people import BOARD, INNOVATION, LEAD

pytestmark = [pytest.mark.funding]


def test_a_grant_beyond_what_is_available_is_refused(world, recommended, budget_year):
    available = selectors.year_balance(budget_year).available
    bookkeeping.carry_over(
        world.users[INNOVATION],
        budget_year=budget_year,
        amount=available - Decimal("100000"),
        reason="Til næste år",
    )
    with pytest.raises(ValidationError) as refused:
        decisions.decide(
            world.users[BOARD],
            application=recommended,
            outcome="granted",
            amount="200000",
            reasons="Ja",
            budget_year=budget_year,
        )
    assert "amount" in refused.value.message_dict
    assert selectors.year_balance(budget_year).available == Decimal("100000")


def test_an_over_commitment_with_a_reason_lets_the_grant_through(world, recommended, budget_year):
    available = selectors.year_balance(budget_year).available
    bookkeeping.carry_over(
        world.users[INNOVATION],
        budget_year=budget_year,
        amount=available - Decimal("100000"),
        reason="Til næste år",
    )
    decisions.decide(
        world.users[BOARD],
        application=recommended,
        outcome="granted",
        amount="200000",
        reasons="Ja",
        budget_year=budget_year,
        over_commitment_reason="Afventer tilbageførsel fra stoppet projekt.",
    )
    balance = selectors.year_balance(budget_year)
    assert balance.available == Decimal("-100000")
    assert balance.over_committed == Decimal("100000")
    assert balance.is_sound


def test_payments_never_exceed_the_grant_and_returns_go_back_to_the_fund(world, recommended, budget_year):
    unit = world.users[INNOVATION]
    decisions.decide(
        world.users[BOARD],
        application=recommended,
        outcome="granted",
        amount="200000",
        reasons="Ja",
        budget_year=budget_year,
    )
    before = selectors.year_balance(budget_year).available
    bookkeeping.record_payment(unit, application=recommended, amount="150000", reason="Rate 1")
    with pytest.raises(ValidationError):
        bookkeeping.record_payment(unit, application=recommended, amount="60000", reason="For meget")
    bookkeeping.return_unspent(
        unit, application=recommended, amount="50000", budget_year=budget_year, reason="Projektet stoppede"
    )
    after = selectors.year_balance(budget_year)
    assert after.available == before + Decimal("50000")
    with pytest.raises(ValidationError):
        bookkeeping.return_unspent(
            unit, application=recommended, amount="150001", budget_year=budget_year, reason="For meget"
        )


def test_only_the_innovation_unit_records_money(world, recommended, budget_year):
    decisions.decide(
        world.users[BOARD],
        application=recommended,
        outcome="granted",
        amount="200000",
        reasons="Ja",
        budget_year=budget_year,
    )
    for email in (BOARD, LEAD):
        with pytest.raises(access.NotAllowed):
            bookkeeping.record_payment(world.users[email], application=recommended, amount="1000")
        with pytest.raises(access.NotAllowed):
            bookkeeping.carry_over(world.users[email], budget_year=budget_year, amount="1000", reason="x")


def test_carrying_over_more_than_is_available_is_refused(world, budget_year):
    available = selectors.year_balance(budget_year).available
    with pytest.raises(ValidationError):
        bookkeeping.carry_over(
            world.users[INNOVATION], budget_year=budget_year, amount=available + 1, reason="x"
        )


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite has no row locks (it serialises every write), so concurrent grants are tested on PostgreSQL.",
)
def test_two_board_members_granting_at_once_cannot_overspend(
    world, fund, open_round, make_application, budget_year
):
    from fremdrift.organisations.models import Membership

    second_board = world.users[LEAD].__class__.objects.create(username="b2@x.dk", email="b2@x.dk")
    Membership.objects.create(user=second_board, organisation=fund.organisation, role="board_member")
    applications = [make_application(round=open_round, submit=True, amount="300000") for _ in range(2)]
    for application in applications:
        decisions.recommend(
            world.users[INNOVATION], application=application, outcome="grant", amount="300000", reasons="God"
        )
    available = selectors.year_balance(budget_year).available
    # Leave room for exactly one of the two grants.
    bookkeeping.carry_over(
        world.users[INNOVATION], budget_year=budget_year, amount=available - Decimal("400000"), reason="x"
    )
    barrier = threading.Barrier(2)
    results = []

    def grant(user, application):
        try:
            barrier.wait()
            decisions.decide(
                user,
                application=application,
                outcome="granted",
                amount="300000",
                reasons="Ja",
                budget_year=budget_year,
            )
            results.append("granted")
        except ValidationError:
            results.append("refused")
        finally:
            close_old_connections()
            connection.close()

    threads = [
        threading.Thread(target=grant, args=(user, application))
        for user, application in zip([world.users[BOARD], second_board], applications, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["granted", "refused"]
    balance = selectors.year_balance(budget_year)
    assert balance.available == Decimal("100000")
    assert balance.is_sound
