"""What a screen reader needs of every page, as every demo role, on the pages its links reach.

One crawl per role (breadth first from the home page, a bounded number of pages of each kind) is
shared by the tests of this module. On each page, and on each form shown again with its errors
(posted once with its required fields empty): every `aria-describedby`, `aria-labelledby` and
`<label for>` names an element of the page; no id is used twice. Each page has a title, and no two
pages of different kinds or different objects share one (a paged list says the page). Every link
in the page's content opens for the person it is shown to: no 403 or 404.
"""

import re
from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client

from crawling import is_download, read_page, same_site
from fremdrift.core.demo import PEOPLE, PLATFORM_ADMIN
from fremdrift.organisations.models import Membership, Organisation
from fremdrift.organisations.roles import Role

pytestmark = [pytest.mark.foundation, pytest.mark.django_db]

PAGES_PER_KIND = 2  # pages of one URL pattern (the same view for other objects) a crawl reads
MAX_PAGES = 200  # per role: a bound above what PAGES_PER_KIND reaches (about 80 kinds of page)
MAX_FORMS = 60  # per role, each posted once with its required fields empty
# Beyond the demo's people: a person whose administration keeps no improvement board below it, and
# a visitor who is not logged in.
WITHOUT_BOARD = ("sagsbehandler@nordfjord.demo", "Børn og Unge")
VISITOR = "visitor"
ROLES = [PLATFORM_ADMIN[0], *(email for email, *_ in PEOPLE), WITHOUT_BOARD[0], VISITOR]


def kind_of(url):
    """The URL's pattern: the path with its numbers left out, and the names of its query parameters."""
    parts = urlsplit(url)
    return re.sub(r"\d+", "#", parts.path), tuple(sorted({name for name, _ in parse_qsl(parts.query)}))


@dataclass
class Crawl:
    pages: dict = field(default_factory=dict)  # url -> Page
    statuses: dict = field(default_factory=dict)  # url -> status code, of each page read and link checked
    shown_on: dict = field(default_factory=dict)  # url -> a page whose content links to it
    refused: dict = field(default_factory=dict)  # "POST url" -> the form page shown again with its errors

    def every_page(self):
        return {**self.pages, **self.refused}.items()


def crawl_as(email):
    client = Client()
    if email == WITHOUT_BOARD[0]:
        person = get_user_model().objects.create_user(email, email)
        organisation = Organisation.objects.get(name=WITHOUT_BOARD[1])
        Membership.objects.create(user=person, organisation=organisation, role=Role.STAFF)
        client.force_login(person)
    elif email != VISITOR:
        client.force_login(get_user_model().objects.get(email=email))
    crawl = Crawl()
    queue, queued, per_kind = deque(["/"]), {"/"}, Counter()
    forms = {}
    while queue and len(crawl.pages) < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        crawl.statuses[url] = response.status_code
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        crawl.pages[url] = page = read_page(response.content.decode())
        for form in page.forms:
            action = same_site(url, form.action or url)
            if action and form.required and len(forms) < MAX_FORMS:
                forms.setdefault(form.key(), (action, form))
        for href in page.content_links:
            link = same_site(url, href, downloads=True)
            if link:
                crawl.shown_on.setdefault(link, url)
        for href in page.links:
            link = same_site(url, href)
            if link and link not in queued and per_kind[kind_of(link)] < PAGES_PER_KIND:
                queued.add(link)
                per_kind[kind_of(link)] += 1
                queue.append(link)
    checked = Counter()
    for link in crawl.shown_on:
        # A file is made for each request (a PDF takes a second): one of each kind tells whether it opens.
        if link not in crawl.statuses and not (is_download(link) and checked[kind_of(link)]):
            checked[kind_of(link)] += 1
            crawl.statuses[link] = client.get(link).status_code
    # A required field left empty: the form comes back with its errors and nothing is written.
    for action, form in forms.values():
        response = client.post(action, form.hidden)
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            crawl.refused[f"POST {action}"] = read_page(response.content.decode())
    return crawl


@pytest.fixture(scope="module", params=ROLES)
def crawl(request, django_db_setup, django_db_blocker):
    """One role's crawl, for every test of the module; what its requests write is rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        result = crawl_as(request.param)
        transaction.set_rollback(True)
    return result


def test_the_crawl_reaches_the_pages_of_the_role(crawl):
    assert len(crawl.pages) > 5, crawl.pages.keys()


def test_every_reference_names_an_element_on_the_page(crawl):
    broken = [f"{url}: {reference}" for url, page in crawl.every_page() for reference in page.unresolved()]
    assert not broken, "\n".join(broken)


def test_ids_are_unique_on_each_page(crawl):
    repeated = [f"{url}: {repeated}" for url, page in crawl.every_page() for repeated in page.repeated_ids()]
    assert not repeated, "\n".join(repeated)


def test_every_page_has_a_title_of_its_own(crawl):
    untitled = [url for url, page in crawl.pages.items() if not page.title.replace("– Fremdrift", "").strip()]
    assert not untitled, untitled
    by_title = {}
    for url, page in crawl.pages.items():
        parts = urlsplit(url)
        # A filter shows a part of the same page; the page number makes it another.
        place = (parts.path, dict(parse_qsl(parts.query)).get("page", "1"))
        by_title.setdefault(" ".join(page.title.split()), set()).add(place)
    shared = {title: places for title, places in by_title.items() if len(places) > 1}
    assert not shared, "\n".join(f"{title!r}: {sorted(places)}" for title, places in shared.items())


def test_links_in_the_content_open_for_the_reader(crawl):
    refused = [
        f"{crawl.statuses.get(link)} {link} (linked from {page})"
        for link, page in crawl.shown_on.items()
        if crawl.statuses.get(link) in (403, 404)
    ]
    assert not refused, "\n".join(refused)
