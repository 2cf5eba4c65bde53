"""Conflicts of interest bar every assessing and deciding step: the author, the project lead and
anyone who declared a conflict are refused with a reason, whatever roles they also hold."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from fremdrift import access
from fremdrift.core import workflow as engine
from fremdrift.funding import assessment, decisions
from fremdrift.funding.models import Application
from fremdrift.organisations.models import Membership
from fremdrift.organisations.roles import Role
from funding.people import BOARD, INNOVATION, LEAD, REVIEWER, REVIEWER2, STAFF

pytestmark = [pytest.mark.funding]

# The party, and the person who creates the applications (the party is the project lead or not).
PARTIES = {"author": LEAD, "project lead": STAFF, "declared conflict": REVIEWER2}


@pytest.fixture(params=list(PARTIES))
def setting(request, world, open_round, make_application, budget_year):
    party_email = PARTIES[request.param]
    fund_side = world.organisations["Ældre og Sundhed"]
    for role in (Role.INNOVATION_UNIT, Role.BOARD_MEMBER, Role.REVIEWER):
        Membership.objects.get_or_create(user=world.users[party_email], organisation=fund_side, role=role)
    unit = world.users[INNOVATION]
    apps = {
        "submitted": make_application(round=open_round, submit=True),
        "recommended": make_application(round=open_round, submit=True),
        "small": make_application(amount="40000", submit=True),
        "granted": make_application(amount="40000", submit=True),
    }
    for application in apps.values():
        if request.param == "project lead":
            Application.objects.filter(pk=application.pk).update(project_lead=world.users[STAFF])
        if request.param == "declared conflict":
            assignment = assessment.assign_reviewer(
                unit, application=application, reviewer=world.users[REVIEWER2]
            )
            assessment.declare_conflict(
                world.users[REVIEWER2], assignment=assignment, has_conflict=True, note="Min søster"
            )
        application.refresh_from_db()
    decisions.recommend(
        unit, application=apps["recommended"], outcome="grant", amount="100000", reasons="God"
    )
    decision = decisions.decide(
        unit,
        application=apps["granted"],
        outcome="granted",
        amount="40000",
        reasons="Ja",
        budget_year=budget_year,
    )
    # A fresh user object: the roles just given are read anew.
    party = get_user_model().objects.get(email=party_email)
    return {**apps, "party": party, "decision": decision, "budget_year": budget_year}


STEPS = {
    "assign a reviewer": lambda s, world: assessment.assign_reviewer(
        s["party"], application=s["submitted"], reviewer=world.users[REVIEWER]
    ),
    "recommend": lambda s, world: decisions.recommend(
        s["party"], application=s["submitted"], outcome="reject", reasons="Nej"
    ),
    "decide below the threshold": lambda s, world: decisions.decide(
        s["party"],
        application=s["small"],
        outcome="granted",
        amount="40000",
        reasons="Ja",
        budget_year=s["budget_year"],
    ),
    "decide from the threshold": lambda s, world: decisions.decide(
        s["party"],
        application=s["recommended"],
        outcome="granted",
        amount="100000",
        reasons="Ja",
        budget_year=s["budget_year"],
    ),
    "correct the decision": lambda s, world: decisions.correct_decision(
        s["party"], decision=s["decision"], outcome="rejected", reasons="Fejl"
    ),
}


@pytest.mark.parametrize("step", list(STEPS))
def test_a_party_is_refused_every_step_with_a_reason(world, setting, step):
    with pytest.raises(access.NotAllowed) as refused:
        STEPS[step](setting, world)
    assert str(refused.value) in {str(conflict.reason) for conflict in access.CONFLICTS}


def test_a_party_sees_no_assessing_or_deciding_button(setting):
    for name in ("submitted", "recommended", "small", "granted"):
        actions = {t.action for t in engine.available(setting["party"], setting[name])}
        assert not actions & access.ASSESSING_ACTIONS, (name, actions)


def test_a_party_may_neither_review_nor_read_the_reviews(setting):
    for action in ("application.review", "review.read", "application.assess"):
        permission = access.has_permission(setting["party"], action, setting["submitted"])
        assert not permission and permission.reason


def test_a_party_cannot_be_assigned_as_reviewer(world, setting):
    if setting["party"].email == REVIEWER2:
        pytest.skip("already assigned, with the conflict declared")
    with pytest.raises(ValidationError) as refused:
        assessment.assign_reviewer(
            world.users[INNOVATION], application=setting["submitted"], reviewer=setting["party"]
        )
    assert "reviewer" in refused.value.message_dict


def test_the_same_roles_without_a_tie_still_assess_and_decide(world, setting):
    # The board member who is no party decides as before: the bar is the tie, not the role.
    assert access.has_permission(world.users[BOARD], "application.decide_board", setting["recommended"])
    assert access.has_permission(world.users[INNOVATION], "application.recommend", setting["submitted"])
