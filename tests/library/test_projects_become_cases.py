import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fremdrift.library import services
from fremdrift.library.models import CaseStatus
from fremdrift.projects import services as project_services
from fremdrift.projects.models import ProjectStatus

pytestmark = [pytest.mark.library]


@pytest.fixture
def finished_project(world):
    lead = world.users["projektleder@nordfjord.demo"]
    project = project_services.create_project(
        lead,
        organisation=world.organisations["Plejecenter Lindely"],
        title="Færre fald om natten",
        challenge="Mange fald mellem kl. 2 og 5",
        activities="Natlys og faste tilsyn",
        resources="Natlys: 30.000 kr.",
    )
    project.status = ProjectStatus.CLOSED
    project.save()
    return project


def test_a_finished_project_is_told_as_a_draft_case(client_for, world, finished_project):
    client = client_for("innovation@nordfjord.demo")
    response = client.post(reverse("library:from_project", args=[finished_project.pk]))
    case = finished_project.__class__.objects.get(pk=finished_project.pk).case
    assert response.status_code == 302 and response["Location"] == reverse("library:case", args=[case.pk])
    assert (case.title, case.challenge, case.solution, case.resources) == (
        "Færre fald om natten",
        "Mange fald mellem kl. 2 og 5",
        "Natlys og faste tilsyn",
        "Natlys: 30.000 kr.",
    )
    assert case.status == CaseStatus.DRAFT and case.organisation == finished_project.organisation
    assert (
        client_for("projektleder@solund.demo").get(reverse("library:case", args=[case.pk])).status_code == 404
    )


def test_a_running_project_is_not_yet_a_case(world, finished_project):
    finished_project.status = ProjectStatus.RUNNING
    finished_project.save()
    with pytest.raises(ValidationError):
        services.case_from_project(world.users["innovation@nordfjord.demo"], project=finished_project)


def test_an_idea_becomes_a_project_linked_both_ways(client_for, world):
    from fremdrift.ideas.models import Idea

    idea = Idea.objects.filter(organisation=world.organisations["Plejecenter Lindely"]).first()
    client = client_for("projektleder@nordfjord.demo")
    response = client.post(reverse("projects:from_idea", args=[idea.pk]))
    project = idea.projects.get()
    assert response["Location"] == reverse("projects:detail", args=[project.pk])
    assert project.title == idea.title and idea.problem in project.challenge
    assert (
        reverse("projects:detail", args=[project.pk])
        in client.get(reverse("ideas:detail", args=[idea.pk])).content.decode()
    )
    assert client.post(reverse("projects:from_idea", args=[idea.pk])).status_code == 302
    assert idea.projects.count() == 1


def test_staff_cannot_turn_an_idea_into_a_project(client_for, world):
    from fremdrift.ideas.models import Idea

    idea = Idea.objects.filter(organisation=world.organisations["Hjemmepleje Nord"]).first()
    response = client_for("medarbejder@nordfjord.demo").post(reverse("projects:from_idea", args=[idea.pk]))
    assert response.status_code == 403 and not idea.projects.exists()
