"""A project's money is shown in the fund's currency in the reader's format, and a proportion under
its chart in per cent as on the chart's axis."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from fremdrift.projects import services
from projects.conftest import BOARD, INNOVATION, QUALITY

pytestmark = [pytest.mark.projects]


@pytest.fixture
def reported(granted_project):
    granted_project.budget = Decimal("265000")
    granted_project.save()
    services.submit_status_report(
        granted_project.project_lead,
        project=granted_project,
        reported_on=datetime.date(2026, 6, 1),
        progress="Sensorerne er sat op.",
        traffic_light="red",
        spent="900000",
    )
    return granted_project


def test_the_project_page_shows_budget_and_spending_as_money(client_for, reported):
    text = client_for(INNOVATION).get(reverse("projects:detail", args=[reported.pk])).content.decode()
    assert "265.000,00 DKK" in text and "brugt 900.000,00 DKK" in text
    assert "339 %" in text
    assert "265000" not in text and "900000" not in text


def test_the_portfolio_shows_spent_of_budget_as_money_and_a_percentage(client_for, reported):
    text = client_for(BOARD).get(reverse("projects:portfolio")).content.decode()
    assert "900.000,00 DKK / 265.000,00 DKK (339 %)" in text


@pytest.mark.parametrize("chart", ["run", "p"])
def test_the_sentence_under_a_proportion_chart_speaks_in_per_cent(client_for, world, chart):
    from fremdrift.measurement.models import Indicator

    on_time = Indicator.objects.get(name="Udleveringer til tiden")
    response = client_for(QUALITY).get(reverse("measurement:indicator", args=[on_time.pk]), {"chart": chart})
    text = response.content.decode()
    assert "(95 %)" in text  # the target, as on the axis
    assert "(0,95)" not in text
