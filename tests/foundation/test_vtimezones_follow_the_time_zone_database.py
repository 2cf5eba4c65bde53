"""The VTIMEZONE a calendar carries gives every local time the offset the time zone database gives
it, as vobject (dateutil's reader) reads it, and in the form Outlook reads: a yearly rule where there is
one, RDATE lines only for changes that follow none."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import vobject

from fremdrift.core.vtimezone import vtimezone

pytestmark = [pytest.mark.foundation]

HOUR = datetime.timedelta(hours=1)


RULES_ONLY = ("RRULE:FREQ=YEARLY;BYDAY=",), ("RDATE", "UNTIL")


@pytest.mark.parametrize(
    "tzid, first_year, last_year, form",
    [
        ("Europe/Copenhagen", 2026, 2028, RULES_ONLY),  # the last Sunday of March and of October
        ("Europe/Stockholm", 2026, 2027, RULES_ONLY),
        ("America/New_York", 2026, 2027, RULES_ONLY),  # the second Sunday of March, the first of November
        ("Australia/Sydney", 2026, 2027, RULES_ONLY),  # summer time across the new year
        ("Asia/Tokyo", 2026, 2027, ((), ("RRULE", "RDATE"))),  # no change at all
        # Summer time ended in 2011, the offset moved in 2014: a rule that ends, and single changes.
        ("Europe/Moscow", 2010, 2015, (("UNTIL=", "RDATE"), ())),
    ],
)
def test_every_local_time_has_the_databases_offset(tzid, first_year, last_year, form):
    text = vtimezone(tzid, first_year, last_year).to_ical().decode()
    present, absent = form
    assert all(part in text for part in present) and not any(part in text for part in absent)
    read = vobject.readOne(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n{text}END:VCALENDAR\r\n")
    theirs, ours = read.vtimezone.gettzinfo(), ZoneInfo(tzid)
    wrong = []
    moment = datetime.datetime(first_year, 1, 1)
    while moment.year <= last_year:
        local = moment.replace(tzinfo=ours)
        # A time skipped when the clocks go forward has no offset to agree on.
        exists = local.astimezone(datetime.UTC).astimezone(ours).replace(tzinfo=None) == moment
        if exists and moment.replace(tzinfo=theirs).utcoffset() != local.utcoffset():
            wrong.append(moment)
        moment += HOUR
    assert wrong == []
