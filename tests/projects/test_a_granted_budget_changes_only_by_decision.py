"""A granted project's budget is the grant: its team cannot change it, only the board's decision to
extend (with its reasons in the trail). A plain project's budget stays the team's to set."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fremdrift.audit.models import AuditEntry
from fremdrift.core import workflow as engine
from fremdrift.projects import services
from projects.conftest import BOARD, LEAD

pytestmark = [pytest.mark.projects]


def basics(project, budget):
    return {
        "title": project.title,
        "starts_on": project.starts_on,
        "ends_on": project.ends_on,
        "budget": budget,
    }


def test_the_team_cannot_change_a_granted_budget(world, granted_project):
    lead = granted_project.project_lead
    before = granted_project.budget
    with pytest.raises(ValidationError) as refused:
        services.update_project(
            lead,
            project=granted_project,
            part="basics",
            fields=basics(granted_project, Decimal("999999")),
            version=granted_project.version,
        )
    assert "budget" in refused.value.message_dict
    granted_project.refresh_from_db()
    assert granted_project.budget == before


def test_the_page_posting_a_new_granted_budget_leaves_it(world, granted_project, client):
    before = granted_project.budget
    client.force_login(granted_project.project_lead)
    data = {k: v or "" for k, v in basics(granted_project, "999999").items()} | {
        "version": granted_project.version
    }
    client.post(reverse("projects:edit_part", args=[granted_project.pk, "basics"]), data)
    granted_project.refresh_from_db()
    assert granted_project.budget == before


def test_a_plain_project_budget_stays_editable_by_its_team(world, make_project):
    project = make_project(budget="30000")
    services.update_project(
        world.users[LEAD],
        project=project,
        part="basics",
        fields=basics(project, "45000"),
        version=project.version,
    )
    project.refresh_from_db()
    assert project.budget == Decimal("45000")


def test_the_board_extends_a_granted_project_with_a_new_budget(world, granted_project):
    if granted_project.status == "planned":
        engine.perform(granted_project.project_lead, granted_project, "start")
        granted_project.refresh_from_db()
    services.decide_closing(
        world.users[BOARD],
        project=granted_project,
        outcome="extended",
        reasons="Et halvt år mere med sensorerne",
        new_ends_on=(granted_project.ends_on or datetime.date(2026, 1, 1)) + datetime.timedelta(days=180),
        new_budget="400000",
    )
    granted_project.refresh_from_db()
    assert granted_project.budget == Decimal("400000")
    entry = AuditEntry.objects.filter(action="decision", content_type__model="closingdecision").latest("pk")
    assert entry.reason == "Et halvt år mere med sensorerne"
    assert Decimal(entry.changes["after"]["budget"]) == Decimal("400000")
