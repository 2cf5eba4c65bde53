"""No input, from any role, ever produces a server error, and a refused request changes nothing.

For every demo role the crawler follows the site's own links from the home page (breadth first, a
bounded number of pages), asks each page again with malformed query strings, and submits every form
it finds with each class of bad value in `VARIANTS`. It collects every 500 (URL, form and values) and
every refused POST that still changed the number of rows in a domain table, and fails with the list.

Left out: the Django admin (the platform administrator's, a well-tested library's forms), log-out and
language switching (they end or change the session the crawl runs in), and file downloads.
"""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.contrib import messages
from django.db import connection

from crawling import same_site
from demo_world import fremdrift_tables
from fremdrift.core.demo import PEOPLE, PLATFORM_ADMIN

pytestmark = [pytest.mark.foundation]

MAX_PAGES = 30  # per role: enough to reach every kind of page from the home page's links
MAX_FORMS = 30  # per role, counted after forms with the same target and fields are merged
QUERY_VARIANTS = ({"after": "abc"}, {"page": "-1"}, {"page": "abc"})
NUMERIC_INPUTS = {"number", "range"}
DATE_INPUTS = {"date", "month", "datetime-local", "week", "time"}


class Form:
    def __init__(self, action, method):
        self.action, self.method = action, method
        self.fields = []  # (name, kind, value, options): kind is the input type, "select" or "textarea"
        self.buttons = []  # (name, value) of named submit buttons

    def key(self):
        return (self.method, self.action, tuple(sorted(name for name, *_ in self.fields)))


class PageParser(HTMLParser):
    """The links and forms of one page, with each field's type, value and options."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.forms = [], []
        self._form = self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href") and "download" not in attrs:
            self.links.append(attrs["href"])
        elif tag == "option" and self._select is not None:
            self._select[1].append(attrs.get("value", ""))
        elif tag == "form":
            self._form = Form(attrs.get("action") or "", (attrs.get("method") or "get").lower())
            self.forms.append(self._form)
        elif self._form is None or "name" not in attrs:
            return
        elif tag == "input":
            kind = attrs.get("type", "text").lower()
            if attrs.get("inputmode") in ("numeric", "decimal"):
                kind = "number"
            if kind in ("submit", "image"):
                self._form.buttons.append((attrs["name"], attrs.get("value", "")))
            elif kind in ("checkbox", "radio") and "checked" not in attrs:
                self._form.fields.append((attrs["name"], kind, "", [attrs.get("value", "on")]))
            elif kind not in ("file", "reset", "button"):
                self._form.fields.append((attrs["name"], kind, attrs.get("value", ""), []))
        elif tag == "button" and attrs.get("type", "submit") == "submit":
            self._form.buttons.append((attrs["name"], attrs.get("value", "")))
        elif tag == "select":
            self._select = (attrs["name"], [])
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self._form.fields.append((attrs["name"], "textarea", "", []))

    def handle_data(self, data):
        if self._textarea and self._form.fields and self._form.fields[-1][0] == self._textarea:
            name, kind, value, options = self._form.fields[-1]
            self._form.fields[-1] = (name, kind, value + data, options)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select and self._form is not None:
            name, options = self._select
            self._form.fields.append((name, "select", next((o for o in options if o), ""), options))
            self._select = None


def plausible(kind, value, options):
    """A value the field would accept, so that each bad value is tried with the rest of the form valid."""
    if kind == "hidden" or (kind in ("checkbox", "radio")):
        return value or (options[0] if options else "")
    if kind == "select":
        return value
    if kind in NUMERIC_INPUTS:
        return "1"
    if kind == "email":
        return "test@example.org"
    if kind in DATE_INPUTS:
        return {"month": "2026-06", "time": "10:00", "week": "2026-W23"}.get(kind, "2026-06-01")
    return value or "Test"


# Each class of bad value: (name, what it puts in a field of a kind, or None to keep the plausible value).
VARIANTS = [
    ("empty", lambda kind: ""),
    ("wrong type", lambda kind: "abc" if kind not in ("text", "textarea", "search", "password") else None),
    ("huge", lambda kind: "1" + "0" * 30 if kind in NUMERIC_INPUTS | {"hidden", "select"} else "x" * 10_000),
    ("negative", lambda kind: "-1" if kind in NUMERIC_INPUTS | {"hidden", "select"} else None),
    ("far future", lambda kind: "9999-12-31" if kind in DATE_INPUTS else None),
    (
        "malformed",
        lambda kind: (
            {"select": "99999999999999999999", "hidden": "1e999"}.get(kind)
            or ("1e999" if kind in NUMERIC_INPUTS else "2026-13-45" if kind in DATE_INPUTS else "a\x00<b>'\"")
        ),
    ),
]


def submissions(form):
    """(label, data) for each class of bad value and each named submit button."""
    buttons = form.buttons or [(None, None)]
    for variant, bad in VARIANTS:
        for button, button_value in buttons:
            data = {}
            for name, kind, value, options in form.fields:
                if name == "csrfmiddlewaretoken":
                    continue
                replacement = bad(kind)
                data[name] = plausible(kind, value, options) if replacement is None else replacement
            if button:
                data[button] = button_value
            yield f"{variant}, button {button}", data


def row_counts():
    """Rows in each of Fremdrift's tables, in one query."""
    tables = fremdrift_tables()
    quote = connection.ops.quote_name
    sql = " UNION ALL ".join(f"SELECT '{table}', COUNT(*) FROM {quote(table)}" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())


