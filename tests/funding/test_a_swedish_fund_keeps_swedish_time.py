"""A Swedish municipality's fund counts in SEK and keeps its deadlines in Swedish time, its calendar too."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from factories import make_member, make_organisation
from fremdrift.funding import applications, funds
from fremdrift.funding.calendar import fund_calendar
from funding.calendars import read

pytestmark = [pytest.mark.funding]


@pytest.fixture
def municipality(db):
    return make_organisation("Jönköpings kommun", country="SE")


@pytest.fixture
def autumn(municipality):
    """The autumn round of a Swedish fund, its deadline typed as 23:59 (Swedish time)."""
    unit_member = make_member(municipality, "innovation_unit")
    fund = funds.create_fund(
        unit_member,
        organisation=municipality,
        name="Innovationsfonden",
        currency="SEK",
        time_zone="Europe/Stockholm",
        threshold_amount=0,
        criteria=[("Brukare", "", 1, 5)],
    )
    return funds.create_round(
        unit_member,
        fund=fund,
        name="Höst",
        opens_on=datetime.date(2026, 8, 1),
        deadline=datetime.datetime(2026, 10, 31, 23, 59),
    )


def test_a_deadline_is_midnight_in_stockholm_and_refused_a_minute_after(municipality, autumn):
    fund = autumn.fund
    applicant = make_member(municipality, "project_lead", language="sv")
    assert autumn.deadline == datetime.datetime(2026, 10, 31, 22, 59, tzinfo=datetime.UTC)
    application = applications.create_application(
        applicant, fund=fund, organisation=municipality, title="Digital tillsyn"
    )
    applications.save_draft(
        applicant,
        application=application,
        fields={name: "Text" for name in applications.TEXT_FIELDS[1:]}
        | {"starts_on": datetime.date(2027, 1, 1), "ends_on": datetime.date(2027, 12, 31)},
        criteria=list(fund.criteria.all()),
        goals=[{"description": "Mål", "indicators": [{"name": "Andel", "target": 50}]}],
        budget_lines=[{"description": "Tid", "year": 2027, "amount": 300000}],
    )
    applications.save_draft(applicant, application=application, fields={"round": autumn})
    just_after = autumn.deadline + datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError) as refused:
        applications.submit_application(applicant, application=application, now=just_after)
    assert "Europe/Stockholm" in refused.value.message_dict["round"][0]
    submitted = applications.submit_application(applicant, application=application, now=autumn.deadline)
    assert submitted.status == "submitted"
    assert timezone.is_aware(submitted.submitted_at)


def test_its_calendar_keeps_swedish_time(autumn):
    content = fund_calendar(autumn.fund)
    assert Calendar.from_ical(content).get_used_tzids() == {"Europe/Stockholm"}
    (deadline,) = (e for e in read(content).values() if isinstance(e.start, datetime.datetime))
    assert deadline.start == datetime.datetime(2026, 10, 31, 23, 59, tzinfo=ZoneInfo("Europe/Stockholm"))
    assert str(deadline.start.tzinfo) == "Europe/Stockholm"
