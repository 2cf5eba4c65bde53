"""VTIMEZONE components (RFC 5545 3.6.5) from the time zone database, in the form calendar programs
read: each observance's yearly rule as an RRULE, and an RDATE per line only for changes that follow no
yearly rule. Outlook ignores a VTIMEZONE of RDATE lists and vobject reads only the first date of one,
which is what icalendar's `add_missing_timezones` writes. No Django here.
"""

import calendar
import datetime
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

DAY = datetime.timedelta(days=1)
SECOND = datetime.timedelta(seconds=1)
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def vtimezone(tzid: str, first_year: int, last_year: int) -> Timezone:
    """The zone's observances for times from `first_year` to `last_year`. They start a year earlier,
    so every time lies after an onset, and a yearly rule still in force runs on without end."""
    zone = ZoneInfo(tzid)
    start = datetime.datetime(first_year - 1, 1, 1, tzinfo=datetime.UTC)
    end = datetime.datetime(last_year + 1, 1, 1, tzinfo=datetime.UTC)
    component = Timezone()
    component.add("tzid", tzid)
    observances: dict[tuple, list[datetime.datetime]] = {}
    for before, after in _changes(zone, start, end):
        key = (before.utcoffset(), after.utcoffset(), after.tzname(), bool(after.dst()))
        # An onset is the local time before the change (in TZOFFSETFROM).
        observances.setdefault(key, []).append(before.replace(tzinfo=None) + SECOND)
    if not observances:
        local = start.astimezone(zone)
        key = (local.utcoffset(), local.utcoffset(), local.tzname(), bool(local.dst()))
        observances[key] = [local.replace(tzinfo=None)]
    for (offset_from, offset_to, name, is_dst), onsets in observances.items():
        observance = TimezoneDaylight() if is_dst else TimezoneStandard()
        observance.add("dtstart", onsets[0])
        observance.add("tzoffsetfrom", offset_from)
        observance.add("tzoffsetto", offset_to)
        observance.add("tzname", name)
        rule = _yearly_rule(onsets)
        if rule is None:
            for onset in onsets[1:]:
                observance.add("rdate", onset)
        else:
            if onsets[-1].year < last_year:  # the rule ended within the years asked for
                # In UTC (RFC 5545), a day after the last onset: a reader that takes it as local time
                # (dateutil) keeps that onset too.
                rule["UNTIL"] = (onsets[-1] - offset_from + DAY).replace(tzinfo=datetime.UTC)
            observance.add("rrule", rule)
        component.add_component(observance)
    return component


def _changes(zone, start, end):
    """(the last second before, the first after) of each change of UTC offset, as local times; a day
    holds at most one change."""
    day = start
    while day < end:
        following = day + DAY
        if day.astimezone(zone).utcoffset() != following.astimezone(zone).utcoffset():
            low, high = day, following
            while high - low > SECOND:
                middle = low + (high - low) // 2 // SECOND * SECOND
                if middle.astimezone(zone).utcoffset() == low.astimezone(zone).utcoffset():
                    low = middle
                else:
                    high = middle
            yield low.astimezone(zone), high.astimezone(zone)
        day = following


def _yearly_rule(onsets: list[datetime.datetime]) -> dict | None:
    """The RRULE of onsets one a year, on the same weekday of the same month at the same time: the
    last such weekday ("-1SU") or the n-th ("2SU"); None for any others."""
    first = onsets[0]
    years = [onset.year for onset in onsets]
    if len(onsets) < 2 or years != list(range(first.year, first.year + len(onsets))):
        return None
    if any((o.month, o.weekday(), o.time()) != (first.month, first.weekday(), first.time()) for o in onsets):
        return None
    if all(_is_last_of_month(onset) for onset in onsets):
        ordinal = -1
    elif len({_nth_of_month(onset) for onset in onsets}) == 1:
        ordinal = _nth_of_month(first)
    else:
        return None
    return {"FREQ": "YEARLY", "BYMONTH": first.month, "BYDAY": f"{ordinal}{WEEKDAYS[first.weekday()]}"}


def _is_last_of_month(day) -> bool:
    return day.day + 7 > calendar.monthrange(day.year, day.month)[1]


def _nth_of_month(day) -> int:
    return (day.day - 1) // 7 + 1