def refused(response):
    """A 4xx, a form shown again with its errors, or a redirect with an error message."""
    if 400 <= response.status_code < 500:
        return True
    if response.status_code == 200 and (
        b"field-errors" in response.content or b"form-errors" in response.content
    ):
        return True
    # The messages a response queued (the storage keeps them until the next request reads them).
    queued = getattr(getattr(response.wsgi_request, "_messages", None), "_queued_messages", [])
    return any(message.level >= messages.ERROR for message in queued)


def with_query(url, extra):
    parts = urlsplit(url)
    return f"{parts.path}?{urlencode({**dict(parse_qsl(parts.query)), **extra})}"


ROLES = [PLATFORM_ADMIN[0]] + [email for email, *_ in PEOPLE]


@pytest.mark.parametrize("email", ROLES)
def test_no_input_makes_a_500_or_a_change_when_refused(client_for, email):
    client = client_for(email)
    client.raise_request_exception = False
    errors, changed = [], []
    seen_pages, seen_forms = {"/"}, set()
    queue = deque(["/"])

    def ask(method, url, data=None, label=""):
        response = getattr(client, method)(url, data or {})
        if response.status_code >= 500:
            errors.append(f"{response.status_code} {method.upper()} {url} {label} {data or ''}"[:600])
        return response

    pages = 0
    while queue and pages < MAX_PAGES:
        url = queue.popleft()
        response = ask("get", url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages += 1
        for extra in QUERY_VARIANTS:
            ask("get", with_query(url, extra))
        parser = PageParser()
        parser.feed(response.content.decode())
        for href in parser.links:
            link = same_site(url, href)
            if link and link not in seen_pages:
                seen_pages.add(link)
                queue.append(link)
        for form in parser.forms:
            target = same_site(url, form.action or url)
            if target is None or form.key() in seen_forms or len(seen_forms) >= MAX_FORMS:
                continue
            form.action = target
            seen_forms.add(form.key())
            for label, data in submissions(form):
                if form.method != "post":
                    ask("get", target, data, label)
                    continue
                before = row_counts()
                response = ask("post", target, data, label)
                if response.status_code < 500 and refused(response):
                    after = row_counts()
                    if after != before:
                        difference = {t: after[t] - before[t] for t in after if after[t] != before[t]}
                        changed.append(f"POST {target} {label}: refused but changed {difference}")
    assert not errors, "\n".join(errors)
    assert not changed, "\n".join(changed)
