"""The fund's `.ics` as two independent iCalendar parsers read it: icalendar and vobject."""

import datetime
from zoneinfo import ZoneInfo

import vobject
from icalendar import Calendar


def read(content: bytes) -> dict:
    """{uid: event} as icalendar reads the feed, after checking that vobject reads the same events and
    that each VTIMEZONE, read by vobject alone, gives every event its zone's offset on that day."""
    ours = Calendar.from_ical(content)
    assert ours.get_missing_tzids() == set()
    theirs = vobject.readOne(content.decode())
    zones = {zone.tzid.value: zone.gettzinfo() for zone in getattr(theirs, "vtimezone_list", [])}
    events = {str(event["uid"]): event for event in ours.walk("VEVENT")}
    read_by_vobject = {}
    for event in theirs.vevent_list:
        start = event.dtstart.value
        if isinstance(start, datetime.datetime):
            zone = event.dtstart.params["X-VOBJ-ORIGINAL-TZID"][0]
            naive = start.replace(tzinfo=None)
            assert (
                naive.replace(tzinfo=zones[zone]).utcoffset()
                == naive.replace(tzinfo=ZoneInfo(zone)).utcoffset()
            ), f"the VTIMEZONE of {zone} on {naive:%Y-%m-%d}"
        read_by_vobject[event.uid.value] = (start, int(event.sequence.value), event.summary.value)
    assert read_by_vobject == {
        uid: (event.start, int(event["sequence"]), str(event["summary"])) for uid, event in events.items()
    }
    return events
