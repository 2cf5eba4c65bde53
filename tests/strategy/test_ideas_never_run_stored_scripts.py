"""Ideas and comments are plain text or Markdown; whatever is stored, no script ever runs."""

import pytest
from django.urls import reverse

from fremdrift.ideas import text
from fremdrift.ideas.models import Comment, Idea

pytestmark = [pytest.mark.strategy]

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[klik](javascript:alert(1))",
    '<a href="javascript:alert(1)">klik</a>',
    '<svg onload="alert(1)"></svg>',
    '<iframe src="https://example.org"></iframe>',
    '<p style="background:url(javascript:alert(1))" onclick=alert(1)>x</p>',
    "[x](JaVaScRiPt:alert(1))",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_is_cleaned_of_scripts_handlers_and_javascript_links(payload):
    html = text.render(payload).lower()
    for dangerous in (
        "<script",
        "onerror",
        "onload",
        "onclick",
        "javascript:",
        "<iframe",
        "<svg",
        "style=",
        "data:",
    ):
        assert dangerous not in html


def test_markdown_keeps_emphasis_lists_and_safe_links():
    html = text.render("**Vigtigt**\n\n- et\n- to\n\n[Sundhedsstyrelsen](https://www.sst.dk)")
    assert "<strong>Vigtigt</strong>" in html
    assert "<li>et</li>" in html
    assert 'href="https://www.sst.dk"' in html and "noopener" in html


def test_an_idea_page_shows_stored_payloads_as_harmless_text(client_for, world):
    idea = Idea.objects.create(
        organisation=world.organisations["Hjemmepleje Nord"],
        author=world.users["medarbejder@nordfjord.demo"],
        title='<script>alert("titel")</script>',
        problem="\n\n".join(PAYLOADS),
        proposal='<img src=x onerror="alert(2)">',
        helps="[x](javascript:alert(3))",
    )
    Comment.objects.create(
        idea=idea, author=world.users["medarbejder@nordfjord.demo"], body="<script>alert(4)</script>"
    )
    page = (
        client_for("medarbejder@nordfjord.demo").get(reverse("ideas:detail", args=[idea.pk])).content.decode()
    )
    main = page[page.index("<main") :]
    assert "<script" not in main
    assert "onerror=" not in main and "javascript:" not in main
    assert "&lt;script&gt;alert(&quot;titel&quot;)&lt;/script&gt;" in main
