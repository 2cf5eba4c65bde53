"""The board and the plan pages take the same number of queries with 5 rows as with 50."""

import pytest
from django.urls import reverse

from fremdrift.ideas.models import Idea, Support
from fremdrift.strategy.models import ActionPlan, ActionPlanRow

pytestmark = [pytest.mark.strategy]


def add_rows(plan, n):
    ActionPlanRow.objects.bulk_create(
        [
            ActionPlanRow(
                plan=plan,
                position=100 + i,
                focus_area=f"Område {i % 4}",
                effort=f"Indsats {i}",
                status="in_progress",
            )
            for i in range(n)
        ]
    )


def add_ideas(world, unit, n):
    ideas = Idea.objects.bulk_create(
        [
            Idea(
                organisation=unit,
                author=world.users["medarbejder@nordfjord.demo"],
                title=f"Idé {i}",
                problem="p",
                proposal="i",
            )
            for i in range(n)
        ]
    )
    Support.objects.bulk_create(
        [Support(idea=idea, user=world.users["kvalitet@nordfjord.demo"]) for idea in ideas]
    )


@pytest.mark.parametrize("view", ["strategy:plan", "strategy:plan_rolled_up", "strategy:plan_by_beacon"])
def test_plan_pages_do_not_grow_with_rows(client_for, world, django_assert_max_num_queries, view):
    client = client_for("kvalitet@nordfjord.demo")
    plan = ActionPlan.objects.get(organisation__name="Hjemmeplejen")
    unit_plan = ActionPlan.objects.get(organisation__name="Hjemmepleje Nord")
    url = reverse(view, args=[plan.pk])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add_rows(plan, 30)
    add_rows(unit_plan, 30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_board_does_not_grow_with_ideas(client_for, world, django_assert_max_num_queries):
    client = client_for("kvalitet@nordfjord.demo")
    unit = world.organisations["Hjemmepleje Nord"]
    url = reverse("ideas:board", args=[unit.pk])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add_ideas(world, unit, 50)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert "Idé 49" in response.content.decode()


def test_the_strategy_tree_does_not_grow_with_rows(client_for, world, django_assert_max_num_queries):
    from fremdrift.strategy.models import Strategy

    client = client_for("direktion@nordfjord.demo")
    strategy = Strategy.objects.get()
    url = reverse("strategy:tree", args=[strategy.pk])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    plan = ActionPlan.objects.get(organisation__name="Hjemmepleje Nord")
    effort = strategy.beacons.first().efforts.first()
    ActionPlanRow.objects.bulk_create(
        [
            ActionPlanRow(
                plan=plan, position=200 + i, beacon=effort.beacon, strategic_effort=effort, effort=f"R{i}"
            )
            for i in range(40)
        ]
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
