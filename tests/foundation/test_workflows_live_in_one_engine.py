"""Every stateful thing declares its workflow in the one process engine, and the engine keeps its word."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from fremdrift import access
from fremdrift.audit.models import AuditEntry
from fremdrift.core import workflow

pytestmark = [pytest.mark.foundation]

LEAD = "projektleder@nordfjord.demo"
BOARD = "direktion@nordfjord.demo"


def test_each_workflow_leads_between_its_own_states_by_actions_access_knows():
    declared = {flow.model for flow in workflow.registered()}
    assert {"funding.application", "projects.project", "ideas.idea", "library.case"} <= declared
    for flow in workflow.registered():
        model = apps.get_model(flow.model)
        assert set(flow.states) == {value for value, _label in model._meta.get_field(flow.field).choices}
        for transition in flow.transitions:
            assert transition.sources <= set(flow.states), (flow.name, transition.name)
            assert transition.ends_in() <= set(flow.states), (flow.name, transition.name)
            granted_by_relation = any(transition.action in r.grants for r in access.RELATIONS)
            asked_of_owner = any(
                transition.action in actions for _a, actions in access.OWNED_BY.get(flow.model, ())
            )
            assert transition.action in access.RULES or granted_by_relation or asked_of_owner, (
                transition.action
            )


@pytest.fixture
def planned(world):
    from fremdrift.projects import services

    return services.create_project(
        world.users[LEAD], organisation=world.organisations["Plejecenter Lindely"], title="Ro om natten"
    )


def test_a_step_sets_the_state_audits_and_announces_itself_once_committed(
    world, planned, django_capture_on_commit_callbacks
):
    heard = []

    def listen(sender, **event):
        heard.append((event["event"], event["before"], event["after"], event["actor"]))

    workflow.transitioned.connect(listen)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            workflow.perform(world.users[LEAD], planned, "start", reason="Vi går i gang")
    finally:
        workflow.transitioned.disconnect(listen)
    assert planned.status == "running"
    assert heard == [("project.start", "planned", "running", world.users[LEAD])]
    entry = AuditEntry.objects.filter(action="transition", object_id=str(planned.pk)).latest("pk")
    assert entry.changes == {"before": {"status": "planned"}, "after": {"status": "running"}}
    assert entry.reason == "Vi går i gang"


def test_who_may_not_is_refused_before_the_state_is_read(world, planned):
    with pytest.raises(access.NotAllowed):
        workflow.perform(world.users["projektleder@solund.demo"], planned, "evaluate")
    with pytest.raises(ValidationError):
        workflow.perform(world.users[LEAD], planned, "evaluate")
    planned.refresh_from_db()
    assert planned.status == "planned"


def test_the_buttons_are_the_steps_the_person_may_take_now(world, planned):
    assert [t.name for t in workflow.available(world.users[LEAD], planned)] == ["start"]
    assert [t.name for t in workflow.available(world.users[BOARD], planned)] == ["stopped"]
    assert workflow.available(world.users["medarbejder@nordfjord.demo"], planned) == []
