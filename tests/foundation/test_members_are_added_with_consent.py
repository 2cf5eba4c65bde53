import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from fremdrift.organisations.models import Membership

pytestmark = [pytest.mark.foundation]


def add_member(client, organisation, email, first_name="Ny", last_name="Person"):
    return client.post(
        reverse("organisations:detail", args=[organisation.pk]),
        {
            "add_member": "1",
            "member-email": email,
            "member-first_name": first_name,
            "member-last_name": last_name,
            "member-role": "staff",
        },
    )


@pytest.mark.parametrize(
    ("admin", "organisation", "person", "name"),
    [
        ("admin@nordfjord.demo", "Hjemmepleje Nord", "projektleder@solund.demo", "Henrik"),
        ("admin@solund.demo", "Område Vest", "medarbejder@nordfjord.demo", "Sofie"),
    ],
)
def test_an_administrator_cannot_draw_in_a_person_of_another_municipality(
    client_for, world, admin, organisation, person, name
):
    unit = world.organisations[organisation]
    response = add_member(client_for(admin), unit, person.upper(), first_name="X", last_name="Y")
    assert response.status_code == 200
    assert response.context["member_form"].errors["email"]
    assert not Membership.objects.filter(organisation=unit, user__email=person).exists()
    assert name not in response.content.decode()


def test_an_administrator_adds_a_person_of_their_own_municipality(client_for, world):
    unit = world.organisations["Hjemmepleje Nord"]
    response = add_member(client_for("admin@nordfjord.demo"), unit, "kvalitet@nordfjord.demo")
    assert response.status_code == 302
    assert Membership.objects.filter(organisation=unit, user__email="kvalitet@nordfjord.demo").exists()


def test_a_platform_administrator_may_add_anyone(client_for, world):
    unit = world.organisations["Hjemmepleje Nord"]
    response = add_member(client_for("platform@fremdrift.demo"), unit, "projektleder@solund.demo")
    assert response.status_code == 302


def test_the_add_member_form_says_how_a_new_person_logs_in(client_for, world):
    page = client_for("admin@nordfjord.demo").get(
        reverse("organisations:detail", args=[world.organisations["Hjemmepleje Nord"].pk])
    )
    assert reverse("password_reset") in page.content.decode().split('id="member-login-help"')[1]


def test_a_new_person_chooses_a_password_by_reset_and_logs_in(
    client_for, world, django_capture_on_commit_callbacks
):
    unit = world.organisations["Hjemmepleje Nord"]
    assert add_member(client_for("admin@nordfjord.demo"), unit, "Ny.Person@nordfjord.dk").status_code == 302
    assert not get_user_model().objects.get(email="ny.person@nordfjord.dk").has_usable_password()

    newcomer = Client()
    with django_capture_on_commit_callbacks(execute=True):  # the e-mail leaves when the request commits
        newcomer.post(reverse("password_reset"), {"email": "ny.person@nordfjord.dk"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    form_page = newcomer.get(link, follow=True)
    password = "en-helt-ny-adgangskode-2026"
    newcomer.post(form_page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})
    response = newcomer.post(reverse("login"), {"username": "ny.person@nordfjord.dk", "password": password})
    assert response.status_code == 302
