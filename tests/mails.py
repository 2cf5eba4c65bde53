"""What every e-mail Fremdrift sends carries, checked on a message from `django.core.mail.outbox` as the
recipient's mail program gets it. Use with the `installation` fixture (its address and sender)."""

import re

SITE_URL = "https://fremdrift.nordfjord.dk"
SENDER = "Fremdrift Nordfjord <fremdrift@nordfjord.dk>"


def html_part(message) -> str:
    [html] = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    return html


def followed(message, client):
    """Check `message` and follow its link with `client`; the response at the end of it."""
    received = message.message()
    assert received["From"] == SENDER
    assert received["Message-ID"].endswith("@fremdrift.nordfjord.dk>")
    assert received["Auto-Submitted"] == "auto-generated"
    assert received["X-Auto-Response-Suppress"] == "All"
    assert "\n" not in message.subject and "\r" not in message.subject
    html = html_part(message)
    assert re.match(r'<!DOCTYPE html>\s*<html lang="(da|sv|en)">', html)
    link = re.search(r'<a href="([^"]+)"', html).group(1)
    assert link.startswith(SITE_URL + "/")
    assert link in message.body  # the plain-text part has the same link
    return client.get(link.removeprefix(SITE_URL), follow=True)
