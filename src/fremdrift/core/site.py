"""The installation's own address (`settings.SITE_URL`), for what is read outside a request: links in
e-mails and calendar feeds, and the domain that makes calendar UIDs unique."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` (as `reverse` gives it) as an address a person can follow from an e-mail."""
    return settings.SITE_URL + path


def domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"
