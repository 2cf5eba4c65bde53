"""A person's secret calendar subscription: one token opens every calendar feed the person may read.

Calendar programs cannot log in, so the token in the address stands for the person. Each fetch shows
what the person may see at that moment (the feeds ask `access` every time), and nothing once the
person is inactive or the token revoked. Only a hash of the token is stored: the address is shown
once, when it is made. The apps name the feeds a token opens in `ADDRESSES`.
"""

import hashlib
import secrets
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from fremdrift import audit
from fremdrift.core import site

from .models import CalendarFeed

# Each app's feeds: (person, token) -> [(what the feed shows, its path)]. Appended in `ready()`.
ADDRESSES: list[Callable] = []


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def live_feed(person) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(person=person, revoked_at__isnull=True).first()


@audit.service
@transaction.atomic
def create_calendar_feed(actor, *, reason: str = "") -> str:
    """A new secret token for the actor's feeds, returned this once; a token made before stops working."""
    _revoke(actor)
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.create(person=actor, token_hash=_hash(token))
    return token


@audit.service
@transaction.atomic
def revoke_calendar_feed(actor, *, reason: str = "") -> None:
    _revoke(actor)


def _revoke(person) -> None:
    feed = CalendarFeed.objects.select_for_update().filter(person=person, revoked_at__isnull=True).first()
    if feed is not None:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])


def person_of(token: str):
    """The active person whose live token this is, with the use recorded; None for any other token."""
    feed = (
        CalendarFeed.objects.select_related("person")
        .filter(token_hash=_hash(token), revoked_at__isnull=True, person__is_active=True)
        .first()
    )
    if feed is None:
        return None
    # An update, not a save: a fetch every few hours is no change to the audit trail.
    CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=timezone.now())
    return feed.person


def addresses(person, token: str) -> list[dict]:
    """Every feed the token opens for the person now, with its addresses (`subscription`)."""
    return [subscription(name, path) for feeds in ADDRESSES for name, path in feeds(person, token)]


def subscription(name: str, path: str) -> dict:
    """A feed's address to copy into a calendar program (https), and the webcal one that opens it."""
    https = site.absolute_url(path)
    return {"name": name, "https": https, "webcal": "webcal:" + https.partition(":")[2]}
