"""The fund's `.ics` reads alike in two independent iCalendar parsers (icalendar and vobject): every
time zone an event names has its VTIMEZONE, and an event keeps its UID for the life of its date, so a
calendar that fetches again moves the appointment instead of overwriting another one."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from fremdrift.funding import funds
from fremdrift.funding.calendar import fund_calendar
from fremdrift.funding.models import Round
from funding.calendars import read
from funding.people import INNOVATION

pytestmark = [pytest.mark.funding]


def test_the_funds_calendar_carries_the_time_zone_it_names(client_for, fund):
    content = client_for(INNOVATION).get(reverse("funding:calendar", args=[fund.pk])).content
    events = read(content)
    assert Calendar.from_ical(content).get_used_tzids() == {"Europe/Copenhagen"}
    assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen" in content
    deadline = next(
        e for e in events.values() if e.start == datetime.datetime(2026, 5, 15, 12, tzinfo=fund.zone)
    )
    assert deadline.start.utcoffset() == datetime.timedelta(hours=2)  # summer time


def test_events_keep_their_uids_when_rounds_are_added_moved_and_deleted(world, fund, settings):
    settings.SITE_URL = "https://fremdrift.nordfjord.dk"
    before = read(fund_calendar(fund))
    assert all(uid.endswith("@fremdrift.nordfjord.dk") for uid in before)
    assert len(before) == 4 * 6

    # A round earlier than all the others: every event after it moves down the list.
    added = funds.create_round(
        world.users[INNOVATION],
        fund=fund,
        name="Ekstra 2025",
        opens_on=datetime.date(2025, 9, 1),
        deadline=datetime.datetime(2025, 10, 1, 12),
        decision_meeting=datetime.date(2025, 11, 5),
    )
    with_added = read(fund_calendar(fund))
    assert {uid: e.start for uid, e in with_added.items() if uid in before} == {
        uid: e.start for uid, e in before.items()
    }
    assert len(with_added) == len(before) + 3

    # The autumn deadline moves a week, as the admin saves it: the same appointment, a new revision.
    autumn = Round.objects.get(fund=fund, name="Efterår 2026")
    autumn.deadline += datetime.timedelta(days=7)
    autumn.save()
    moved = read(fund_calendar(fund))
    changed = {uid for uid in moved if moved[uid].start != with_added[uid].start}
    assert len(changed) == 1
    (uid,) = changed
    assert moved[uid].start == datetime.datetime(2026, 11, 20, 12, tzinfo=fund.zone)
    assert int(moved[uid]["sequence"]) > int(with_added[uid]["sequence"])
    assert moved[uid]["last-modified"].dt >= with_added[uid]["last-modified"].dt
    assert moved[uid]["dtstamp"].dt == moved[uid]["last-modified"].dt

    # A rename is no move: the revision stays.
    autumn.name = "Efterår 2026 (forlænget)"
    autumn.save()
    assert int(read(fund_calendar(fund))[uid]["sequence"]) == int(moved[uid]["sequence"])

    added.delete()
    after = read(fund_calendar(fund))
    assert set(after) == set(before)
    assert {u: e.start for u, e in after.items() if u != uid} == {
        u: e.start for u, e in before.items() if u != uid
    }


def test_each_event_says_what_it_is_and_links_to_the_fund(world, fund, settings):
    settings.SITE_URL = "https://fremdrift.nordfjord.dk"
    events = read(fund_calendar(fund)).values()
    page = f"https://fremdrift.nordfjord.dk{reverse('funding:fund', args=[fund.pk])}"
    assert {str(e["url"]) for e in events} == {page}
    assert all(page in str(e["description"]) for e in events)
    assert "Ansøgningsfrist: Forår 2026 (Innovationspuljen)" in {str(e["summary"]) for e in events}
