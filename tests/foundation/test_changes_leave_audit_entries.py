import pytest
from django.urls import reverse
from django.utils.translation import gettext, override

from fremdrift import audit
from fremdrift.audit.models import AuditEntry
from fremdrift.organisations import services
from fremdrift.organisations.models import Organisation, OrganisationKind
from fremdrift.organisations.roles import Role

pytestmark = [pytest.mark.foundation]


def test_a_service_records_who_what_and_why(world):
    admin = world.users["admin@nordfjord.demo"]
    unit = Organisation.objects.get(name="Hjemmepleje Syd")
    membership = services.add_member(
        admin,
        organisation=unit,
        email="ny@nordfjord.demo",
        first_name="Nina",
        last_name="Ny",
        role=Role.PROJECT_LEAD,
        reason="Skal lede projekt om aftenvagter",
    )
    entry = AuditEntry.objects.get(content_type__model="membership", object_id=str(membership.pk))
    assert entry.action == "create"
    assert entry.actor == admin and entry.actor_label == str(admin)
    assert entry.organisation == unit
    assert entry.changes["after"]["role"] == "project_lead"
    assert entry.reason == "Skal lede projekt om aftenvagter"


def test_updates_keep_before_and_after(world):
    unit = Organisation.objects.get(name="Hjemmepleje Syd")
    with audit.acting_as(world.users["admin@nordfjord.demo"], reason="Nyt navn efter sammenlægning"):
        unit.name = "Hjemmepleje Syd og Vest"
        unit.save()
    entry = AuditEntry.objects.filter(
        content_type__model="organisation", object_id=str(unit.pk), action="update"
    ).get()
    assert entry.changes == {
        "before": {"name": "Hjemmepleje Syd"},
        "after": {"name": "Hjemmepleje Syd og Vest"},
    }
    assert entry.reason == "Nyt navn efter sammenlægning"


def test_deletions_keep_what_was_deleted(world):
    admin = world.users["admin@nordfjord.demo"]
    membership = world.users["medarbejder@nordfjord.demo"].memberships.get()
    services.revoke_role(admin, membership=membership, reason="Fratrådt")
    entry = AuditEntry.objects.get(action="delete", content_type__model="membership")
    assert entry.changes["before"]["role"] == "staff"
    assert entry.reason == "Fratrådt"


def test_nobody_can_edit_the_trail(world):
    entry = AuditEntry.objects.first()
    entry.reason = "rewritten"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.update(reason="rewritten")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()


def test_the_admin_site_shows_the_trail_read_only(client_for):
    client = client_for("platform@fremdrift.demo")
    entry = AuditEntry.objects.first()
    assert client.get(reverse("admin:audit_auditentry_changelist")).status_code == 200
    response = client.post(reverse("admin:audit_auditentry_change", args=[entry.pk]), {"reason": "x"})
    assert response.status_code == 403


def test_an_administrator_reads_and_filters_their_trail(client_for, world):
    admin = world.users["admin@nordfjord.demo"]
    municipality = Organisation.objects.get(name="Nordfjord Kommune")
    services.create_organisation(
        admin,
        name="Demensteamet",
        kind=OrganisationKind.UNIT,
        parent=Organisation.objects.get(name="Plejecentre"),
    )
    services.create_organisation(
        world.users["admin@solund.demo"],
        name="Sølunds nye team",
        kind=OrganisationKind.TEAM,
        parent=Organisation.objects.get(name="Område Vest"),
    )
    client = client_for("admin@nordfjord.demo")
    url = reverse("organisations:audit", args=[municipality.pk])
    page = client.get(url).content.decode()
    assert "Demensteamet" in page
    assert "Sølunds nye team" not in page
    filtered = client.get(url, {"actor": "Peter"}).content.decode()
    assert "Demensteamet" in filtered
    assert "Plejecenter Lindely" not in filtered  # demo data was loaded by the system, not Peter
    refused = client.get(url, {"since": "2026-05-02", "until": "2026-05-01"})
    with override("da"):
        assert gettext("The end date is before the start date.") in refused.content.decode()


def test_views_record_the_logged_in_user(client_for, world):
    client = client_for("admin@nordfjord.demo")
    unit = Organisation.objects.get(name="Hjemmepleje Nord")
    response = client.post(
        reverse("organisations:detail", args=[unit.pk]),
        {"add_child": "1", "child-name": "Weekendteam", "child-kind": "team"},
    )
    assert response.status_code == 302
    child = Organisation.objects.get(name="Weekendteam")
    entry = AuditEntry.objects.get(
        content_type__model="organisation", object_id=str(child.pk), action="create"
    )
    assert entry.actor == world.users["admin@nordfjord.demo"]


def test_files_are_recorded_by_name():
    from django.db.models.fields.files import FieldFile

    from fremdrift.audit.tracking import _plain
    from fremdrift.funding.models import Attachment

    field = Attachment._meta.get_field("file")
    assert _plain(FieldFile(None, field, "applications/budget.xlsx")) == "applications/budget.xlsx"
    assert _plain(FieldFile(None, field, "")) is None
