"""Values a request sends in its query string or form, read so that no value can cause a server error."""

from axes.helpers import get_client_ip_address
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

# The largest primary key both databases store (a signed 64-bit integer); a larger number overflows
# the database driver instead of finding nothing.
LARGEST_KEY = 2**63 - 1


def whole_number(value, default=None):
    """`value` as an int, or `default` when it is missing or not a whole number."""
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def object_or_404(queryset, value, **lookup):
    """The object whose primary key the request sent: 404 when the value names nothing, a value
    that is not a key at all (`?after=abc`, a negative or huge number) included."""
    pk = whole_number(value)
    if pk is None or not 0 < pk <= LARGEST_KEY:
        raise Http404
    return get_object_or_404(queryset, pk=pk, **lookup)


def posted_next(request) -> str | None:
    """The page a form sends the user back to (its posted `next`), when that is a path on this site.

    Only a path: anything else could leave the site, or be read by `redirect` as a view's name."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def client_address(group, request) -> str:
    """The client's address, as the lock-out counts it: the key django-ratelimit's throttles count by
    (with more than one worker, the cache they count in must be shared: README)."""
    return get_client_ip_address(request) or ""
