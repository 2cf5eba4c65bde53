"""A step the workflow does not allow is refused by the service, whoever calls it."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from fremdrift import access
from fremdrift.funding import applications, assessment, decisions, workflow
from fremdrift.funding.models import ApplicationStatus, Route
from funding.people import BOARD, INNOVATION, LEAD, REVIEWER, STAFF

pytestmark = [pytest.mark.funding]


def test_every_transition_names_an_action_or_the_applicant():
    applicant_actions = next(r.grants for r in access.RELATIONS if r.model == "funding.application")
    for transition in workflow.APPLICATION.transitions:
        assert transition.action in applicant_actions or transition.action in access.RULES
        assert transition.sources <= set(ApplicationStatus.values)


def test_routing_follows_the_threshold(fund):
    assert workflow.route_for(fund, Decimal("99999.99")) == Route.SMALL
    assert workflow.route_for(fund, Decimal("100000")) == Route.LARGE


def test_the_board_cannot_decide_an_unsubmitted_application(world, make_application, budget_year):
    draft = make_application()
    with pytest.raises((ValidationError, access.NotAllowed)):
        decisions.decide(
            world.users[BOARD],
            application=draft,
            outcome="granted",
            amount="1000",
            reasons="x",
            budget_year=budget_year,
        )
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT
    assert not draft.decisions.exists()


def test_a_large_application_needs_a_recommendation_before_the_board_decides(
    world, open_round, make_application, budget_year
):
    application = make_application(round=open_round, submit=True)
    with pytest.raises(ValidationError):
        decisions.decide(
            world.users[BOARD],
            application=application,
            outcome="granted",
            amount="1000",
            reasons="x",
            budget_year=budget_year,
        )


def test_the_innovation_unit_cannot_decide_a_large_application(world, recommended, budget_year):
    with pytest.raises(access.NotAllowed):
        decisions.decide(
            world.users[INNOVATION],
            application=recommended,
            outcome="granted",
            amount="1000",
            reasons="x",
            budget_year=budget_year,
        )


def test_the_board_does_not_decide_small_applications(world, make_application, budget_year):
    small = make_application(amount="50000", submit=True)
    assert small.route == Route.SMALL and small.round is None
    with pytest.raises(access.NotAllowed):
        decisions.decide(
            world.users[BOARD],
            application=small,
            outcome="granted",
            amount="50000",
            reasons="x",
            budget_year=budget_year,
        )
    decision = decisions.decide(
        world.users[INNOVATION],
        application=small,
        outcome="granted",
        amount="50000",
        reasons="Fint.",
        budget_year=budget_year,
    )
    assert decision.body == "innovation_unit"


def test_reviewing_after_the_decision_is_refused(world, open_round, make_application):
    application = make_application(round=open_round, submit=True)
    assignment = assessment.assign_reviewer(
        world.users[INNOVATION], application=application, reviewer=world.users[REVIEWER]
    )
    assessment.declare_conflict(world.users[REVIEWER], assignment=assignment, has_conflict=False)
    decisions.recommend(world.users[INNOVATION], application=application, outcome="reject", reasons="Nej.")
    decisions.decide(world.users[BOARD], application=application, outcome="rejected", reasons="Nej.")
    with pytest.raises(ValidationError):
        assessment.submit_review(world.users[REVIEWER], assignment=assignment, scores={}, comment="")


def test_a_decision_is_never_edited_and_a_correction_refers_to_it(world, recommended, budget_year):
    decision = decisions.decide(
        world.users[BOARD],
        application=recommended,
        outcome="granted",
        amount="200000",
        reasons="Ja.",
        budget_year=budget_year,
    )
    decision.reasons = "Ændret"
    with pytest.raises(PermissionError):
        decision.save()
    with pytest.raises(PermissionError):
        type(decision).objects.filter(pk=decision.pk).update(amount=1)
    correction = decisions.correct_decision(
        world.users[BOARD], decision=decision, outcome="granted", amount="150000", reasons="Regnefejl."
    )
    assert correction.corrects == decision
    decision.refresh_from_db()
    assert decision.amount == Decimal("200000")
    granted = sum(recommended.ledger_entries.filter(kind="grant").values_list("amount", flat=True))
    assert granted == Decimal("150000")


def test_only_the_current_decision_can_be_corrected(world, recommended, budget_year):
    first = decisions.decide(
        world.users[BOARD],
        application=recommended,
        outcome="granted",
        amount="200000",
        reasons="Ja.",
        budget_year=budget_year,
    )
    decisions.correct_decision(world.users[BOARD], decision=first, outcome="rejected", reasons="Fejl.")
    with pytest.raises(ValidationError):
        decisions.correct_decision(
            world.users[BOARD], decision=first, outcome="granted", amount="100000", reasons="Igen."
        )


def test_a_withdrawn_application_cannot_be_submitted(world, make_application):
    draft = make_application(email=STAFF, unit="Hjemmepleje Nord", amount="50000")
    applications.withdraw_application(world.users[STAFF], application=draft, reason="Dropper det.")
    with pytest.raises(ValidationError):
        applications.submit_application(world.users[STAFF], application=draft)


def test_someone_else_cannot_submit_or_edit_an_application(world, make_application):
    draft = make_application()
    title = draft.title
    for email in (STAFF, INNOVATION, BOARD):
        with pytest.raises(access.NotAllowed):
            applications.submit_application(world.users[email], application=draft)
        with pytest.raises(access.NotAllowed):
            applications.save_draft(world.users[email], application=draft, fields={"title": "Overtaget"})
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT and draft.submitted_at is None
    assert draft.title == title and draft.created_by == world.users[LEAD]
