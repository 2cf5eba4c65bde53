"""On the round overview a reviewer sees whether their own review is in, never how many others are."""

import pytest
from django.urls import reverse

from fremdrift.funding import assessment
from funding.people import INNOVATION, REVIEWER, REVIEWER2

pytestmark = [pytest.mark.funding]


@pytest.fixture
def one_of_two_submitted(world, open_round, make_application):
    application = make_application(round=open_round, submit=True)
    unit = world.users[INNOVATION]
    for email in (REVIEWER, REVIEWER2):
        assignment = assessment.assign_reviewer(unit, application=application, reviewer=world.users[email])
        assessment.declare_conflict(assignment.reviewer, assignment=assignment, has_conflict=False)
    scores = {c.pk: (3, "") for c in application.fund.criteria.all()}
    assessment.submit_review(world.users[REVIEWER2], assignment=assignment, scores=scores)
    return open_round


def reviews_cell(client, round_):
    page = client.get(reverse("funding:round", args=[round_.pk]))
    assert page.status_code == 200
    return page.content.decode()


def test_a_reviewer_sees_not_the_count_of_submitted_reviews(client_for, one_of_two_submitted):
    text = reviews_cell(client_for(REVIEWER), one_of_two_submitted)
    assert "1 / 2" not in text
    assert "Endnu ikke indsendt" in text or "Not yet submitted" in text


def test_the_innovation_unit_sees_how_many_reviews_are_in(client_for, one_of_two_submitted):
    assert "1 / 2" in reviews_cell(client_for(INNOVATION), one_of_two_submitted)
