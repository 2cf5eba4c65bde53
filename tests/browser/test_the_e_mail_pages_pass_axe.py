"""The platform administrator's outgoing e-mail and the demo inbox pass axe-core and keep to the content
security policy; the HTML part of a demo e-mail shows with its own styles."""

import pytest
from django.urls import reverse

from fremdrift.background.models import OutgoingEmail
from fremdrift.core import mail

pytestmark = [pytest.mark.foundation]


@pytest.fixture
def e_mails(live_world):
    sent = mail.send(
        "accounts/password_reset_email.txt",
        {},
        ["medarbejder@nordfjord.demo"],
        subject="Ny adgangskode",
        link="/",
    )
    failed = mail.send(
        "accounts/password_reset_email.txt", {}, ["ukendt@nordfjord.dk"], subject="Ny adgangskode", link="/"
    )
    OutgoingEmail.objects.filter(pk=failed.pk).update(
        state=OutgoingEmail.State.FAILED, attempts=mail.MAX_ATTEMPTS, last_error="SMTPRecipientsRefused: 550"
    )
    return sent, failed


@pytest.mark.parametrize("language", ["da", "sv"])
def test_the_outgoing_e_mail_page_passes_axe(browser_page, assert_accessible, e_mails, language):
    page = browser_page("platform@fremdrift.demo", language=language)
    page.goto(reverse("background:outgoing_email"))
    assert page.get_by_text("SMTPRecipientsRefused: 550").is_visible()
    assert_accessible(page)


def test_the_demo_inbox_passes_axe_and_its_html_part_keeps_its_look(
    browser_page, assert_accessible, e_mails, settings
):
    settings.DEMO_MODE = True
    page = browser_page()
    page.goto(reverse("background:demo_inbox"))
    assert_accessible(page)
    page.locator(f"a[href='{reverse('background:demo_inbox_html', args=[e_mails[0].pk])}']").click()
    # The e-mail's own inline styles apply (the page's policy lets them, and only them, in).
    assert page.locator("body").evaluate("body => getComputedStyle(body).fontFamily").startswith("Arial")
