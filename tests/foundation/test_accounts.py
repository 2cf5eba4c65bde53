import re

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils.translation import gettext, override

from fremdrift.accounts.demo import DEMO_PASSWORD
from fremdrift.accounts.forms import LoginForm
from mails import followed

pytestmark = [pytest.mark.foundation]


def log_in(client, email, password):
    return client.post(reverse("login"), {"username": email, "password": password})


def test_log_in_and_out(client, world):
    response = log_in(client, "Medarbejder@Nordfjord.demo", DEMO_PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"].email == "medarbejder@nordfjord.demo"
    client.post(reverse("logout"))
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_a_wrong_password_says_so_and_keeps_the_address(client, world):
    response = log_in(client, "medarbejder@nordfjord.demo", "wrong")
    page = response.content.decode()
    assert response.status_code == 200
    assert "medarbejder@nordfjord.demo" in page
    with override("da"):
        assert str(LoginForm.error_messages["invalid_login"]) in page


def test_repeated_failures_lock_the_account(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "medarbejder@nordfjord.demo", "wrong")
    response = log_in(client, "medarbejder@nordfjord.demo", DEMO_PASSWORD)
    assert response.status_code == 429
    with override("da"):
        assert gettext("Too many failed log-ins") in response.content.decode()


def test_password_reset_by_email(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the e-mail leaves when the request commits
        client.post(reverse("password_reset"), {"email": "medarbejder@nordfjord.demo"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "en-helt-ny-adgangskode-2026", "new_password2": "en-helt-ny-adgangskode-2026"},
    )
    assert response.status_code == 302
    assert log_in(client, "medarbejder@nordfjord.demo", "en-helt-ny-adgangskode-2026").status_code == 302


def test_the_reset_e_mail_links_to_the_installation_whatever_host_the_request_named(
    client, world, installation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("password_reset"), {"email": "medarbejder@nordfjord.demo"}, HTTP_HOST="127.0.0.1")
    [message] = mail.outbox
    assert "127.0.0.1" not in message.body
    response = followed(message, client)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith("/set-password/")  # the form to choose the password
    assert "new_password1" in response.content.decode()


def test_password_rules_refuse_weak_passwords(world, monkeypatch):
    monkeypatch.setenv("FREMDRIFT_ADMIN_PASSWORD", "kort")
    with pytest.raises(CommandError, match="12"):
        call_command("createadmin", email="chef@example.org", no_input=True)


def test_createadmin_makes_a_platform_administrator(db, monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("FREMDRIFT_ADMIN_PASSWORD", "a-very-long-admin-password-42")
    call_command("createadmin", email="Chef@Example.org", no_input=True)
    user = get_user_model().objects.get(email="chef@example.org")
    assert user.is_platform_admin and user.check_password("a-very-long-admin-password-42")


def test_language_choice_follows_the_user(client_for, world):
    client = client_for("medarbejder@nordfjord.demo")
    assert '<html lang="da">' in client.get(reverse("home")).content.decode()
    client.post(reverse("set_language"), {"language": "sv", "next": "/"})
    world.users["medarbejder@nordfjord.demo"].refresh_from_db()
    assert world.users["medarbejder@nordfjord.demo"].language == "sv"
    assert '<html lang="sv">' in client.get(reverse("home")).content.decode()


def test_language_switch_never_redirects_elsewhere(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_demo_passwords_only_in_demo_mode(client, world, settings):
    settings.DEMO_MODE = False
    assert DEMO_PASSWORD not in client.get(reverse("login")).content.decode()
    settings.DEMO_MODE = True
    assert DEMO_PASSWORD in client.get(reverse("login")).content.decode()
