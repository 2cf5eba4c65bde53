"""What the crawling tests share: what a page holds (ids, references, title, links, forms), and which
of its links lead to a page of this site worth following."""

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# Log-out and language switching end or change the session the crawl runs in; the admin is the
# platform administrator's, a well-tested library's pages.
SKIPPED = ("/accounts/logout/", "/i18n/", "/admin/", "/static/", "/media/")
DOWNLOADS = (".pdf", ".csv", ".xlsx", ".json", ".ics", "/export", "/attachments/")


def is_download(path):
    return any(download in path for download in DOWNLOADS)


def same_site(base, href, *, downloads=False):
    """The path and query `href` (on the page at `base`) leads to on this site, or None for another
    site, a skipped path, or (unless `downloads`) a file download."""
    url = urlsplit(urljoin(base, href))
    if url.scheme not in ("", "http") or url.netloc not in ("", "testserver"):
        return None
    path = url.path
    if path.startswith(SKIPPED) or (not downloads and is_download(path)):
        return None
    return path + (f"?{url.query}" if url.query else "")


@dataclass
class Page:
    title: str = ""
    ids: Counter = field(default_factory=Counter)
    references: list = field(default_factory=list)  # (attribute, id) on the page
    links: list = field(default_factory=list)  # every href, to crawl on
    content_links: list = field(default_factory=list)  # the hrefs inside <main>
    forms: list = field(default_factory=list)  # the POST forms

    def unresolved(self):
        """Each reference to an id that no element of the page has."""
        return [f"{attribute}={target}" for attribute, target in self.references if target not in self.ids]

    def repeated_ids(self):
        return [f"id {name} {count} times" for name, count in self.ids.items() if count > 1]


@dataclass
class Form:
    action: str
    hidden: dict = field(default_factory=dict)  # name -> value, sent as they are
    visible: set = field(default_factory=set)  # the names of the other fields, sent empty
    required: bool = False

    def key(self):
        return self.action, tuple(sorted(self.hidden)), tuple(sorted(self.visible))


# Elements without an end tag: html.parser reports none for `<br>`.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Attributes that name other elements by id.
REFERENCES = ("aria-describedby", "aria-labelledby", "aria-controls")


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in_title = False
        self._main_depth = 0  # open elements inside <main>, so its end is found
        self._form = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if (self._main_depth or tag == "main") and tag not in VOID:
            self._main_depth += 1
        if attrs.get("id"):
            self.page.ids[attrs["id"]] += 1
        for name in REFERENCES:
            for target in (attrs.get(name) or "").split():
                self.page.references.append((name, target))
        if tag == "label" and attrs.get("for"):
            self.page.references.append(("label for", attrs["for"]))
        if tag == "title":
            self._in_title = True
        if tag == "a" and attrs.get("href"):
            self.page.links.append(attrs["href"])
            if self._main_depth:
                self.page.content_links.append(attrs["href"])
        if tag == "form":
            self._form = Form(attrs.get("action") or "")
            if (attrs.get("method") or "").lower() == "post":
                self.page.forms.append(self._form)
        elif self._form and tag in ("input", "select", "textarea") and attrs.get("name"):
            if attrs.get("type") == "hidden":
                self._form.hidden[attrs["name"]] = attrs.get("value", "")
            else:
                self._form.visible.add(attrs["name"])
                self._form.required |= "required" in attrs

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self._main_depth and tag not in VOID:
            self._main_depth -= 1

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        if tag == "title":
            self._in_title = False
        if self._main_depth:
            self._main_depth -= 1

    def handle_data(self, data):
        if self._in_title:
            self.page.title += data


def read_page(html):
    parser = PageParser()
    parser.feed(html)
    return parser.page
