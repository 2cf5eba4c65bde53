"""A project's report comes as a PDF with the same charts as the indicator pages, for whoever may read
the project; other municipalities get nothing (404)."""

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils.html import escape

from fremdrift.core.formatting import money
from fremdrift.projects import services, views
from projects.conftest import BOARD, INNOVATION, LEAD, OTHER_ADMIN, OTHER_LEAD, QUALITY, STAFF

pytestmark = [pytest.mark.projects]

SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def _html(world, email, project):
    request = RequestFactory().get(reverse("projects:report_pdf", args=[project.pk]))
    request.user = world.users[email]
    return views.report_html(request, project)


def _indicators(project):
    return [indicator for goal in project.goals.all() for indicator in goal.indicators.all()]


@pytest.mark.parametrize("email", [LEAD, QUALITY, INNOVATION, BOARD])
def test_whoever_reads_the_project_gets_its_report_as_a_pdf(client_for, falls, email):
    response = client_for(email).get(reverse("projects:report_pdf", args=[falls.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f'filename="project-{falls.pk}.pdf"' in response["Content-Disposition"]


@pytest.mark.parametrize("email", [OTHER_LEAD, OTHER_ADMIN, STAFF])
def test_people_who_may_not_read_the_project_get_404(client_for, falls, email):
    assert client_for(email).get(reverse("projects:report_pdf", args=[falls.pk])).status_code == 404


def test_the_report_has_the_project_its_latest_status_report_and_each_indicators_chart(world, falls):
    html = _html(world, LEAD, falls)
    assert falls.title in html
    assert str(falls.organisation) in html
    latest = falls.status_reports.order_by("-reported_on", "-pk").first()
    assert latest.get_traffic_light_display() in html
    assert money(latest.spent, falls.currency) in html  # "61.500,00 DKK", the one format for money
    assert escape(latest.progress.splitlines()[0]) in html
    for indicator in _indicators(falls):
        assert escape(indicator.name) in html
    measured = [i for i in _indicators(falls) if i.measurements.exists()]
    assert measured
    charts = SVG.findall(html)
    assert len(charts) == len(measured)
    for indicator, chart in zip(measured, charts, strict=True):
        assert 'role="img"' in chart
        assert f'id="chart-{indicator.pk}-title"' in chart


def test_the_chart_is_the_one_on_the_indicator_page(client_for, world, falls):
    indicator = _indicators(falls)[0]
    page = client_for(LEAD).get(reverse("measurement:indicator", args=[indicator.pk])).content.decode()
    on_the_page = SVG.search(page).group(0)
    in_the_report = SVG.search(_html(world, LEAD, falls)).group(0)
    assert in_the_report.replace(f"chart-{indicator.pk}-", "chart-") == on_the_page
    sentence = re.search(r'<p class="signal-sentence">(.*?)</p>', page, re.S).group(1)
    assert sentence.split("<br>")[0].strip() in _html(world, LEAD, falls)


def test_the_report_has_the_pdsa_acts_and_the_latest_evaluation(world, falls):
    lead = world.users[LEAD]
    services.save_evaluation(
        lead,
        project=falls,
        kind="mid_term",
        fields={"goals_reached": "partly", "goals_and_indicators": "Halvvejs mod målet."},
    )
    services.save_evaluation(
        lead,
        project=falls,
        kind="final",
        fields={
            "goals_reached": "yes",
            "goals_and_indicators": "Faldene er halveret.",
            "learnt": "Kort skema.",
        },
    )
    html = _html(world, LEAD, falls)
    adapted = falls.pdsa_cycles.exclude(act="").first()
    assert adapted.get_act_display() in html and adapted.act_notes in html
    assert "Faldene er halveret." in html and "Kort skema." in html
    assert "Halvvejs mod målet." not in html


def test_a_project_without_indicators_or_reports_still_prints(client_for, world, make_project):
    project = make_project(title="Tomt projekt")
    response = client_for(LEAD).get(reverse("projects:report_pdf", args=[project.pk]))
    assert response.content.startswith(b"%PDF")
    html = _html(world, LEAD, project)
    assert "Tomt projekt" in html and "<svg" not in html


def test_an_indicator_without_measurements_is_named_without_a_chart(world, falls):
    unmeasured = [i for i in _indicators(falls) if not i.measurements.exists()]
    assert unmeasured
    html = _html(world, LEAD, falls)
    for indicator in unmeasured:
        assert escape(indicator.name) in html
        assert f"chart-{indicator.pk}-title" not in html


def test_the_project_page_links_to_the_report(client_for, falls):
    page = client_for(BOARD).get(reverse("projects:detail", args=[falls.pk])).content.decode()
    assert reverse("projects:report_pdf", args=[falls.pk]) in page
