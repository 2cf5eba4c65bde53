"""The audit page shows field labels, choice labels, names and formatted values in the reader's
language, never raw attribute names, stored values or ids; the export keeps the raw values."""

import csv
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override

from fremdrift import audit
from fremdrift.organisations.forms import AuditFilterForm
from fremdrift.organisations.models import Membership
from fremdrift.projects.models import Project

pytestmark = [pytest.mark.foundation]

ADMIN = "admin@nordfjord.demo"
STAFF = "medarbejder@nordfjord.demo"
OTHER_ADMIN = "admin@solund.demo"
GONE = 987654


@pytest.fixture
def municipality(world):
    return world.organisations["Nordfjord Kommune"]


@pytest.fixture
def recorded(world, municipality):
    """What the services record: a status change, a foreign key, a many-to-many change, a choice,
    and a value recorded beside the fields."""
    project = Project.objects.filter(organisation__path__startswith=municipality.path).first()
    lead, staff = world.users["projektleder@nordfjord.demo"], world.users[STAFF]
    membership = Membership.objects.get(user=staff)
    with audit.acting_as(world.users[ADMIN]):
        audit.record(
            "transition", project, changes={"before": {"status": "planned"}, "after": {"status": "running"}}
        )
        audit.record(
            "update",
            project,
            changes={
                "before": {"organisation_id": GONE, "team": [lead.pk], "budget": "265000.00"},
                "after": {
                    "organisation_id": world.organisations["Plejecenter Lindely"].pk,
                    "team": [lead.pk, staff.pk],
                    "budget": "300000.50",
                },
            },
        )
        audit.record("create", project, changes={"after": {"granted": "420000.00"}})
        audit.record(
            "update", membership, changes={"before": {"role": "staff"}, "after": {"role": "reviewer"}}
        )
    return project


def audit_page(client, organisation, language):
    """The entries Peter, the administrator, made, read in the language he chose."""
    client.get(reverse("home"))
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    url = reverse("organisations:audit", args=[organisation.pk])
    return client.get(url, {"actor": "Peter"}).content.decode()


@pytest.mark.parametrize(
    "language, words",
    [
        (
            "da",
            [
                "Status",
                "Planlagt",
                "I gang",
                "Ejerenhed",
                "Plejecenter Lindely",
                "Teammedlemmer",
                "Mette Holm, Sofie Jensen",
                "265.000,00",
                "300.000,50",
                "Rolle",
                "Bedømmer",
                "Bevilget beløb",
                "420.000,00",
                f"{GONE} (slettet)",
            ],
        ),
        (
            "sv",
            [
                "Status",
                "Planerat",
                "Pågår",
                "Ansvarig enhet",
                "Plejecenter Lindely",
                "Teammedlemmar",
                "Mette Holm, Sofie Jensen",
                "265\xa0000,00",
                "300\xa0000,50",
                "Roll",
                "Bedömare",
                "Beviljat belopp",
                "420\xa0000,00",
                f"{GONE} (raderad)",
            ],
        ),
    ],
)
def test_changes_read_as_labels_and_names(client_for, municipality, recorded, language, words):
    page = audit_page(client_for(ADMIN), municipality, language)
    for word in words:
        assert word in page, word
    for raw in ("organisation_id", "not_started", "planned", "running", ">staff<", "reviewer<", "265000.00"):
        assert raw not in page, raw


def test_the_type_filter_names_each_kind_once(db):
    with override("da"):
        form = AuditFilterForm(object_types=ContentType.objects.all())
        labels = [str(label) for _value, label in form.fields["object_type"].choices]
    assert len(labels) == len(set(labels))
    assert "Mål (Projekter)" in labels and "Mål (Finansiering)" in labels


def test_the_page_does_not_grow_with_its_entries(client_for, municipality, recorded, world):
    client = client_for(ADMIN)
    url = reverse("organisations:audit", args=[municipality.pk])

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert "Plejecenter Lindely" in client.get(url, {"actor": "Peter"}).content.decode()
        return len(context)

    few = queries()
    for _repeat in range(5):
        audit.record(
            "update",
            recorded,
            changes={"after": {"organisation_id": municipality.pk, "team": [world.users[STAFF].pk]}},
            actor=world.users[ADMIN],
        )
    assert queries() == few


def test_the_export_keeps_the_raw_values(client_for, municipality, recorded):
    response = client_for(ADMIN).get(
        reverse("organisations:audit_export", args=[municipality.pk]), {"actor": "Peter"}
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    changes = " ".join(row[6] for row in rows[1:])
    assert '"organisation_id": 987654' in changes and '"role": "reviewer"' in changes
    assert len(rows) == 5  # the header and the four entries Peter made


@pytest.mark.parametrize("email", [STAFF, OTHER_ADMIN, "projektleder@nordfjord.demo"])
def test_only_the_organisations_administrators_export_its_trail(client_for, municipality, email):
    response = client_for(email).get(reverse("organisations:audit_export", args=[municipality.pk]))
    assert response.status_code in (403, 404)
