"""What the crawling tests share: which of a page's links lead to a page of this site worth following."""

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
