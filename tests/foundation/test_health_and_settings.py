import json
import os
import subprocess
import sys
from unittest import mock

import pytest
from django.db import OperationalError
from django.urls import reverse

pytestmark = [pytest.mark.foundation]


def test_healthz_reports_the_database(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_healthz_is_503_when_the_database_is_unreachable(client, db):
    with mock.patch("fremdrift.core.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


SET_BY_THE_TESTS = {
    "DEBUG",
    "FREMDRIFT_PRODUCTION",
    "DATABASE_URL",
    "FREMDRIFT_SITE_URL",
    "DEFAULT_FROM_EMAIL",
    "SERVER_EMAIL",
}
# What production needs besides a secret key.
PRODUCTION = {
    "FREMDRIFT_PRODUCTION": "1",
    "FREMDRIFT_SITE_URL": "https://fremdrift.example.dk",
    "DEFAULT_FROM_EMAIL": "Fremdrift <fremdrift@example.dk>",
}


def run_django(env_overrides, code="import django; django.setup(); print('started')"):
    inherited = {k: v for k, v in os.environ.items() if k not in SET_BY_THE_TESTS}
    env = {**inherited, "DJANGO_SETTINGS_MODULE": "fremdrift.settings", **env_overrides}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)


def test_production_refuses_the_default_secret_key():
    result = run_django({"FREMDRIFT_PRODUCTION": "1", "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_debug():
    result = run_django({"FREMDRIFT_PRODUCTION": "1", "SECRET_KEY": "x" * 50, "DEBUG": "1"})
    assert result.returncode != 0
    assert "DEBUG" in result.stderr


def test_production_starts_when_configured():
    result = run_django(
        {
            **PRODUCTION,
            "SECRET_KEY": "x" * 50,
            "DEBUG": "0",
            "ALLOWED_HOSTS": "fremdrift.example.dk",
        }
    )
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


@pytest.mark.parametrize(
    "setting, value",
    [
        ("FREMDRIFT_SITE_URL", ""),
        ("FREMDRIFT_SITE_URL", "http://localhost:8000"),
        ("DEFAULT_FROM_EMAIL", "Fremdrift <noreply@LocalHost>"),
        ("SERVER_EMAIL", "root@localhost"),
    ],
)
def test_production_refuses_links_and_mail_that_reach_nobody(setting, value):
    result = run_django(
        {**PRODUCTION, "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "fremdrift.example.dk", setting: value}
    )
    assert result.returncode != 0
    assert f"Set {setting}" in result.stderr


def test_database_url_selects_postgresql():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['ENGINE'])"
    )
    result = run_django({"DATABASE_URL": "postgres://u@db.example:5432/fremdrift"}, code)
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_errors_render_in_the_layout(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert 'id="main"' in response.content.decode()


HEADERS_IN_PRODUCTION = (
    "import django, json; django.setup(); from django.test import Client; "
    "response = Client().get('/accounts/login/', headers={'x-forwarded-proto': 'https'}); "
    "print(json.dumps(dict(response.headers)))"
)


def production_headers(**env):
    result = run_django(
        {
            **PRODUCTION,
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": "sqlite:///:memory:",
            **env,
        },
        HEADERS_IN_PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_production_sends_the_security_headers_behind_a_tls_proxy():
    headers = production_headers(BEHIND_TLS_PROXY="1")
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    policy = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == policy["script-src"] == policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == policy["object-src"] == "'none'"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]


def test_no_strict_transport_security_without_tls():
    assert "Strict-Transport-Security" not in production_headers()
