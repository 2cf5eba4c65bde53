"""For every foundation page and every demo role: the answer they get, the refusals included."""

import pytest
from django.urls import reverse

from fremdrift.organisations.models import Organisation

pytestmark = [pytest.mark.foundation]

ANON = None
STAFF = "medarbejder@nordfjord.demo"  # Hjemmepleje Nord
LEAD = "projektleder@nordfjord.demo"  # Plejecenter Lindely
REVIEWER = "vurderer@nordfjord.demo"  # Ældre og Sundhed
INNOVATION = "innovation@nordfjord.demo"  # Ældre og Sundhed
BOARD = "direktion@nordfjord.demo"  # Ældre og Sundhed
QUALITY = "kvalitet@nordfjord.demo"  # Ældre og Sundhed
ADMIN = "admin@nordfjord.demo"  # Nordfjord Kommune
OTHER_LEAD = "projektleder@solund.demo"  # Område Vest, Sølund
OTHER_ADMIN = "admin@solund.demo"  # Sølund Kommune
PLATFORM = "platform@fremdrift.demo"
ROLES = [ANON, STAFF, LEAD, REVIEWER, INNOVATION, BOARD, QUALITY, ADMIN, OTHER_LEAD, OTHER_ADMIN, PLATFORM]


def expect(default, **overrides):
    """Expected status per role: `default` unless the role's short name is overridden."""
    names = dict(
        zip(
            ROLES,
            [
                "anon",
                "staff",
                "lead",
                "reviewer",
                "innovation",
                "board",
                "quality",
                "admin",
                "other_lead",
                "other_admin",
                "platform",
            ],
            strict=True,
        )
    )
    return {role: overrides.get(names[role], default) for role in ROLES}


PAGES = [
    ("home", lambda: reverse("home"), expect(200)),
    ("healthz", lambda: reverse("healthz"), expect(200)),
    ("login", lambda: reverse("login"), expect(302, anon=200)),
    ("organisation list", lambda: reverse("organisations:list"), expect(200, anon=302)),
    ("municipality", lambda: org_url("Nordfjord Kommune"), expect(404, anon=302, admin=200, platform=200)),
    (
        "home-care unit",
        lambda: org_url("Hjemmepleje Nord"),
        expect(200, anon=302, lead=404, other_lead=404, other_admin=404),
    ),
    (
        "other municipality's unit",
        lambda: org_url("Område Vest"),
        expect(404, anon=302, other_lead=200, other_admin=200, platform=200),
    ),
    (
        "audit of municipality",
        lambda: org_url("Nordfjord Kommune", "audit"),
        expect(404, anon=302, admin=200, platform=200),
    ),
    (
        "audit of administration",
        lambda: org_url("Ældre og Sundhed", "audit"),
        expect(403, anon=302, staff=404, lead=404, admin=200, platform=200, other_lead=404, other_admin=404),
    ),
    (
        "invite many people",
        lambda: org_url("Hjemmepleje Nord", "bulk_invite"),
        expect(403, anon=302, lead=404, other_lead=404, other_admin=404, admin=200, platform=200),
    ),
    (
        "audit overview",
        lambda: reverse("organisations:audit_overview"),
        expect(403, anon=302, admin=302, other_admin=302, platform=200),
    ),
    ("admin site", lambda: reverse("admin:index"), expect(302, platform=200)),
    ("outgoing e-mail", lambda: reverse("background:outgoing_email"), expect(403, anon=302, platform=200)),
    # Outside demo mode (see tests/foundation/test_the_demo_inbox_shows_what_was_sent.py for demo mode).
    ("demo inbox", lambda: reverse("background:demo_inbox"), expect(404)),
]


def org_url(name, page="detail"):
    return reverse(f"organisations:{page}", args=[Organisation.objects.get(name=name).pk])


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "anonymous")
@pytest.mark.parametrize(("page", "url", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_each_role_gets_the_expected_answer(client, world, role, page, url, expected):
    if role:
        client.force_login(world.users[role])
    response = client.get(url())
    assert response.status_code == expected[role], f"{role or 'anonymous'} on {page}"


def test_removing_a_role_in_another_municipality_is_not_found(client_for, world):
    membership = world.users[OTHER_LEAD].memberships.get()
    client = client_for(ADMIN)
    response = client.post(
        reverse("organisations:revoke_membership", args=[membership.organisation_id, membership.pk])
    )
    assert response.status_code == 404
    assert world.users[OTHER_LEAD].memberships.exists()


def test_staff_cannot_give_roles(client_for, world):
    unit = Organisation.objects.get(name="Hjemmepleje Nord")
    client = client_for(STAFF)
    response = client.post(
        org_url("Hjemmepleje Nord"),
        {
            "add_member": "1",
            "member-email": "ny@nordfjord.demo",
            "member-first_name": "Ny",
            "member-last_name": "Person",
            "member-role": "org_admin",
        },
    )
    assert response.status_code == 403
    assert not unit.memberships.filter(user__email="ny@nordfjord.demo").exists()
