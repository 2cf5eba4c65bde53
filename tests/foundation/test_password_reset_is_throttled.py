import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext, override

pytestmark = [pytest.mark.foundation]

REFUSAL = "Too many requests for a new password. Please try again in an hour."


def ask_for_reset(client, email):
    return client.post(reverse("password_reset"), {"email": email})


def test_one_address_gets_a_few_e_mails_an_hour_in_any_spelling(
    world, settings, django_capture_on_commit_callbacks
):
    settings.PASSWORD_RESET_RATE_PER_ADDRESS = "3/h"
    with django_capture_on_commit_callbacks(execute=True):  # each e-mail leaves when its request commits
        for spelling in [
            "medarbejder@nordfjord.demo",
            "Medarbejder@Nordfjord.demo",
            " MEDARBEJDER@nordfjord.demo",
        ]:
            assert ask_for_reset(Client(REMOTE_ADDR="10.1.0.1"), spelling).status_code == 302
        response = ask_for_reset(Client(REMOTE_ADDR="10.1.0.2"), "medarbejder@nordfjord.demo")
    assert response.status_code == 429
    with override("da"):
        assert gettext(REFUSAL) in response.content.decode()
    assert len(mail.outbox) == 3


def test_one_client_address_is_throttled_across_addresses(
    world, settings, django_capture_on_commit_callbacks
):
    settings.PASSWORD_RESET_RATE_PER_CLIENT = "3/h"
    client = Client(REMOTE_ADDR="10.1.1.1")
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(3):
            assert ask_for_reset(client, f"someone-{number}@example.org").status_code == 302
        assert ask_for_reset(client, "medarbejder@nordfjord.demo").status_code == 429
    assert mail.outbox == []


def test_the_refusal_does_not_tell_whether_an_account_exists(world, settings):
    settings.PASSWORD_RESET_RATE_PER_ADDRESS = "1/h"
    pages = []
    for email in ["medarbejder@nordfjord.demo", "nobody@nordfjord.demo"]:
        assert ask_for_reset(Client(REMOTE_ADDR="10.1.2.1"), email).status_code == 302
        response = ask_for_reset(Client(REMOTE_ADDR="10.1.2.2"), email)
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
        pages.append((response.status_code, page.replace(email, "")))
    assert pages[0] == pages[1]
