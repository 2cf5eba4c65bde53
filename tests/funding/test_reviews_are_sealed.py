"""A review is sealed until its reviewer submits; applicants never read reviews."""

import pytest
from django.core.exceptions import ValidationError

from fremdrift import access
from fremdrift.funding import assessment, selectors
from funding.people import ADMIN, BOARD, INNOVATION, LEAD, REVIEWER, REVIEWER2

pytestmark = [pytest.mark.funding]


@pytest.fixture
def in_review(world, open_round, make_application):
    application = make_application(round=open_round, submit=True)
    unit = world.users[INNOVATION]
    first = assessment.assign_reviewer(unit, application=application, reviewer=world.users[REVIEWER])
    second = assessment.assign_reviewer(unit, application=application, reviewer=world.users[REVIEWER2])
    for assignment in (first, second):
        assessment.declare_conflict(assignment.reviewer, assignment=assignment, has_conflict=False)
    return application, first, second


def scores_for(application, value=4):
    return {c.pk: (value, "Begrundelse") for c in application.fund.criteria.all()}


def test_a_reviewer_sees_the_others_only_after_submitting(world, in_review):
    application, first, second = in_review
    assessment.submit_review(
        world.users[REVIEWER], assignment=first, scores=scores_for(application), comment="Fin"
    )
    # The second reviewer has not submitted: the first review is sealed to them.
    assert list(selectors.visible_reviews(world.users[REVIEWER2], application)) == []
    assessment.submit_review(
        world.users[REVIEWER2], assignment=second, scores=scores_for(application, 2), comment="Svag"
    )
    assert selectors.visible_reviews(world.users[REVIEWER2], application).count() == 2


def test_a_saved_but_unsubmitted_review_is_seen_only_by_its_author(world, in_review):
    application, first, _second = in_review
    assessment.submit_review(
        world.users[REVIEWER], assignment=first, scores=scores_for(application), submit=False
    )
    assert selectors.visible_reviews(world.users[REVIEWER], application).count() == 1
    for email in (REVIEWER2, INNOVATION, BOARD, LEAD, ADMIN):
        assert not selectors.visible_reviews(world.users[email], application).exists(), email


def test_the_applicant_never_reads_a_review(world, in_review, client_for):
    application, first, _second = in_review
    assessment.submit_review(
        world.users[REVIEWER], assignment=first, scores=scores_for(application), comment="Hemmelig note"
    )
    assert not selectors.visible_reviews(world.users[LEAD], application).exists()


def test_a_reviewer_with_a_conflict_of_interest_cannot_score(world, open_round, make_application):
    application = make_application(round=open_round, submit=True)
    assignment = assessment.assign_reviewer(
        world.users[INNOVATION], application=application, reviewer=world.users[REVIEWER]
    )
    with pytest.raises(ValidationError):  # must declare first
        assessment.submit_review(world.users[REVIEWER], assignment=assignment, scores=scores_for(application))
    assessment.declare_conflict(
        world.users[REVIEWER], assignment=assignment, has_conflict=True, note="Min søster leder projektet."
    )
    with pytest.raises(access.NotAllowed):
        assessment.submit_review(world.users[REVIEWER], assignment=assignment, scores=scores_for(application))


def test_a_review_scores_every_bottom_line_within_the_scale(world, in_review):
    application, first, _second = in_review
    criteria = list(application.fund.criteria.all())
    with pytest.raises(ValidationError) as refused:
        assessment.submit_review(world.users[REVIEWER], assignment=first, scores={criteria[0].pk: (9, "")})
    assert f"score_{criteria[0].pk}" in refused.value.message_dict
    assert f"score_{criteria[1].pk}" in refused.value.message_dict


def test_a_submitted_review_cannot_change(world, in_review):
    application, first, _second = in_review
    assessment.submit_review(world.users[REVIEWER], assignment=first, scores=scores_for(application))
    with pytest.raises(ValidationError):
        assessment.submit_review(world.users[REVIEWER], assignment=first, scores=scores_for(application, 1))


def test_only_the_assigned_reviewer_reviews(world, in_review):
    application, first, _second = in_review
    with pytest.raises(access.NotAllowed):
        assessment.submit_review(world.users[REVIEWER2], assignment=first, scores=scores_for(application))


def test_only_reviewers_of_the_fund_can_be_assigned(world, open_round, make_application):
    application = make_application(round=open_round, submit=True)
    with pytest.raises(ValidationError):
        assessment.assign_reviewer(
            world.users[INNOVATION], application=application, reviewer=world.users[BOARD]
        )
    with pytest.raises(access.NotAllowed):
        assessment.assign_reviewer(
            world.users[BOARD], application=application, reviewer=world.users[REVIEWER]
        )


def test_the_round_page_shows_no_scores_to_reviewers(client_for, world):
    from django.urls import reverse

    from fremdrift.funding.models import Round

    url = reverse("funding:round", args=[Round.objects.get(name="Efterår 2026").pk])
    assert "70,0" not in client_for(REVIEWER2).get(url).content.decode()  # the first reviewer's score
    assert "70,0" in client_for(BOARD).get(url).content.decode()


def test_nobody_scores_or_declares_on_a_reviewer_s_behalf(world, in_review):
    application, first, _second = in_review
    platform = world.users["platform@fremdrift.demo"]
    with pytest.raises(access.NotAllowed):
        assessment.submit_review(platform, assignment=first, scores=scores_for(application))
    with pytest.raises(access.NotAllowed):
        assessment.declare_conflict(platform, assignment=first, has_conflict=True, note="Min svoger")
    first.refresh_from_db()
    assert first.has_conflict is False and not hasattr(first, "review")
