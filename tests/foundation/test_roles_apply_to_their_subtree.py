import pytest

from fremdrift import access
from fremdrift.organisations.models import Organisation

pytestmark = [pytest.mark.foundation]


def org(name):
    return Organisation.objects.get(name=name)


def test_a_role_held_above_applies_below(world):
    innovation = world.users["innovation@nordfjord.demo"]
    assert access.has_permission(innovation, "organisation.view", org("Plejecenter Lindely"))
    assert not access.has_permission(innovation, "organisation.view", org("Nordfjord Kommune"))


def test_nothing_of_another_municipality(world):
    lead = world.users["projektleder@nordfjord.demo"]
    permission = access.has_permission(lead, "organisation.view", org("Område Vest"))
    assert not permission
    assert "Område Vest" in permission.reason
    assert not access.visible_organisations(lead).filter(name__contains="Sølund").exists()


def test_answers_come_with_reasons(world):
    admin = world.users["admin@nordfjord.demo"]
    permission = access.has_permission(admin, "audit.view", org("Hjemmepleje Nord"))
    assert permission and "Nordfjord Kommune" in permission.reason
    staff = world.users["medarbejder@nordfjord.demo"]
    refused = access.has_permission(staff, "audit.view", org("Hjemmepleje Nord"))
    assert not refused and refused.reason


def test_anonymous_visitors_see_nothing_unpublished(world):
    from django.contrib.auth.models import AnonymousUser

    assert not access.has_permission(AnonymousUser(), "organisation.view", org("Nordfjord Kommune"))
    assert not access.visible_organisations(AnonymousUser()).exists()


def test_platform_administrators_may_do_everything(world):
    platform = world.users["platform@fremdrift.demo"]
    assert access.has_permission(platform, "membership.manage", org("Område Vest"))
    assert access.visible_organisations(platform).count() == Organisation.objects.count()


def test_lists_and_details_agree(world):
    for user in world.users.values():
        visible = set(access.visible_organisations(user))
        for organisation in Organisation.objects.all():
            assert bool(access.has_permission(user, "organisation.view", organisation)) == (
                organisation in visible
            )
