"""How often one client address may do something anonymous (send a public idea), counted in Django's
cache.

The count lives in the `default` cache. The local-memory cache of a single process is enough for one
worker; production with several workers or servers needs one cache they share (Redis, Memcached or
Django's database cache), or each worker counts on its own and the limit is multiplied.
"""

from django.core.cache import cache


def client_address(request) -> str:
    # Behind a proxy, the proxy must set REMOTE_ADDR to the client's address (e.g. gunicorn's
    # --forwarded-allow-ips with a proxy that overwrites X-Forwarded-For); a header the client
    # sends itself would let it choose its own key.
    return request.META.get("REMOTE_ADDR", "")


def allow(what: str, request, *, limit: int, seconds: int) -> bool:
    """Counts one more attempt at `what` from the request's client address; False once there have
    been more than `limit` in the `seconds` since the first."""
    key = f"ratelimit:{what}:{client_address(request)}"
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry expired between add and incr
        cache.set(key, 1, timeout=seconds)
        count = 1
    return count <= limit
