"""Calendar programs cannot log in. A fund whose cycle is public is read by anyone; otherwise a person
makes a secret, revocable address that shows, at every fetch, what that person may see then."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from fremdrift.accounts import calendar_feeds
from fremdrift.accounts.models import CalendarFeed
from fremdrift.audit.models import AuditEntry
from funding.people import LEAD, OTHER_LEAD

pytestmark = [pytest.mark.funding]


def feed_url(fund, token):
    return reverse("funding:calendar_feed", args=[fund.pk, token])


def summaries(response) -> set[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return {str(event["summary"]) for event in Calendar.from_ical(response.content).walk("VEVENT")}


def test_a_secret_address_opens_the_cycle_without_logging_in(client, world, fund):
    lead = world.users[LEAD]
    token = calendar_feeds.create_calendar_feed(lead, reason="Outlook")
    assert "Ansøgningsfrist: Forår 2026 (Innovationspuljen)" in summaries(client.get(feed_url(fund, token)))
    feed = CalendarFeed.objects.get(person=lead)
    assert feed.last_used_at is not None
    assert feed.token_hash != token and len(feed.token_hash) == 64  # only its hash is kept
    created = AuditEntry.objects.get(content_type__model="calendarfeed", action="create")
    assert created.actor == lead and created.reason == "Outlook"
    assert token not in str(created.changes) and feed.token_hash not in str(created.changes)


def test_a_renewed_revoked_or_wrong_token_opens_nothing(client, world, fund):
    lead = world.users[LEAD]
    first = calendar_feeds.create_calendar_feed(lead)
    renewed = calendar_feeds.create_calendar_feed(lead)
    assert client.get(feed_url(fund, first)).status_code == 404
    assert client.get(feed_url(fund, renewed)).status_code == 200
    calendar_feeds.revoke_calendar_feed(lead)
    assert client.get(feed_url(fund, renewed)).status_code == 404
    assert client.get(feed_url(fund, "not-a-token")).status_code == 404
    revocations = AuditEntry.objects.filter(content_type__model="calendarfeed", action="update")
    assert revocations.count() == 2 and all("revoked_at" in entry.changes["after"] for entry in revocations)


def test_the_address_shows_only_what_the_person_may_see_at_each_fetch(client, world, fund, pool):
    other = calendar_feeds.create_calendar_feed(world.users[OTHER_LEAD])
    assert client.get(feed_url(fund, other)).status_code == 404  # another municipality's fund
    assert client.get(feed_url(pool, other)).status_code == 200
    lead = world.users[LEAD]
    token = calendar_feeds.create_calendar_feed(lead)
    assert client.get(feed_url(fund, token)).status_code == 200
    lead.memberships.all().delete()  # the lead leaves the municipality
    assert client.get(feed_url(fund, token)).status_code == 404


def test_an_inactive_persons_address_stops_working(client, world, fund):
    lead = world.users[LEAD]
    token = calendar_feeds.create_calendar_feed(lead)
    lead.is_active = False
    lead.save()
    assert client.get(feed_url(fund, token)).status_code == 404


def test_the_feed_speaks_the_persons_language(client, world, fund):
    lead = world.users[LEAD]
    lead.language = "sv"
    lead.save()
    token = calendar_feeds.create_calendar_feed(lead)
    assert "Sista ansökningsdag: Forår 2026 (Innovationspuljen)" in summaries(
        client.get(feed_url(fund, token))
    )


def test_anyone_reads_a_public_cycle_and_no_other(client, fund, pool):
    assert pool.cycle_is_public and not fund.cycle_is_public
    assert summaries(client.get(reverse("funding:calendar", args=[pool.pk])))
    response = client.get(reverse("funding:calendar", args=[fund.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_page_shows_the_address_once_and_revokes_it(client_for, world, fund, settings):
    settings.SITE_URL = "https://fremdrift.nordfjord.dk"
    client = client_for(LEAD)
    page = reverse("calendar_subscription")
    assert "https://fremdrift.nordfjord.dk/funds/" not in client.get(page).content.decode()
    made = client.post(page, {"create": ""})
    assert made["Cache-Control"].startswith("max-age=0") and "no-store" in made["Cache-Control"]
    shown = made.content.decode()
    feed = CalendarFeed.objects.get(person=world.users[LEAD], revoked_at__isnull=True)
    token = next(t for t in shown.split(f"/funds/{fund.pk}/calendar/")[1:] if t).split(".ics")[0]
    assert calendar_feeds._hash(token) == feed.token_hash
    assert f'value="https://fremdrift.nordfjord.dk{feed_url(fund, token)}"' in shown
    assert f'href="webcal://fremdrift.nordfjord.dk{feed_url(fund, token)}"' in shown
    assert token not in client.get(page).content.decode()  # shown once
    assert client.post(page, {"revoke": ""}).status_code == 302
    client.logout()
    assert client.get(feed_url(fund, token)).status_code == 404


def test_the_fund_page_says_how_to_subscribe(client_for, fund, pool, settings):
    settings.SITE_URL = "https://fremdrift.nordfjord.dk"
    client = client_for(LEAD)
    private = client.get(reverse("funding:fund", args=[fund.pk])).content.decode()
    assert reverse("calendar_subscription") in private
    public = client.get(reverse("funding:fund", args=[pool.pk])).content.decode()
    address = f"https://fremdrift.nordfjord.dk{reverse('funding:calendar', args=[pool.pk])}"
    assert f'value="{address}"' in public
