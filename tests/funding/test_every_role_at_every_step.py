"""Each step of the fund's workflow, tried by every role: only the roles the workflow names get through."""

from decimal import Decimal

import pytest
from django.db import transaction

from fremdrift import access
from fremdrift.funding import applications, assessment, bookkeeping, decisions
from funding.people import (
    ADMIN,
    BOARD,
    INNOVATION,
    LEAD,
    OTHER_ADMIN,
    OTHER_LEAD,
    PLATFORM,
    POOL_BOARD,
    POOL_UNIT,
    QUALITY,
    REVIEWER,
    REVIEWER2,
    STAFF,
)

pytestmark = [pytest.mark.funding]

EVERYONE = [
    STAFF,
    LEAD,
    REVIEWER,
    REVIEWER2,
    INNOVATION,
    BOARD,
    QUALITY,
    ADMIN,
    OTHER_LEAD,
    OTHER_ADMIN,
    POOL_UNIT,
    POOL_BOARD,
    PLATFORM,
]


def who_gets_through(world, step):
    allowed = set()
    for email in EVERYONE:
        with transaction.atomic():
            try:
                step(world.users[email])
            except access.NotAllowed:
                pass
            else:
                allowed.add(email)
            transaction.set_rollback(True)
    return allowed


@pytest.fixture
def setting(world, fund, open_round, make_application, budget_year):
    unit = world.users[INNOVATION]
    draft = make_application(round=open_round)
    submitted = make_application(round=open_round, submit=True)
    reviewed = make_application(round=open_round, submit=True)
    assignment = assessment.assign_reviewer(unit, application=reviewed, reviewer=world.users[REVIEWER])
    assessment.declare_conflict(world.users[REVIEWER], assignment=assignment, has_conflict=False)
    recommended = make_application(round=open_round, submit=True)
    decisions.recommend(unit, application=recommended, outcome="grant", amount="100000", reasons="God")
    small = make_application(amount="40000", submit=True)
    granted = make_application(amount="40000", submit=True)
    decisions.decide(
        unit, application=granted, outcome="granted", amount="40000", reasons="Ja", budget_year=budget_year
    )
    return locals()


def scores(application):
    return {c.pk: (3, "") for c in application.fund.criteria.all()}


STEPS = {
    "apply for Plejecenter Lindely": (
        lambda s, w, u: applications.create_application(
            u, fund=s["fund"], organisation=w.organisations["Plejecenter Lindely"], title="Ny"
        ),
        {LEAD, PLATFORM},
    ),
    "submit": (lambda s, w, u: applications.submit_application(u, application=s["draft"]), {LEAD, PLATFORM}),
    "withdraw": (
        lambda s, w, u: applications.withdraw_application(u, application=s["submitted"]),
        {LEAD, PLATFORM},
    ),
    "assign a reviewer": (
        lambda s, w, u: assessment.assign_reviewer(
            u, application=s["submitted"], reviewer=w.users[REVIEWER2]
        ),
        {INNOVATION, PLATFORM},
    ),
    "return for revision": (
        lambda s, w, u: applications.return_for_revision(u, application=s["submitted"], reason="Mere"),
        {INNOVATION, PLATFORM},
    ),
    "review": (
        lambda s, w, u: assessment.submit_review(u, assignment=s["assignment"], scores=scores(s["reviewed"])),
        {REVIEWER},
    ),
    "recommend": (
        lambda s, w, u: decisions.recommend(u, application=s["submitted"], outcome="reject", reasons="Nej"),
        {INNOVATION, PLATFORM},
    ),
    "decide from the threshold": (
        lambda s, w, u: decisions.decide(
            u,
            application=s["recommended"],
            outcome="granted",
            amount="100000",
            reasons="Ja",
            budget_year=s["budget_year"],
        ),
        {BOARD, PLATFORM},
    ),
    "decide below the threshold": (
        lambda s, w, u: decisions.decide(
            u,
            application=s["small"],
            outcome="granted",
            amount="40000",
            reasons="Ja",
            budget_year=s["budget_year"],
        ),
        {INNOVATION, PLATFORM},
    ),
    "record a payment": (
        lambda s, w, u: bookkeeping.record_payment(u, application=s["granted"], amount=Decimal("1000")),
        {INNOVATION, PLATFORM},
    ),
    "return unspent money": (
        lambda s, w, u: bookkeeping.return_unspent(
            u,
            application=s["granted"],
            amount=Decimal("1000"),
            budget_year=s["budget_year"],
            reason="Stoppet",
        ),
        {INNOVATION, BOARD, PLATFORM},
    ),
    "carry over": (
        lambda s, w, u: bookkeeping.carry_over(
            u, budget_year=s["budget_year"], amount=Decimal("1000"), reason="Videre"
        ),
        {INNOVATION, PLATFORM},
    ),
    "add budget": (
        lambda s, w, u: bookkeeping.add_budget(
            u, fund=s["fund"], year=2028, amount=Decimal("1000"), reason="Budget"
        ),
        {INNOVATION, PLATFORM},
    ),
}


@pytest.mark.parametrize("step", STEPS, ids=list(STEPS))
def test_only_the_named_roles_take_the_step(world, setting, step):
    action, expected = STEPS[step]
    assert who_gets_through(world, lambda user: action(setting, world, user)) == expected
