"""The fund's overviews leave the system as CSV, Excel, iCalendar and the board's meeting papers as PDF."""

import io

import pytest
from django.urls import reverse

from fremdrift.funding.models import Fund, Round
from funding.people import BOARD, INNOVATION, OTHER_ADMIN

pytestmark = [pytest.mark.funding]


def test_the_yearly_cycle_downloads_as_icalendar_in_the_funds_time_zone(client_for, world):
    from icalendar import Calendar

    fund = Fund.objects.get(name="Innovationspuljen")
    response = client_for(INNOVATION).get(reverse("funding:calendar", args=[fund.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = [c for c in calendar.walk("VEVENT")]
    deadlines = [
        e
        for e in events
        if "Forår 2026" in str(e["summary"]) and getattr(e["dtstart"].dt, "hour", None) == 12
    ]
    assert deadlines, "the May deadline at noon, Danish time"
    assert str(deadlines[0]["dtstart"].dt.tzinfo) == "Europe/Copenhagen"


def test_applications_and_ledger_export_as_csv_and_excel(client_for, world):
    from openpyxl import load_workbook

    fund = Fund.objects.get(name="Innovationspuljen")
    client = client_for(BOARD)
    csv_text = client.get(reverse("funding:export_applications", args=[fund.pk, "csv"])).content.decode(
        "utf-8-sig"
    )
    assert "Rolige nætter med sensorbaseret tilsyn" in csv_text
    assert "Væskeskema på tablet" not in csv_text  # drafts are the applicant's own
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("funding:export_ledger", args=[fund.pk, "xlsx"])).content)
    )
    rows = list(workbook.active.iter_rows(values_only=True))
    assert len(rows) > 3
    assert any("Første rate" in (row[5] or "") for row in rows)


def test_the_board_gets_the_meeting_papers_as_pdf(client_for, world):
    round_ = Round.objects.get(name="Forår 2026")
    response = client_for(BOARD).get(reverse("funding:papers", args=[round_.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_another_municipality_gets_no_meeting_papers(client_for, world):
    round_ = Round.objects.get(name="Forår 2026")
    assert client_for(OTHER_ADMIN).get(reverse("funding:papers", args=[round_.pk])).status_code == 404


def test_the_committee_list_shows_granted_projects_only(client_for, world):
    fund = Fund.objects.get(name="Innovationspuljen")
    page = (
        client_for("kvalitet@nordfjord.demo").get(reverse("funding:granted", args=[fund.pk])).content.decode()
    )
    assert "Rolige nætter med sensorbaseret tilsyn" in page and "Spisevenner i hjemmeplejen" in page
    assert "Forflytningsvejledninger på video" not in page


def test_the_timeline_orders_dates_and_times_of_the_same_day(world, fund):
    import datetime

    from fremdrift.funding import funds, selectors

    funds.create_round(
        world.users[INNOVATION],
        fund=fund,
        name="Samme dag",
        opens_on=datetime.date(2030, 3, 1),
        deadline=datetime.datetime(2030, 5, 1, 12, 0),
        information_meeting=datetime.datetime(2030, 3, 1, 9, 0, tzinfo=fund.zone),
        workshop=datetime.datetime(2030, 3, 1, 8, 0, tzinfo=fund.zone),
    )
    same_day = [e for e in selectors.timeline(fund) if e["date"] == datetime.date(2030, 3, 1)]
    assert [e["has_time"] for e in same_day] == [False, True, True]
    assert [e["when"].hour for e in same_day[1:]] == [8, 9]  # the workshop, then the information meeting
