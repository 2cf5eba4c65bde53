"""An administrator invites many people from a pasted list or a CSV or XLSX file: she sees every row
checked first, nothing is sent before she confirms, and the bad rows do not hold back the good ones."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from factories import make_member
from fremdrift.core import spreadsheets
from fremdrift.organisations.models import Invitation
from fremdrift.organisations.roles import Role

pytestmark = [pytest.mark.foundation]

PASTED = """E-mail;Navn;Enhed;Rolle
anna@nordfjord.dk;Anna Holm;Hjemmepleje Nord;Medarbejder
bo@nordfjord.dk;Bo Berg;hjemmepleje syd;reviewer
carl@nordfjord.dk;Carl Carlsson;;Projektledare
dina(at)nordfjord.dk;Dina Due;Hjemmepleje Nord;staff
eva@nordfjord.dk;Eva Elm;Hjemmepleje Øst;staff
finn@nordfjord.dk;Finn Fisk;Hjemmepleje Nord;Chef
medarbejder@nordfjord.demo;Sofie Jensen;Hjemmepleje Nord;Staff member
ANNA@nordfjord.dk;Anna Holm;Hjemmepleje Nord;Projektleder
gus@nordfjord.dk;Gus Gran;Plejecenter Lindely;staff
"""


@pytest.fixture
def department(world):
    return world.organisations["Hjemmeplejen"]


@pytest.fixture
def admin(client, department):
    """An administrator of the home-care department, who reads the checks in English."""
    client.force_login(make_member(department, Role.ORG_ADMIN, language="en"))
    return client


def preview(client, organisation, **posted):
    response = client.post(reverse("organisations:bulk_invite", args=[organisation.pk]), posted)
    assert response.status_code == 200
    return response


def checked(response) -> dict:
    return {
        row.line: (row.email, row.organisation and row.organisation.name, row.role_code, row.problems)
        for row in response.context["rows"]
    }


def test_the_preview_checks_every_row_and_sends_nothing(admin, department):
    rows = checked(preview(admin, department, rows=PASTED))
    assert rows[2] == ("anna@nordfjord.dk", "Hjemmepleje Nord", "staff", [])
    assert rows[3] == ("bo@nordfjord.dk", "Hjemmepleje Syd", "reviewer", [])
    assert rows[4] == ("carl@nordfjord.dk", "Hjemmeplejen", "project_lead", [])
    assert rows[5][3] == ["Not an e-mail address."]
    assert rows[6][3] == ["No unit is called “Hjemmepleje Øst”."]
    assert rows[7][3][0].startswith("Unknown role “Chef”.")
    assert rows[8][3] == ["medarbejder@nordfjord.demo already has the role Staff member in Hjemmepleje Nord."]
    assert rows[9][3] == ["Also on line 2."]
    assert rows[10][3] == ["You may not invite people to Plejecenter Lindely."]
    assert not Invitation.objects.exists() and not mail.outbox


def test_confirming_sends_the_good_rows_and_lists_the_bad_ones(
    admin, department, django_capture_on_commit_callbacks
):
    response = preview(admin, department, rows=PASTED)
    assert response.context["valid_count"] == 3
    with django_capture_on_commit_callbacks(execute=True):
        sent = admin.post(
            reverse("organisations:bulk_invite", args=[department.pk]),
            {"confirm": "1", "payload": response.context["payload"]},
            follow=True,
        )
    assert sorted(message.to[0] for message in mail.outbox) == [
        "anna@nordfjord.dk",
        "bo@nordfjord.dk",
        "carl@nordfjord.dk",
    ]
    assert {(i.email, i.organisation.name, i.role, i.name) for i in Invitation.objects.all()} == {
        ("anna@nordfjord.dk", "Hjemmepleje Nord", "staff", "Anna Holm"),
        ("bo@nordfjord.dk", "Hjemmepleje Syd", "reviewer", "Bo Berg"),
        ("carl@nordfjord.dk", "Hjemmeplejen", "project_lead", "Carl Carlsson"),
    }
    page = sent.content.decode()
    assert "3 invitations were sent." in page
    # The department's page lists them, with their state and the steps to take.
    assert page.count("anna@nordfjord.dk") >= 2 and "Re-send" in page and "Revoke" in page


def test_a_row_that_went_bad_since_the_preview_is_not_sent(admin, department, world):
    response = preview(admin, department, rows="anna@nordfjord.dk\tAnna Holm\tHjemmepleje Nord\tstaff")
    Invitation.objects.create(
        email="anna@nordfjord.dk",
        organisation=world.organisations["Hjemmepleje Nord"],
        role="staff",
        token_hash="x" * 64,
        last_sent_at="2026-01-01T00:00Z",
        expires_at="2026-01-08T00:00Z",
    )
    sent = admin.post(
        reverse("organisations:bulk_invite", args=[department.pk]),
        {"confirm": "1", "payload": response.context["payload"]},
        follow=True,
    )
    assert "0 invitations were sent." in sent.content.decode()
    assert "Not sent to anna@nordfjord.dk (line 1)" in sent.content.decode()
    assert Invitation.objects.count() == 1


def test_a_csv_file_with_its_columns_in_any_order(admin, department):
    upload = SimpleUploadedFile(
        "people.csv",
        b"name,e-mail,role,unit\nAnna Holm,anna@nordfjord.dk,Innovation unit,Hjemmepleje Nord\n",
    )
    rows = checked(preview(admin, department, file=upload))
    assert rows == {2: ("anna@nordfjord.dk", "Hjemmepleje Nord", "innovation_unit", [])}


def test_an_xlsx_file_with_swedish_headings(admin, department):
    content = spreadsheets.xlsx_bytes(
        [
            ["E-postadress", "Namn", "Enhet", "Roll"],
            ["bo@nordfjord.dk", "Bo Berg", "Hjemmepleje Syd", "Bedömare"],
        ]
    )
    rows = checked(preview(admin, department, file=SimpleUploadedFile("people.xlsx", content)))
    assert rows == {2: ("bo@nordfjord.dk", "Hjemmepleje Syd", "reviewer", [])}


def test_a_file_without_an_address_column_is_refused_at_the_field(admin, department):
    upload = SimpleUploadedFile("people.csv", b"name;unit\nAnna;Hjemmepleje Nord\n")
    response = preview(admin, department, file=upload)
    assert response.context["form"].errors["file"] and response.context["rows"] is None


def test_a_tampered_confirmation_sends_nothing(admin, department):
    response = admin.post(
        reverse("organisations:bulk_invite", args=[department.pk]),
        {"confirm": "1", "payload": "made-up"},
        follow=True,
    )
    assert "The preview has expired" in response.content.decode()
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [("vurderer@nordfjord.demo", 403), ("medarbejder@nordfjord.demo", 404), ("admin@solund.demo", 404)],
)
def test_only_administrators_reach_the_page(client_for, department, who, status):
    url = reverse("organisations:bulk_invite", args=[department.pk])
    assert client_for(who).post(url, {"rows": "anna@nordfjord.dk;Anna;;staff"}).status_code == status
    assert not Invitation.objects.exists()
