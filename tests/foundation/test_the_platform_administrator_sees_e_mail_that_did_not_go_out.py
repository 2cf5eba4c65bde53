"""The platform administrator sees the e-mail that waits or failed for good, and can send one again; nobody
else sees that page."""

import pytest
from django.urls import reverse

from fremdrift.background.models import OutgoingEmail
from fremdrift.core import mail

pytestmark = [pytest.mark.foundation]

PLATFORM = "platform@fremdrift.demo"


@pytest.fixture
def failed(world):
    message = mail.send(
        "accounts/password_reset_email.txt", {}, ["ny@nordfjord.dk"], subject="Ny adgangskode", link="/"
    )
    OutgoingEmail.objects.filter(pk=message.pk).update(
        state=OutgoingEmail.State.FAILED, attempts=mail.MAX_ATTEMPTS, last_error="SMTPRecipientsRefused: 550"
    )
    return message


def test_the_platform_administrator_sees_a_failed_e_mail_and_sends_it_again(
    client_for, failed, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(PLATFORM)
    page = client.get(reverse("background:outgoing_email"))
    assert page.status_code == 200
    assert failed in page.context["failed"]
    text = page.content.decode()
    assert "ny@nordfjord.dk" in text and "SMTPRecipientsRefused: 550" in text
    assert reverse("background:retry_email", args=[failed.pk]) in text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("background:retry_email", args=[failed.pk]))
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.state == OutgoingEmail.State.SENT
    assert [message.to for message in mailoutbox] == [["ny@nordfjord.dk"]]
    assert failed not in client.get(reverse("background:outgoing_email")).context["failed"]


@pytest.mark.parametrize(
    "email", ["admin@nordfjord.demo", "innovation@nordfjord.demo", "medarbejder@nordfjord.demo"]
)
def test_nobody_else_sees_the_outgoing_e_mail_or_sends_it_again(client_for, failed, email):
    client = client_for(email)
    assert client.get(reverse("background:outgoing_email")).status_code == 403
    assert client.post(reverse("background:retry_email", args=[failed.pk])).status_code == 403
    failed.refresh_from_db()
    assert failed.state == OutgoingEmail.State.FAILED
    assert reverse("background:outgoing_email") not in client.get(reverse("home")).content.decode()


def test_a_visitor_is_asked_to_log_in(client, failed):
    response = client.get(reverse("background:outgoing_email"))
    assert response.status_code == 302 and reverse("login") in response.url


def test_the_navigation_leads_the_platform_administrator_to_the_outgoing_e_mail(client_for, world):
    assert reverse("background:outgoing_email") in client_for(PLATFORM).get(reverse("home")).content.decode()
