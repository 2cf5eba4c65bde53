"""The query count of list pages does not grow with their rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fremdrift.funding import assessment, decisions
from funding.people import BOARD, INNOVATION, REVIEWER

pytestmark = [pytest.mark.funding]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def grow(world, open_round, make_application):
    def add(n):
        for _ in range(n):
            application = make_application(round=open_round, submit=True)
            assignment = assessment.assign_reviewer(
                world.users[INNOVATION], application=application, reviewer=world.users[REVIEWER]
            )
            assessment.declare_conflict(world.users[REVIEWER], assignment=assignment, has_conflict=False)
            assessment.submit_review(
                world.users[REVIEWER],
                assignment=assignment,
                scores={c.pk: (3, "") for c in application.fund.criteria.all()},
            )
            decisions.recommend(
                world.users[INNOVATION],
                application=application,
                outcome="grant",
                amount="100000",
                reasons="God",
            )

    return add


@pytest.mark.parametrize(
    "page",
    [
        "funding:round",
        "funding:meeting",
        "funding:applications",
        "funding:fund",
        "funding:granted",
        "funding:list",
    ],
)
def test_list_pages_do_not_grow_with_their_rows(
    client_for, world, fund, open_round, grow, page, django_assert_max_num_queries
):
    client = client_for(BOARD)
    args = {
        "funding:round": [open_round.pk],
        "funding:meeting": [open_round.pk],
        "funding:fund": [fund.pk],
        "funding:granted": [fund.pk],
    }
    url = reverse(page, args=args.get(page, []))
    grow(1)
    baseline = count_queries(client, url)
    grow(4)
    with django_assert_max_num_queries(baseline):
        assert client.get(url).status_code == 200
