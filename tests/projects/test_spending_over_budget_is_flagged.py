"""Spending over the budget is reported as it is, flagged red with the percentage wherever the
project is followed, and never on a green light."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fremdrift.projects import services
from projects.conftest import BOARD, INNOVATION

pytestmark = [pytest.mark.projects]


def report(project, light, spent="900000"):
    return services.submit_status_report(
        project.project_lead,
        project=project,
        reported_on=datetime.date(2026, 6, 1),
        progress="Sensorerne er sat op.",
        traffic_light=light,
        spent=spent,
    )


@pytest.fixture
def overspent(world, granted_project):
    granted_project.budget = Decimal("265000")
    granted_project.save()
    return granted_project


def test_over_budget_the_light_cannot_be_green(overspent):
    with pytest.raises(ValidationError) as refused:
        report(overspent, "green")
    assert "traffic_light" in refused.value.message_dict
    assert "339" in refused.value.message_dict["traffic_light"][0]


def test_the_report_still_saves_with_another_light(overspent):
    saved = report(overspent, "yellow")
    assert saved.is_over_budget and saved.share_of_budget == 339


def test_within_budget_green_is_fine(overspent):
    assert report(overspent, "green", spent="200000").traffic_light == "green"


@pytest.mark.parametrize(
    "email, page",
    [(INNOVATION, "projects:detail"), (BOARD, "projects:portfolio"), (BOARD, "projects:closing")],
)
def test_the_flag_shows_where_the_project_is_followed(client_for, overspent, email, page):
    report(overspent, "red")
    args = [] if page == "projects:portfolio" else [overspent.pk]
    response = client_for(email).get(reverse(page, args=args))
    assert response.status_code == 200
    text = response.content.decode()
    assert 'class="funding-flag over-budget"' in text and "339" in text
