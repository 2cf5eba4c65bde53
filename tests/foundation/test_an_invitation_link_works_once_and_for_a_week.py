"""An invitation's link works once, for seven days, and only the newest one sent; an expired, used or
revoked link says so, and an expired or revoked one lets the person ask for a new invitation."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from fremdrift.audit.models import AuditEntry
from fremdrift.organisations import invitations
from fremdrift.organisations.models import Invitation

pytestmark = [pytest.mark.foundation]

ADMIN = "admin@nordfjord.demo"
PASSWORD = "en-helt-ny-adgangskode-2026"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a service as if its transaction committed: the e-mails it queues go out."""

    def run(service, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(*args, **kwargs)

    return run


@pytest.fixture
def invitation(world, committed, installation):
    return committed(
        invitations.invite,
        world.users[ADMIN],
        organisation=world.organisations["Hjemmepleje Nord"],
        email="nina@nordfjord.dk",
        name="Nina Ny",
        role="staff",
    )


def reader() -> Client:
    """A visitor whose browser asks for English, so a page's words can be read here."""
    return Client(headers={"accept-language": "en"})


def link_in(message) -> str:
    return re.search(r"https://fremdrift\.nordfjord\.dk(/invitations/\S+/)", message.body).group(1)


def join(client, link):
    return client.post(
        link,
        {"first_name": "Nina", "last_name": "Ny", "password": PASSWORD, "password_again": PASSWORD},
        follow=True,
    )


def test_the_link_is_kept_only_as_a_hash(invitation):
    token = link_in(mail.outbox[0]).split("/")[2]
    assert len(token) >= 43 and token not in invitation.token_hash
    trail = AuditEntry.objects.filter(content_type__model="invitation", object_id=str(invitation.pk))
    assert trail.exists() and not any("token_hash" in str(entry.changes) for entry in trail)


def test_an_expired_link_says_so_and_takes_nobody_in(invitation, client_for):
    link = link_in(mail.outbox[0])
    members_page = reverse("organisations:detail", args=[invitation.organisation_id])
    assert "Udløbet" not in client_for(ADMIN).get(members_page).content.decode()
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert "Udløbet" in client_for(ADMIN).get(members_page).content.decode()
    page = reader().get(link)
    assert page.status_code == 410 and "expired" in page.content.decode()
    assert join(Client(), link).status_code == 410
    assert not get_user_model().objects.filter(email="nina@nordfjord.dk").exists()


def test_an_expired_invitation_cannot_be_accepted_even_by_its_person(invitation, world):
    person = get_user_model().objects.create_user("nina@nordfjord.dk", "nina@nordfjord.dk", PASSWORD)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    with override("en"), pytest.raises(ValidationError, match="expired"):
        invitations.accept(person, invitation=invitation)
    assert not person.memberships.exists()


def test_a_link_is_used_once(invitation):
    link = link_in(mail.outbox[0])
    assert join(Client(), link).redirect_chain[-1][0] == reverse("home")
    again = reader().get(link)
    assert again.status_code == 410 and "accepted" in again.content.decode()
    assert join(Client(), link).status_code == 410
    assert get_user_model().objects.get(email="nina@nordfjord.dk").memberships.count() == 1


def test_a_revoked_link_says_so(invitation, client_for):
    link = link_in(mail.outbox[0])
    client_for(ADMIN).post(reverse("organisations:invitation_step", args=[invitation.pk, "revoke"]))
    page = reader().get(link)
    assert page.status_code == 410 and "withdrawn" in page.content.decode()
    assert reverse("invitations:ask_again", args=[link.split("/")[2]]) in page.content.decode()
    join(Client(), link)
    assert not get_user_model().objects.filter(email="nina@nordfjord.dk").exists()


def test_a_resent_invitation_has_a_new_link_and_the_old_one_stops_working(invitation, committed, world):
    old_link = link_in(mail.outbox[0])
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(days=1))
    committed(invitations.resend, world.users[ADMIN], invitation=invitation)
    new_link = link_in(mail.outbox[1])
    assert new_link != old_link and mail.outbox[1].to == ["nina@nordfjord.dk"]
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now() + timedelta(days=6)
    assert Client().get(old_link).status_code == 404
    assert join(Client(), old_link).status_code == 404
    assert join(Client(), new_link).redirect_chain[-1][0] == reverse("home")


def test_an_unknown_link_is_not_found(db):
    assert Client().get(reverse("invitations:open", args=["made-up-token"])).status_code == 404


def test_the_person_asks_once_for_a_new_invitation_and_the_inviter_hears_of_it(
    invitation, django_capture_on_commit_callbacks, committed, world
):
    link = link_in(mail.outbox[0])
    token = link.split("/")[2]
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    visitor = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(reverse("invitations:ask_again", args=[token]), follow=True)
    assert "Peter Nielsen" in response.content.decode()
    request = mail.outbox[-1]
    assert request.to == ["admin@nordfjord.demo"] and "nina@nordfjord.dk" in request.body
    assert f"/organisations/{invitation.organisation_id}/#invitations" in request.body
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(reverse("invitations:ask_again", args=[token]))
    assert len(mail.outbox) == 2
    # Once re-sent, the new link may be asked for again when it too runs out.
    committed(invitations.resend, world.users[ADMIN], invitation=invitation)
    token = link_in(mail.outbox[-1]).split("/")[2]
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(reverse("invitations:ask_again", args=[token]))
    assert len(mail.outbox) == 4 and mail.outbox[-1].to == ["admin@nordfjord.demo"]


def test_an_open_invitation_cannot_be_asked_for_again(invitation):
    token = link_in(mail.outbox[0]).split("/")[2]
    Client().post(reverse("invitations:ask_again", args=[token]))
    assert len(mail.outbox) == 1
    invitation.refresh_from_db()
    assert invitation.renewal_asked_at is None
