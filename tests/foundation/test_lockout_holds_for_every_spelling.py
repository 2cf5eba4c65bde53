import pytest
from django.test import Client
from django.urls import reverse

from fremdrift.accounts.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.foundation]

SPELLINGS = [
    "medarbejder@nordfjord.demo",
    "Medarbejder@Nordfjord.demo",
    "  MEDARBEJDER@NORDFJORD.DEMO",
    "medarbejder@NORDFJORD.demo  ",
]


def log_in(client, email, password):
    return client.post(reverse("login"), {"username": email, "password": password})


def test_failures_in_every_spelling_count_towards_one_lock_out(world, settings):
    client = Client()
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, SPELLINGS[attempt % len(SPELLINGS)], "wrong")
    assert log_in(client, "medarbejder@nordfjord.demo", DEMO_PASSWORD).status_code == 429


def test_the_lock_out_holds_from_another_client_address(world, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(Client(REMOTE_ADDR=f"10.0.0.{attempt}"), SPELLINGS[attempt % len(SPELLINGS)], "wrong")
    response = log_in(Client(REMOTE_ADDR="10.0.1.1"), " Medarbejder@nordfjord.DEMO ", DEMO_PASSWORD)
    assert response.status_code == 429


def test_one_client_address_is_locked_out_after_failures_on_several_accounts(world, settings):
    client = Client(REMOTE_ADDR="10.0.2.1")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"nobody-{attempt}@nordfjord.demo", "wrong")
    assert log_in(client, "medarbejder@nordfjord.demo", DEMO_PASSWORD).status_code == 429


def test_fewer_failures_than_the_limit_do_not_lock(world, settings):
    client = Client()
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, SPELLINGS[attempt % len(SPELLINGS)], "wrong")
    assert log_in(client, "Medarbejder@Nordfjord.demo ", DEMO_PASSWORD).status_code == 302
