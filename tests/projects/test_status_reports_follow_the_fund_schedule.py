"""A funded project's next status report is due the fund's interval after its latest status report
(or its start); the project page and the portfolio say when it is overdue, in words."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from hypothesis import given
from hypothesis import strategies as st

from fremdrift.funding.forms import FundForm
from fremdrift.funding.models import Fund
from fremdrift.organisations.models import Organisation
from fremdrift.projects import services
from fremdrift.projects.models import Project, ProjectStatus
from fremdrift.projects.selectors import add_months, next_report_due
from projects.conftest import BOARD, INNOVATION, LEAD

pytestmark = [pytest.mark.projects]


def _report(project, on, lead):
    return services.submit_status_report(
        lead, project=project, reported_on=on, progress="Vi er i gang.", traffic_light="green", spent=0
    )


def _fresh(project):
    return Project.objects.select_related("fund").get(pk=project.pk)


def _row(html, title):
    return next(row for row in html.split("<tr>") if title in row)


def _overdue():
    with translation.override("da"):  # the demo's people read Danish
        return translation.gettext("Overdue")


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 1, 15), 6, datetime.date(2026, 7, 15)),
        (datetime.date(2026, 8, 31), 6, datetime.date(2027, 2, 28)),
        (datetime.date(2027, 8, 31), 6, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 11, 30), 3, datetime.date(2027, 2, 28)),
        (datetime.date(2026, 12, 1), 12, datetime.date(2027, 12, 1)),
    ],
)
def test_months_are_added_on_the_calendar(day, months, expected):
    assert add_months(day, months) == expected


@given(st.dates(max_value=datetime.date(9000, 1, 1)), st.integers(min_value=1, max_value=36))
def test_adding_months_lands_that_many_months_later_never_past_the_day(day, months):
    later = add_months(day, months)
    assert (later.year - day.year) * 12 + later.month - day.month == months
    assert later.day <= day.day
    assert later.day == day.day or (later + datetime.timedelta(days=1)).day == 1


def test_without_a_report_the_first_is_due_the_interval_after_the_start(granted_project):
    project = _fresh(granted_project)
    assert not project.status_reports.exists() and project.starts_on
    due = next_report_due(project, project.starts_on)
    assert due.on == add_months(project.starts_on, project.fund.report_every_months)
    assert not due.overdue


def test_the_next_is_due_the_funds_interval_after_the_latest_report(world, granted_project):
    lead = world.users[LEAD]
    _report(granted_project, datetime.date(2026, 1, 10), lead)
    _report(granted_project, datetime.date(2026, 3, 31), lead)
    project = _fresh(granted_project)
    assert next_report_due(project, datetime.date(2026, 4, 1)).on == datetime.date(2026, 9, 30)
    project.fund.report_every_months = 3
    project.fund.save()
    project = _fresh(granted_project)
    assert next_report_due(project, datetime.date(2026, 4, 1)).on == datetime.date(2026, 6, 30)


def test_a_report_is_overdue_the_day_after_it_was_due(world, granted_project):
    _report(granted_project, datetime.date(2026, 1, 10), world.users[LEAD])
    project = _fresh(granted_project)
    assert not next_report_due(project, datetime.date(2026, 7, 10)).overdue
    assert next_report_due(project, datetime.date(2026, 7, 11)).overdue


def test_no_schedule_without_a_fund_or_once_closed(falls, granted_project):
    assert falls.fund_id is None
    assert next_report_due(_fresh(falls), datetime.date(2030, 1, 1)) is None
    Project.objects.filter(pk=granted_project.pk).update(status=ProjectStatus.CLOSED)
    assert next_report_due(_fresh(granted_project), datetime.date(2030, 1, 1)) is None


def test_the_project_page_says_when_the_next_report_is_due(client_for, world, granted_project):
    today = timezone.localdate()
    _report(granted_project, today, world.users[LEAD])
    page = client_for(LEAD).get(reverse("projects:detail", args=[granted_project.pk])).content.decode()
    due = next_report_due(_fresh(granted_project), today).on
    with translation.override("da"):
        assert f"{translation.gettext('Next status report due')}</dt><dd>{date_format(due, 'j. F Y')}" in page
    assert "overdue-label" not in page


def test_the_project_page_says_in_words_that_a_report_is_overdue(client_for, world, granted_project):
    _report(granted_project, add_months(timezone.localdate(), -7), world.users[LEAD])
    page = client_for(LEAD).get(reverse("projects:detail", args=[granted_project.pk])).content.decode()
    assert f'<strong class="overdue-label">{_overdue()}</strong>' in page


def test_the_project_page_of_a_project_without_a_fund_shows_no_schedule(client_for, falls):
    page = client_for(LEAD).get(reverse("projects:detail", args=[falls.pk])).content.decode()
    assert "overdue-label" not in page


def test_the_portfolio_flags_overdue_reports(client_for, world, granted_project, falls):
    _report(granted_project, add_months(timezone.localdate(), -7), world.users[LEAD])
    html = client_for(INNOVATION).get(reverse("projects:portfolio")).content.decode()
    assert _overdue() in _row(html, granted_project.title)
    assert _overdue() not in _row(html, falls.title)


def test_the_portfolio_stays_flat_with_funded_projects(
    client_for, world, granted_project, django_assert_max_num_queries
):
    client = client_for(BOARD)
    client.get(reverse("projects:portfolio"))
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("projects:portfolio"))
    lead = world.users[LEAD]
    for n in range(5):
        project = services.create_project(
            lead, organisation=world.organisations["Plejecenter Lindely"], title=f"Puljeprojekt {n}"
        )
        Project.objects.filter(pk=project.pk).update(fund=granted_project.fund)
        _report(project, datetime.date(2024, 1, 1), lead)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(reverse("projects:portfolio")).content.decode()
    for n in range(5):
        assert _overdue() in _row(html, f"Puljeprojekt {n}")


def test_the_fund_form_sets_the_schedule(client_for, world):
    form = FundForm(organisations=Organisation.objects.all())
    assert "report_every_months" in form.fields
    assert Fund._meta.get_field("report_every_months").default == 6
    data = {
        "organisation": world.organisations["Ældre og Sundhed"].pk,
        "name": "Kvartalspuljen",
        "kind": "municipal",
        "currency": "DKK",
        "time_zone": "Europe/Copenhagen",
        "threshold_amount": "0",
        "report_every_months": "3",
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "1",
        "criteria-0-name": "Borger",
        "criteria-0-weight": "1",
        "criteria-0-scale_max": "5",
    }
    client = client_for(INNOVATION)
    assert client.post(reverse("funding:fund_create"), data).status_code == 302
    assert Fund.objects.get(name="Kvartalspuljen").report_every_months == 3
    refused = client.post(reverse("funding:fund_create"), {**data, "name": "Nul", "report_every_months": "0"})
    assert refused.status_code == 200 and not Fund.objects.filter(name="Nul").exists()
    data.pop("report_every_months")
    assert client.post(reverse("funding:fund_create"), {**data, "name": "Standard"}).status_code == 302
    assert Fund.objects.get(name="Standard").report_every_months == 6
