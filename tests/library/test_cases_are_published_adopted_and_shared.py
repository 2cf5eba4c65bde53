import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from fremdrift import access
from fremdrift.library import search, services
from fremdrift.library.models import Case, CaseContact, CaseStatus, Reuse

pytestmark = [pytest.mark.library]


@pytest.fixture
def lindely_case(world):
    case = Case.objects.create(
        title="Musik ved måltidet",
        challenge="Uro ved aftensmaden",
        organisation=world.organisations["Plejecenter Lindely"],
        status=CaseStatus.AWAITING_APPROVAL,
    )
    CaseContact.objects.create(
        case=case,
        name="Mette Holm",
        email="mh@nordfjord.demo",
        phone="11223344",
        source="Fremdrift",
        source_date="2026-01-01",
    )
    search.index_case(case)
    return case


def test_an_unpublished_case_is_hidden_outside_its_organisation(client, client_for, lindely_case):
    url = reverse("library:case", args=[lindely_case.pk])
    assert client.get(url).status_code == 404
    assert client_for("projektleder@solund.demo").get(url).status_code == 404
    assert client_for("projektleder@nordfjord.demo").get(url).status_code == 200


def test_the_organisation_approves_before_it_becomes_public(client, world, lindely_case):
    lead = world.users["projektleder@nordfjord.demo"]
    with pytest.raises(access.NotAllowed):
        services.take_step(lead, case=lindely_case, name="publish")
    services.take_step(
        world.users["innovation@nordfjord.demo"], case=lindely_case, name="publish", reason="Godkendt i KIE"
    )
    assert client.get(reverse("library:case", args=[lindely_case.pk])).status_code == 200
    assert lindely_case.status == CaseStatus.PUBLISHED


def test_unconfirmed_contacts_only_for_logged_in_users(client, client_for, world, lindely_case):
    services.take_step(world.users["innovation@nordfjord.demo"], case=lindely_case, name="publish")
    url = reverse("library:case", args=[lindely_case.pk])
    assert "mh@nordfjord.demo" not in client.get(url).content.decode()
    assert "mh@nordfjord.demo" in client_for("projektleder@solund.demo").get(url).content.decode()
    services.confirm_contact(world.users["admin@nordfjord.demo"], contact=lindely_case.contacts.get())
    assert "mh@nordfjord.demo" in client.get(url).content.decode()


def test_another_municipality_adopts_and_the_case_shows_it(client_for, world, lindely_case):
    services.take_step(world.users["innovation@nordfjord.demo"], case=lindely_case, name="publish")
    client = client_for("projektleder@solund.demo")
    area = world.organisations["Område Vest"]
    response = client.post(
        reverse("library:adopt", args=[lindely_case.pk]),
        {"organisation": area.pk, "note": "Vi prøver det i aftenvagten"},
    )
    assert response.status_code == 302
    reuse = Reuse.objects.get(case=lindely_case, organisation=area)
    assert not reuse.counts_as_spread
    assert reuse.project.organisation == area and reuse.project.source_case == lindely_case
    assert reuse.project.challenge == "Uro ved aftensmaden"
    client.post(
        reverse("library:reuse_progress", args=[reuse.pk]), {"stage": "created_value", "note": "Roligere"}
    )
    reuse.refresh_from_db()
    assert reuse.counts_as_spread
    page = client.get(reverse("library:case", args=[lindely_case.pk])).content.decode()
    assert "Område Vest" in page
    overview = client.get(reverse("library:overview")).content.decode()
    assert "Musik ved måltidet" in overview


def test_a_case_is_not_reused_by_its_own_organisation(world, lindely_case):
    services.take_step(world.users["innovation@nordfjord.demo"], case=lindely_case, name="publish")
    with pytest.raises(ValidationError):
        services.adopt(
            world.users["innovation@nordfjord.demo"],
            case=lindely_case,
            organisation=world.organisations["Plejecenter Lindely"],
        )


def test_staff_cannot_adopt_on_behalf_of_their_unit(world, lindely_case):
    services.take_step(world.users["innovation@nordfjord.demo"], case=lindely_case, name="publish")
    with pytest.raises(access.NotAllowed):
        services.adopt(
            world.users["medarbejder@nordfjord.demo"],
            case=lindely_case,
            organisation=world.organisations["Hjemmepleje Nord"],
        )


def test_someone_else_cannot_move_a_reuse(client_for, world, lindely_case):
    services.take_step(world.users["innovation@nordfjord.demo"], case=lindely_case, name="publish")
    reuse = services.adopt(
        world.users["projektleder@solund.demo"],
        case=lindely_case,
        organisation=world.organisations["Område Vest"],
    )
    response = client_for("projektleder@nordfjord.demo").post(
        reverse("library:reuse_progress", args=[reuse.pk]), {"stage": "created_value"}
    )
    assert response.status_code == 404


def test_an_administrator_erases_a_person_everywhere(world, lindely_case):
    other = Case.objects.create(title="Anden case", status=CaseStatus.PUBLISHED)
    CaseContact.objects.create(
        case=other, name="Mette Holm", email="MH@nordfjord.demo", source="x", source_date="2019-01-01"
    )
    with pytest.raises(access.NotAllowed):
        services.erase_person(world.users["admin@nordfjord.demo"], email="mh@nordfjord.demo")
    erased = services.erase_person(
        world.users["platform@fremdrift.demo"], email="mh@nordfjord.demo", reason="Anmodning om sletning"
    )
    assert erased == 2 and not CaseContact.objects.filter(email__iexact="mh@nordfjord.demo").exists()
    from fremdrift.audit.models import AuditEntry

    assert not AuditEntry.objects.filter(changes__icontains="mh@nordfjord.demo").exists()


def test_open_data_and_export_give_the_same_cases(client, world, lindely_case, capsys):
    services.take_step(world.users["innovation@nordfjord.demo"], case=lindely_case, name="publish")
    Case.objects.create(title="Kladde", organisation=world.organisations["Hjemmepleje Nord"])
    published = json.loads(client.get(reverse("library:open_data_json")).content)
    titles = [row["title"] for row in published]
    assert "Musik ved måltidet" in titles and "Kladde" not in titles
    assert set(titles) == set(
        Case.objects.filter(status=CaseStatus.PUBLISHED).values_list("title", flat=True)
    )
    assert "mh@nordfjord.demo" not in json.dumps(published)
    call_command("export_cases", "--format", "json")
    assert json.loads(capsys.readouterr().out) == published
    csv_text = client.get(reverse("library:open_data_csv")).content.decode()
    assert csv_text.splitlines()[0].startswith("id,title,") and "Musik ved måltidet" in csv_text


def test_the_erasure_command_needs_a_platform_administrator(world, lindely_case):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError):
        call_command("erase_person", email="mh@nordfjord.demo", by="admin@nordfjord.demo", reason="Anmodning")
    assert CaseContact.objects.filter(email="mh@nordfjord.demo").exists()
    call_command(
        "erase_person", email="mh@nordfjord.demo", by="platform@fremdrift.demo", reason="Anmodning 1/12"
    )
    assert not CaseContact.objects.filter(email="mh@nordfjord.demo").exists()
