"""Who may invite people to which organisation, and who re-sends, revokes and accepts an invitation."""

import pytest
from django.urls import reverse

from factories import make_member
from fremdrift import access
from fremdrift.organisations import invitations
from fremdrift.organisations.models import Invitation, Membership
from fremdrift.organisations.roles import Role

pytestmark = [pytest.mark.foundation]

ADMIN = "admin@nordfjord.demo"
PLATFORM = "platform@fremdrift.demo"
REFUSED = [
    "medarbejder@nordfjord.demo",
    "projektleder@nordfjord.demo",
    "vurderer@nordfjord.demo",
    "innovation@nordfjord.demo",
    "direktion@nordfjord.demo",
    "kvalitet@nordfjord.demo",
    "projektleder@solund.demo",
    "admin@solund.demo",
]


def invite(world, inviter, organisation="Hjemmepleje Nord", email="ny@nordfjord.dk", role=Role.STAFF):
    return invitations.invite(
        world.users[inviter] if isinstance(inviter, str) else inviter,
        organisation=world.organisations[organisation],
        email=email,
        name="Nina Ny",
        role=role,
    )


@pytest.mark.parametrize("inviter", [ADMIN, PLATFORM])
def test_the_municipality_administrator_and_the_platform_administrator_invite(world, inviter):
    invitation = invite(world, inviter)
    assert invitation.status == "sent" and invitation.invited_by == world.users[inviter]


@pytest.mark.parametrize("inviter", REFUSED)
def test_no_other_role_invites_and_no_other_municipality_does(world, inviter):
    with pytest.raises(access.NotAllowed):
        invite(world, inviter)
    assert not Invitation.objects.exists()


def test_an_administrator_of_a_department_invites_below_it_only(world):
    department_admin = make_member(world.organisations["Hjemmeplejen"], Role.ORG_ADMIN)
    assert invite(world, department_admin, "Hjemmepleje Nord").organisation.name == "Hjemmepleje Nord"
    for elsewhere in ("Plejecentre", "Ældre og Sundhed", "Nordfjord Kommune"):
        with pytest.raises(access.NotAllowed):
            invite(world, department_admin, elsewhere, email=f"{len(elsewhere)}@nordfjord.dk")


def test_the_invite_form_answers_each_role(client_for, world):
    unit = world.organisations["Hjemmepleje Nord"]
    posted = {
        "invite": "1",
        "invite-email": "ny@nordfjord.dk",
        "invite-unit": unit.pk,
        "invite-role": "staff",
    }
    url = reverse("organisations:detail", args=[unit.pk])
    assert client_for("medarbejder@nordfjord.demo").post(url, posted).status_code == 403
    assert client_for("admin@solund.demo").post(url, posted).status_code == 404
    assert not Invitation.objects.exists()
    assert client_for(ADMIN).post(url, posted).status_code == 302
    assert Invitation.objects.get().email == "ny@nordfjord.dk"


def test_the_form_offers_no_unit_outside_the_page(client_for, world):
    unit = world.organisations["Hjemmepleje Nord"]
    posted = {
        "invite": "1",
        "invite-email": "ny@nordfjord.dk",
        "invite-unit": world.organisations["Plejecenter Lindely"].pk,
        "invite-role": "staff",
    }
    response = client_for(ADMIN).post(reverse("organisations:detail", args=[unit.pk]), posted)
    assert response.context["invitation_form"].errors["unit"]
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("step", ["resend", "revoke"])
def test_only_administrators_above_it_resend_or_revoke_an_invitation(client_for, world, step):
    invitation = invite(world, ADMIN)
    first_sent = invitation.last_sent_at
    url = reverse("organisations:invitation_step", args=[invitation.pk, step])
    assert client_for("medarbejder@nordfjord.demo").post(url).status_code == 404
    assert client_for("admin@solund.demo").post(url).status_code == 404
    invitation.refresh_from_db()
    assert (invitation.status, invitation.last_sent_at) == ("sent", first_sent)
    assert client_for(ADMIN).post(url).status_code == 302
    invitation.refresh_from_db()
    assert (invitation.status, invitation.last_sent_at > first_sent) == (
        ("sent", True) if step == "resend" else ("revoked", False)
    )


@pytest.mark.parametrize("who", [ADMIN, PLATFORM, "medarbejder@nordfjord.demo"])
def test_nobody_accepts_an_invitation_for_the_person_it_is_addressed_to(world, who):
    invitation = invite(world, ADMIN, role=Role.ORG_ADMIN)
    with pytest.raises(access.NotAllowed):
        invitations.accept(world.users[who], invitation=invitation)
    assert not Membership.objects.filter(organisation=invitation.organisation, role=Role.ORG_ADMIN).exists()


def test_a_person_of_another_municipality_is_invited_not_added(client_for, world):
    unit = world.organisations["Hjemmepleje Nord"]
    response = client_for(ADMIN).post(
        reverse("organisations:detail", args=[unit.pk]),
        {
            "add_member": "1",
            "member-email": "projektleder@solund.demo",
            "member-first_name": "Henrik",
            "member-last_name": "Dahl",
            "member-role": "staff",
        },
    )
    [error] = response.context["member_form"].errors["email"]
    assert "invitér personen i stedet" in error
    assert invite(world, ADMIN, email="projektleder@solund.demo").status == "sent"
    assert not Membership.objects.filter(organisation=unit, user__email="projektleder@solund.demo").exists()
