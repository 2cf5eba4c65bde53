"""An idea on the improvement board gets its own tests of change, before it is a project."""

import pytest
from django.urls import reverse

from fremdrift.ideas.models import Idea
from fremdrift.projects.models import PdsaCycle

pytestmark = [pytest.mark.projects]


def test_a_quality_consultant_plans_and_studies_a_test_of_an_idea(client_for, world):
    idea = Idea.objects.filter(organisation=world.organisations["Hjemmepleje Nord"]).first()
    client = client_for("kvalitet@nordfjord.demo")
    new_url = reverse("projects:idea_pdsa_new", args=[idea.pk])
    assert new_url in client.get(reverse("ideas:detail", args=[idea.pk])).content.decode()
    response = client.post(
        new_url,
        {"title": "Tjekliste i én uge", "prediction": "Færre glemte opgaver", "plan_who": "Aftenteam Nord"},
    )
    cycle = PdsaCycle.objects.get(idea=idea)
    assert response["Location"] == reverse("projects:pdsa", args=[cycle.pk])
    page = client.get(reverse("projects:pdsa", args=[cycle.pk]))
    assert page.status_code == 200 and idea.title in page.content.decode()
    assert (
        reverse("projects:pdsa", args=[cycle.pk])
        in client.get(reverse("ideas:detail", args=[idea.pk])).content.decode()
    )


def test_staff_and_other_municipalities_cannot_plan_tests_of_an_idea(client_for, world):
    idea = Idea.objects.filter(organisation=world.organisations["Hjemmepleje Nord"]).first()
    data = {"title": "Test"}
    assert (
        client_for("medarbejder@nordfjord.demo")
        .post(reverse("projects:idea_pdsa_new", args=[idea.pk]), data)
        .status_code
        == 403
    )
    assert (
        client_for("projektleder@solund.demo")
        .post(reverse("projects:idea_pdsa_new", args=[idea.pk]), data)
        .status_code
        == 404
    )
    assert not PdsaCycle.objects.filter(idea=idea).exists()
