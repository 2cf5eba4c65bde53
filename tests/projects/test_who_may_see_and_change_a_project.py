"""The lead and team edit; the owning organisation's innovation unit, board and quality consultants
read; the board decides; other municipalities see nothing (404)."""

import pytest

from fremdrift import access
from projects.conftest import (
    ADMIN,
    BOARD,
    INNOVATION,
    LEAD,
    OTHER_ADMIN,
    OTHER_LEAD,
    QUALITY,
    REVIEWER,
    STAFF,
)

pytestmark = [pytest.mark.projects]

# (who, sees the project page, edits it, decides its closing)
MATRIX = [
    (LEAD, 200, True, False),  # the project lead
    (QUALITY, 200, True, False),  # on the demo team (and a quality consultant above)
    (INNOVATION, 200, False, False),
    (BOARD, 200, False, True),
    (ADMIN, 200, False, False),
    (STAFF, 404, False, False),  # staff elsewhere in the municipality: not theirs
    (REVIEWER, 404, False, False),
    (OTHER_LEAD, 404, False, False),  # another municipality
    (OTHER_ADMIN, 404, False, False),
]


@pytest.mark.parametrize(("email", "status", "edits", "decides"), MATRIX)
def test_each_role_sees_edits_and_decides_as_the_rules_say(
    client_for, world, falls, email, status, edits, decides
):
    user = world.users[email]
    client = client_for(email)
    assert client.get(f"/projects/{falls.pk}/").status_code == status
    assert bool(access.has_permission(user, "project.edit", falls)) is edits
    assert bool(access.has_permission(user, "project.decide", falls)) is decides
    edit = client.get(f"/projects/{falls.pk}/edit/challenge/")
    assert edit.status_code == (200 if edits else (403 if status == 200 else 404))
    closing = client.get(f"/projects/{falls.pk}/closing/")
    assert closing.status_code == (200 if decides else (403 if status == 200 else 404))
    indicator = falls.goals.first().indicators.first()
    assert client.get(f"/measurement/indicators/{indicator.pk}/").status_code == status
    assert client.get(f"/measurement/indicators/{indicator.pk}/export.csv").status_code == status


def test_a_team_member_without_a_role_edits_and_the_refusal_gives_a_reason(world, falls, make_project):
    from fremdrift.access import NotAllowed
    from fremdrift.projects import services

    staff = world.users[STAFF]
    with pytest.raises(NotAllowed) as refusal:
        services.log_progress(staff, project=falls, text="Hej")
    assert refusal.value.permission.reason
    services.set_team(world.users[LEAD], project=falls, members=[staff])
    assert services.log_progress(staff, project=falls, text="Natlamper bestilt").pk


def test_other_municipalities_do_not_find_the_project_in_lists(client_for, falls):
    page = client_for(OTHER_LEAD).get("/projects/")
    assert falls.title not in page.content.decode()
    assert client_for(OTHER_ADMIN).get("/projects/portfolio/").status_code == 403


def test_a_unit_starts_a_project_without_a_fund_and_staff_cannot(world, client_for):
    from fremdrift.access import NotAllowed
    from fremdrift.projects import services

    unit = world.organisations["Hjemmepleje Syd"]
    project = services.create_project(world.users[QUALITY], organisation=unit, title="Faste teams")
    assert project.fund is None and project.project_lead == world.users[QUALITY]
    with pytest.raises(NotAllowed):
        services.create_project(world.users[STAFF], organisation=unit, title="Nej")
    assert client_for(STAFF).get("/projects/new/").status_code == 403


def test_a_granted_application_becomes_a_project_with_its_goals_and_indicators(granted_project):
    application = granted_project.application
    assert granted_project.title == application.title
    assert granted_project.challenge == application.challenge
    assert granted_project.conditions == application.decisions.last().conditions
    assert granted_project.fund == application.fund
    assert [g.description for g in granted_project.goals.all()] == [
        g.description for g in application.goals.all()
    ]
    names = sorted(i.name for g in granted_project.goals.all() for i in g.indicators.all())
    assert names == sorted(i.name for g in application.goals.all() for i in g.indicators.all())
    falls_at_night = granted_project.goals.first().indicators.first()
    assert falls_at_night.direction == "down" and falls_at_night.target is not None
