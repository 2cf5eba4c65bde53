import pytest
from django.urls import reverse

from fremdrift.library import search
from fremdrift.library.models import Case, CaseStatus

pytestmark = [pytest.mark.library]


@pytest.fixture
def draft(world):
    case = Case.objects.create(
        title="Aftenmåltider med ro", organisation=world.organisations["Plejecenter Lindely"], sdgs=[3, 10]
    )
    search.index_case(case)
    return case


def test_the_project_lead_sends_it_and_the_innovation_unit_publishes_it(client_for, draft):
    from django.test import Client

    anonymous = Client()
    lead = client_for("projektleder@nordfjord.demo")
    assert (
        reverse("library:step", args=[draft.pk, "submit"])
        in lead.get(reverse("library:case", args=[draft.pk])).content.decode()
    )
    lead.post(reverse("library:step", args=[draft.pk, "submit"]))
    draft.refresh_from_db()
    assert draft.status == CaseStatus.AWAITING_APPROVAL
    assert anonymous.get(reverse("library:case", args=[draft.pk])).status_code == 404
    client_for("innovation@nordfjord.demo").post(reverse("library:step", args=[draft.pk, "publish"]))
    draft.refresh_from_db()
    assert draft.is_published
    assert anonymous.get(reverse("library:case", args=[draft.pk])).status_code == 200


def test_staff_and_outsiders_cannot_send_or_publish(client_for, draft):
    assert (
        client_for("medarbejder@nordfjord.demo")
        .post(reverse("library:step", args=[draft.pk, "submit"]))
        .status_code
        == 404
    )
    assert (
        client_for("projektleder@solund.demo")
        .post(reverse("library:step", args=[draft.pk, "publish"]))
        .status_code
        == 404
    )
    draft.refresh_from_db()
    assert draft.status == CaseStatus.DRAFT


def test_cases_are_filtered_by_sustainable_development_goal(world, draft):
    from django.contrib.auth.models import AnonymousUser

    from fremdrift.library.services import take_step

    take_step(world.users["projektleder@nordfjord.demo"], case=draft, name="submit")
    take_step(world.users["innovation@nordfjord.demo"], case=draft, name="publish")

    def titles(goal):
        hits = search.search(AnonymousUser(), "aftenmåltider", filters={"sdg": goal})
        return [hit.title for hit in hits]

    assert titles(3) == ["Aftenmåltider med ro"] and titles(10) == ["Aftenmåltider med ro"]
    assert titles(1) == [] and titles(13) == []
