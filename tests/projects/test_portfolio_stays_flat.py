"""The portfolio shows every project with status, traffic light, spend and signals, in a number of
queries that does not grow with the rows."""

import datetime

import pytest

from fremdrift.measurement import services as measurement
from fremdrift.projects import services
from projects.conftest import BOARD, INNOVATION, LEAD

pytestmark = [pytest.mark.projects]


def _add_projects(world, count):
    lead = world.users[LEAD]
    for n in range(count):
        project = services.create_project(
            lead, organisation=world.organisations["Plejecenter Lindely"], title=f"Projekt {n}"
        )
        goal = services.add_goal(lead, project=project, description="Mål")
        indicator = measurement.add_indicator(lead, goal=goal, name="Tal", kind="count", direction="down")
        for month in range(1, 13):
            measurement.record_measurement(
                lead, indicator=indicator, period=datetime.date(2025, month, 1), value=month
            )
        services.submit_status_report(
            lead,
            project=project,
            reported_on=datetime.date(2026, 1, 1),
            progress="Godt",
            traffic_light="green",
            spent=1,
        )


def test_the_query_count_does_not_grow_with_projects(client_for, world, django_assert_max_num_queries):
    client = client_for(BOARD)
    client.get("/projects/portfolio/")
    with django_assert_max_num_queries(30) as few:
        client.get("/projects/portfolio/")
    _add_projects(world, 6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/projects/portfolio/")
    html = page.content.decode()
    assert all(f"Projekt {n}<" in html for n in range(6))


def test_the_portfolio_shows_signals_and_filters_by_status(client_for, falls):
    client = client_for(INNOVATION)
    html = client.get("/projects/portfolio/").content.decode()
    assert falls.title in html and "◆" in html
    planned = client.get("/projects/portfolio/?status=planned").content.decode()
    assert falls.title not in planned
