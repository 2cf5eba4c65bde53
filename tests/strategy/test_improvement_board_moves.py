"""Ideas move across a unit's board by the workflow; prioritising and dropping record who and why."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fremdrift import access
from fremdrift.audit.models import AuditEntry
from fremdrift.ideas import services, workflow
from fremdrift.ideas.models import Idea
from fremdrift.strategy.models import ActionPlan

pytestmark = [pytest.mark.strategy]

QUALITY = "kvalitet@nordfjord.demo"


@pytest.fixture
def idea(world):
    return Idea.objects.get(title="Kaffe med borgeren en gang om ugen")


def test_every_declared_move_leads_to_a_column():
    for transition in workflow.IDEA.transitions:
        assert transition.sources <= set(workflow.IDEA.states)  # a held idea is not on the board yet
        assert transition.target in workflow.STATES
        assert transition.action in access.RULES


def test_prioritising_needs_a_reason_and_records_who_and_why(world, idea):
    quality = world.users[QUALITY]
    with pytest.raises(ValidationError):
        services.move_idea(quality, idea=idea, to_status="prioritised", reason="  ")
    move = services.move_idea(
        quality, idea=idea, to_status="prioritised", reason="Ensomhed er et stort problem"
    )
    idea.refresh_from_db()
    assert idea.status == "prioritised"
    assert (move.moved_by, move.reason) == (quality, "Ensomhed er et stort problem")
    entry = AuditEntry.objects.get(action="transition", object_id=str(idea.pk), content_type__model="idea")
    assert entry.reason == "Ensomhed er et stort problem" and entry.actor == quality


def test_an_idea_cannot_skip_the_board(world, idea):
    with pytest.raises(ValidationError):
        services.move_idea(world.users[QUALITY], idea=idea, to_status="adopted", reason="")


def test_moving_by_form_without_javascript(client_for, world, idea):
    board = reverse("ideas:board", args=[idea.organisation_id])
    client = client_for("projektleder@nordfjord.demo")  # lead of Lindely: not this unit
    assert (
        client.post(
            reverse("ideas:move", args=[idea.pk]), {"to_status": "dropped", "reason": "x"}
        ).status_code
        == 404
    )
    client = client_for(QUALITY)
    response = client.post(
        reverse("ideas:move", args=[idea.pk]), {"to_status": "dropped", "reason": "", "next": board}
    )
    idea.refresh_from_db()
    assert response.status_code == 302 and idea.status == "new", "dropping without a reason is refused"
    client.post(
        reverse("ideas:move", args=[idea.pk]),
        {"to_status": "dropped", "reason": "Findes allerede", "next": board},
    )
    idea.refresh_from_db()
    assert idea.status == "dropped"


def test_an_idea_becomes_an_action_plan_row_and_both_know_it(world, idea):
    plan = ActionPlan.objects.get(organisation__name="Hjemmepleje Nord")
    row = services.add_to_action_plan(world.users[QUALITY], idea=idea, plan=plan)
    idea.refresh_from_db()
    assert idea.action_plan_row == row
    assert list(row.ideas.all()) == [idea]
    assert row.beacon == idea.beacon and row.effort == idea.title
    with pytest.raises(ValidationError):
        services.add_to_action_plan(world.users[QUALITY], idea=idea, plan=plan)


def test_the_public_may_submit_ideas_only_where_the_organisation_allows_it(client, world):
    lindely = world.organisations["Plejecenter Lindely"]
    data = {"public_name": "Karin", "title": "Flere bænke", "problem": "Lang gang", "proposal": "Bænke"}
    assert client.post(reverse("ideas:public_create", args=[lindely.pk]), data).status_code == 200
    idea = Idea.objects.get(title="Flere bænke")
    assert (idea.author, idea.public_name, idea.organisation) == (None, "Karin", lindely)
    north = world.organisations["Hjemmepleje Nord"]
    assert client.post(reverse("ideas:public_create", args=[north.pk]), data).status_code == 404


def test_citizen_identifiers_are_refused_in_ideas_and_reviews(world):
    with pytest.raises(ValidationError):
        services.submit_idea(
            world.users["medarbejder@nordfjord.demo"],
            organisation=world.organisations["Hjemmepleje Nord"],
            title="Om en borger",
            problem="Borger 010203-1234 falder ofte",
            proposal="Mere hjælp",
        )
    with pytest.raises(ValidationError):
        services.create_learning_review(
            world.users[QUALITY],
            organisation=world.organisations["Plejecenter Lindely"],
            title="Fald",
            what_happened="Beboer 19450203-1234 faldt",
        )
