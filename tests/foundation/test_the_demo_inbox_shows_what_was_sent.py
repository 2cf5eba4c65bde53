"""In demo mode no e-mail leaves the machine: the demo inbox shows what was sent, to anyone trying the demo.
Outside demo mode there is no inbox."""

import pytest
from django.urls import reverse

from fremdrift.core import mail, site

pytestmark = [pytest.mark.foundation]


@pytest.fixture
def sent(world, installation, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = mail.send(
            "accounts/password_reset_email.txt",
            {},
            ["medarbejder@nordfjord.demo"],
            subject="Vælg en ny adgangskode",
            link=reverse("login"),
        )
    message.refresh_from_db()
    return message


def test_the_demo_inbox_shows_each_e_mail_with_its_link(client, settings, sent):
    settings.DEMO_MODE = True
    page = client.get(reverse("background:demo_inbox"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Vælg en ny adgangskode" in text and "medarbejder@nordfjord.demo" in text
    link = site.absolute_url(reverse("login"))
    assert f'<a href="{link}"' in text  # the link in the e-mail can be followed
    assert reverse("background:demo_inbox") in client.get(reverse("home")).content.decode()


def test_the_html_part_is_shown_as_a_mail_program_would_show_it_and_nothing_in_it_runs(
    client, settings, sent
):
    settings.DEMO_MODE = True
    response = client.get(reverse("background:demo_inbox_html", args=[sent.pk]))
    assert response.status_code == 200
    assert response.content.decode() == sent.html
    policy = response["Content-Security-Policy"]
    assert "sandbox" in policy and "script-src 'self'" in policy and "style-src 'unsafe-inline'" in policy


def test_outside_demo_mode_there_is_no_inbox(client_for, settings, sent):
    settings.DEMO_MODE = False
    client = client_for("platform@fremdrift.demo")
    assert client.get(reverse("background:demo_inbox")).status_code == 404
    assert client.get(reverse("background:demo_inbox_html", args=[sent.pk])).status_code == 404
    assert reverse("background:demo_inbox") not in client.get(reverse("home")).content.decode()
