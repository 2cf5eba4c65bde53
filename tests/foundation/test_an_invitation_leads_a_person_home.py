"""An administrator invites a person by e-mail; the person follows the link and is on her home page,
with the role. A person who already has an account logs in and accepts before the role counts."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from factories import make_organisation, make_user
from fremdrift.organisations.models import Invitation, Membership
from mails import followed

pytestmark = [pytest.mark.foundation]

ADMIN = "admin@nordfjord.demo"
PASSWORD = "en-helt-ny-adgangskode-2026"


@pytest.fixture
def send(client_for, world, installation, django_capture_on_commit_callbacks):
    """Invite through the organisation's page as `inviter`; the invitation e-mail that went out."""

    def invite(email, *, unit="Hjemmepleje Nord", role="project_lead", name="Nina Kollega", inviter=ADMIN):
        organisation = world.organisations[unit] if isinstance(unit, str) else unit
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(inviter).post(
                reverse("organisations:detail", args=[organisation.pk]),
                {
                    "invite": "1",
                    "invite-email": email,
                    "invite-name": name,
                    "invite-unit": organisation.pk,
                    "invite-role": role,
                },
            )
        assert response.status_code == 302, response.context["invitation_form"].errors
        return mail.outbox[-1]

    return invite


def test_a_new_person_chooses_a_password_and_lands_on_her_home_page(send, world):
    message = send("Nina.Kollega@Nordfjord.dk")
    assert message.to == ["nina.kollega@nordfjord.dk"]
    assert "Invitation" in message.subject and "Hjemmepleje Nord" in message.subject
    newcomer = Client()
    page = followed(message, newcomer)
    assert page.context["mode"] == "join"
    assert page.context["form"].initial == {"first_name": "Nina", "last_name": "Kollega"}
    response = newcomer.post(
        page.request["PATH_INFO"],
        {"first_name": "Nina", "last_name": "Kollega", "password": PASSWORD, "password_again": PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("home")
    person = response.context["user"]
    assert person.email == "nina.kollega@nordfjord.dk" and person.get_full_name() == "Nina Kollega"
    assert person.check_password(PASSWORD)
    assert Membership.objects.filter(
        user=person, organisation=world.organisations["Hjemmepleje Nord"], role="project_lead"
    ).exists()
    assert Invitation.objects.get().status == "accepted"
    logged_in = Client().post(
        reverse("login"), {"username": "Nina.Kollega@nordfjord.dk", "password": PASSWORD}
    )
    assert logged_in.status_code == 302


def test_a_weak_password_is_refused_at_the_field_and_nothing_is_made(send):
    page = followed(send("nina@nordfjord.dk"), newcomer := Client())
    response = newcomer.post(
        page.request["PATH_INFO"],
        {"first_name": "Nina", "last_name": "Ny", "password": "12345678", "password_again": "12345678"},
    )
    assert response.context["form"].errors["password"]
    assert not get_user_model().objects.filter(email="nina@nordfjord.dk").exists()
    assert Invitation.objects.get().status == "sent"


def test_a_person_with_an_account_logs_in_and_accepts_before_the_role_counts(send, world):
    unit = world.organisations["Hjemmepleje Nord"]
    henrik = world.users["projektleder@solund.demo"]
    message = send("projektleder@solund.demo", role="reviewer")
    assert "log ind" in message.body
    visitor = Client()
    page = followed(message, visitor)
    assert page.context["mode"] == "log_in"
    link = page.request["PATH_INFO"]
    # No password can be chosen for an account that has one: the form is not there to post to.
    visitor.post(
        link, {"first_name": "X", "last_name": "Y", "password": PASSWORD, "password_again": PASSWORD}
    )
    assert not henrik.memberships.filter(organisation=unit).exists()
    login = visitor.get(reverse("login"), {"next": link})
    assert login.status_code == 200
    visitor.post(
        reverse("login"), {"username": henrik.email, "password": "Fremdrift-demo-2026", "next": link}
    )
    assert visitor.get(link).context["mode"] == "accept"
    assert not henrik.memberships.filter(organisation=unit).exists()
    response = visitor.post(link, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert henrik.memberships.filter(organisation=unit, role="reviewer").exists()
    assert henrik.memberships.filter(organisation=world.organisations["Område Vest"]).exists()


def test_someone_else_logged_in_cannot_take_the_invitation(send, client_for, world):
    page = followed(send("projektleder@solund.demo"), Client())
    other = client_for("medarbejder@nordfjord.demo")
    assert other.get(page.request["PATH_INFO"]).context["mode"] == "someone_else"
    other.post(page.request["PATH_INFO"])
    assert Invitation.objects.get().status == "sent"
    assert not world.users["medarbejder@nordfjord.demo"].memberships.filter(role="project_lead").exists()


def test_the_invitation_is_in_the_language_of_the_person_or_else_of_her_organisation(send, world):
    henrik = world.users["projektleder@solund.demo"]
    henrik.language = "sv"
    henrik.save()
    assert "Inbjudan" in send("projektleder@solund.demo").subject
    assert "Invitation til" in send("ny@nordfjord.dk").subject
    swedish = make_organisation("Vallby kommun", country="SE")
    assert "Inbjudan" in send("ny@vallby.se", unit=swedish, inviter="platform@fremdrift.demo").subject


def test_an_address_already_in_the_role_or_already_invited_is_refused_at_the_field(client_for, world, send):
    unit = world.organisations["Hjemmepleje Nord"]
    send("nina@nordfjord.dk", role="staff")

    def errors(email, role="staff"):
        response = client_for(ADMIN).post(
            reverse("organisations:detail", args=[unit.pk]),
            {"invite": "1", "invite-email": email, "invite-unit": unit.pk, "invite-role": role},
        )
        assert response.status_code == 200
        return response.context["invitation_form"].errors

    assert "allerede inviteret" in errors("NINA@nordfjord.dk", role="reviewer")["email"][0]
    assert "har allerede rollen" in errors("medarbejder@nordfjord.demo")["email"][0]
    assert errors("nina(at)nordfjord.dk")["email"]
    assert errors("nina@")["email"]
    assert Invitation.objects.count() == 1
    assert "medarbejder@nordfjord.demo" not in [m.to[0] for m in mail.outbox]


def test_a_person_added_without_a_password_takes_an_invitation_with_one(send, client_for, world):
    admin = world.users[ADMIN]
    silent = make_user("stille@nordfjord.dk", first_name="Sif", last_name="Stille")
    silent.set_unusable_password()
    silent.save()
    Membership.objects.create(user=silent, organisation=world.organisations["Hjemmepleje Syd"], role="staff")
    newcomer = Client()
    page = followed(send("stille@nordfjord.dk"), newcomer)
    assert page.context["mode"] == "join"
    assert page.context["form"].initial == {"first_name": "Sif", "last_name": "Stille"}
    newcomer.post(
        page.request["PATH_INFO"],
        {"first_name": "Sif", "last_name": "Stille", "password": PASSWORD, "password_again": PASSWORD},
    )
    silent.refresh_from_db()
    assert silent.check_password(PASSWORD)
    assert silent.memberships.count() == 2
    assert Invitation.objects.get().invited_by == admin


def test_a_closed_account_is_not_opened_again_by_an_invitation(send):
    closed = make_user("lukket@nordfjord.dk", is_active=False)
    closed.set_unusable_password()
    closed.save()
    newcomer = Client()
    page = followed(send("lukket@nordfjord.dk"), newcomer)
    newcomer.post(
        page.request["PATH_INFO"],
        {"first_name": "Lis", "last_name": "Lukket", "password": PASSWORD, "password_again": PASSWORD},
    )
    closed.refresh_from_db()
    assert not closed.has_usable_password() and not closed.memberships.exists()
    assert Invitation.objects.get().status == "sent"
