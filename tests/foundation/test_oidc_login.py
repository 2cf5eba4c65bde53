"""Log in through an OpenID Connect provider (a fake one, standing in for Entra ID)."""

import base64
import hashlib
import hmac
import json
import re
import time
from unittest import mock
from urllib.parse import parse_qs, quote, urlparse

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from fremdrift.organisations import invitations

pytestmark = [pytest.mark.foundation, pytest.mark.urls("oidc_test_urls")]

SECRET = "fake-provider-client-secret-of-enough-length"


@pytest.fixture
def oidc(settings):
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = "fremdrift"
    settings.OIDC_RP_CLIENT_SECRET = SECRET
    settings.OIDC_RP_SIGN_ALGO = "HS256"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://idp.test/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://idp.test/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://idp.test/userinfo"
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "fremdrift.accounts.oidc.FremdriftOIDCBackend",
    ]


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def id_token(nonce: str) -> str:
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = {
        "iss": "https://idp.test",
        "aud": "fremdrift",
        "sub": "42",
        "nonce": nonce,
        "iat": int(time.time()),
        "exp": int(time.time()) + 300,
    }
    body = b64(json.dumps(claims).encode())
    signature = b64(hmac.new(SECRET.encode(), f"{header}.{body}".encode(), hashlib.sha256).digest())
    return f"{header}.{body}.{signature}"


class FakeProvider:
    """Answers the token and userinfo calls the way an identity provider does."""

    def __init__(self, claims):
        self.claims = claims
        self.nonce = None

    def post(self, url, **kwargs):
        assert url == "https://idp.test/token"
        return mock.Mock(
            status_code=200,
            json=lambda: {"id_token": id_token(self.nonce), "access_token": "at"},
            raise_for_status=lambda: None,
        )

    def get(self, url, **kwargs):
        assert url == "https://idp.test/userinfo"
        return mock.Mock(
            status_code=200,
            json=lambda: self.claims,
            raise_for_status=lambda: None,
            headers={"content-type": "application/json"},
        )


def sign_in(client, provider, **query):
    start = client.get("/oidc/authenticate/", query)
    assert start.status_code == 302 and start["Location"].startswith("https://idp.test/authorize")
    query = parse_qs(urlparse(start["Location"]).query)
    provider.nonce = query["nonce"][0]
    with mock.patch("mozilla_django_oidc.auth.requests", provider):
        return client.get("/oidc/callback/", {"code": "abc", "state": query["state"][0]})


def test_a_new_person_gets_an_account_without_roles(client, db, oidc):
    provider = FakeProvider(
        {"email": "Ny.Medarbejder@Nordfjord.dk", "given_name": "Nora", "family_name": "Ny"}
    )
    response = sign_in(client, provider)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="ny.medarbejder@nordfjord.dk")
    assert user.first_name == "Nora" and not user.memberships.exists()
    assert client.get("/").context["user"] == user


def test_an_existing_account_is_matched_on_email(client, world, oidc):
    provider = FakeProvider(
        {"email": "MEDARBEJDER@nordfjord.demo", "given_name": "Sofie", "family_name": "Jensen"}
    )
    sign_in(client, provider)
    assert client.get("/").context["user"] == world.users["medarbejder@nordfjord.demo"]


def test_no_email_claim_no_login(client, db, oidc):
    response = sign_in(client, FakeProvider({"sub": "42"}))
    assert not client.get("/").context["user"].is_authenticated
    assert response.status_code == 302


def test_an_invited_person_comes_through_the_provider_and_accepts(
    client, world, oidc, installation, django_capture_on_commit_callbacks
):
    unit = world.organisations["Hjemmepleje Nord"]
    with django_capture_on_commit_callbacks(execute=True):
        invitations.invite(
            world.users["admin@nordfjord.demo"], organisation=unit, email="nora@nordfjord.dk", role="staff"
        )
    link = re.search(r"https://[^/]+(/invitations/\S+/)", mail.outbox[0].body).group(1)
    page = client.get(link)
    assert page.context["mode"] == "join"
    assert f'href="/oidc/authenticate/?next={quote(link)}"' in page.content.decode()
    provider = FakeProvider({"email": "Nora@Nordfjord.dk", "given_name": "Nora", "family_name": "Ny"})
    assert sign_in(client, provider, next=link)["Location"] == link
    assert client.get(link).context["mode"] == "accept"
    nora = get_user_model().objects.get(email="nora@nordfjord.dk")
    assert not nora.memberships.exists()
    assert client.post(link)["Location"] == "/"
    assert nora.memberships.filter(organisation=unit, role="staff").exists()
