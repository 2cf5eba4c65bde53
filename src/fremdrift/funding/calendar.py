"""A fund's yearly cycle as iCalendar (RFC 5545), to download or subscribe to in a calendar program.

Each event's UID names what it describes: the round, the step and the installation's domain, so it
stays the same for the life of that date whatever else is added or removed, and a calendar that fetches
again moves the appointment instead of adding one. SEQUENCE and LAST-MODIFIED come from the round, so a
moved date reads as an update. Every time zone an event names comes with its VTIMEZONE (`core.vtimezone`).
"""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from fremdrift import access
from fremdrift.accounts import calendar_feeds
from fremdrift.core import site

from . import selectors
from .models import Fund

# How often a subscribing calendar program should fetch the feed again.
REFRESH = datetime.timedelta(hours=12)


def fund_calendar(fund) -> bytes:
    """The fund's cycle in the active language."""
    # Imported here, as openpyxl is: icalendar takes a tenth of a second to load, for every process.
    from icalendar import Calendar, vDuration

    from fremdrift.core.vtimezone import vtimezone

    calendar = Calendar()
    calendar.add("prodid", "-//Fremdrift//funding//")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", fund.name)
    calendar.add("x-wr-timezone", fund.time_zone)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))  # Outlook's name for it
    events = selectors.timeline(fund)
    url = site.absolute_url(reverse("funding:fund", args=[fund.pk]))
    for event in events:
        calendar.add_component(_event(fund, event, url))
    for tzid in calendar.get_missing_tzids():
        calendar.subcomponents.insert(0, vtimezone(tzid, events[0]["date"].year, events[-1]["date"].year))
    return calendar.to_ical()


def uid(round_, kind: str) -> str:
    return f"fremdrift-round-{round_.pk}-{kind}@{site.domain()}"


def _event(fund, event, url):
    from icalendar import Event

    round_ = event["round"]
    names = {"step": event["what"], "round": round_.name, "fund": fund.name}
    item = Event()
    item.add("uid", uid(round_, event["kind"]))
    # Without a METHOD, DTSTAMP is when the event was last revised (RFC 5545 3.8.7.2).
    item.add("dtstamp", round_.updated_at)
    item.add("last-modified", round_.updated_at)
    item.add("sequence", round_.sequence)
    item.add("summary", _("%(step)s: %(round)s (%(fund)s)") % names)
    about = _("The round “%(round)s” of %(fund)s.") % names
    zone = _("Times are in %(zone)s.") % {"zone": fund.get_time_zone_display()}
    item.add("description", f"{about} {zone}\n\n{url}")
    item.add("url", url)
    if event["has_time"]:
        item.add("dtstart", event["when"])
        item.add("dtend", event["when"] + datetime.timedelta(hours=1))
    else:
        item.add("dtstart", event["date"])
    item.add("transp", "TRANSPARENT")
    return item


def subscriptions(person, token: str) -> list[tuple[str, str]]:
    """The funds whose cycle a person's token opens (`calendar_feeds.ADDRESSES`): those they see now."""
    funds = access.narrow(Fund.objects.order_by("name"), person, "fund.cycle")
    return [(cycle_name(fund), reverse("funding:calendar_feed", args=[fund.pk, token])) for fund in funds]


def public_subscription(fund) -> dict | None:
    """The address anyone may subscribe at, when the fund makes its cycle public."""
    if not fund.cycle_is_public:
        return None
    return calendar_feeds.subscription(cycle_name(fund), reverse("funding:calendar", args=[fund.pk]))


def cycle_name(fund) -> str:
    return _("The yearly cycle of %(fund)s") % {"fund": fund.name}
