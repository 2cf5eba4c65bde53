"""For every strategy, plan and board page and every demo role: the answer they get, the refusals included."""

import pytest
from django.urls import reverse

from fremdrift.ideas.models import Idea, LearningReview
from fremdrift.organisations.models import Organisation
from fremdrift.strategy.models import ActionPlan, Strategy

pytestmark = [pytest.mark.strategy]

ANON = None
STAFF = "medarbejder@nordfjord.demo"  # Hjemmepleje Nord
LEAD = "projektleder@nordfjord.demo"  # Plejecenter Lindely
REVIEWER = "vurderer@nordfjord.demo"  # Ældre og Sundhed
INNOVATION = "innovation@nordfjord.demo"  # Ældre og Sundhed
BOARD = "direktion@nordfjord.demo"  # Ældre og Sundhed
QUALITY = "kvalitet@nordfjord.demo"  # Ældre og Sundhed
ADMIN = "admin@nordfjord.demo"  # Nordfjord Kommune
OTHER_LEAD = "projektleder@solund.demo"  # Område Vest, Sølund
OTHER_ADMIN = "admin@solund.demo"  # Sølund Kommune
PLATFORM = "platform@fremdrift.demo"
ROLES = [ANON, STAFF, LEAD, REVIEWER, INNOVATION, BOARD, QUALITY, ADMIN, OTHER_LEAD, OTHER_ADMIN, PLATFORM]
NAMES = [
    "anon",
    "staff",
    "lead",
    "reviewer",
    "innovation",
    "board",
    "quality",
    "admin",
    "other_lead",
    "other_admin",
    "platform",
]


def expect(default, **overrides):
    return {role: overrides.get(name, default) for role, name in zip(ROLES, NAMES, strict=True)}


def org(name):
    return Organisation.objects.get(name=name)


def plan_of(name):
    return ActionPlan.objects.get(organisation__name=name).pk


def strategy_pk():
    return Strategy.objects.get(organisation__name="Ældre og Sundhed").pk


def sølund_board():
    # Sølund gets a board with an idea of its own.
    unit = org("Område Vest")
    return reverse("ideas:board", args=[unit.pk])


PAGES = [
    ("strategy index", lambda: reverse("strategy:index"), expect(200, anon=302)),
    (
        "strategy tree",
        lambda: reverse("strategy:tree", args=[strategy_pk()]),
        expect(404, anon=302, reviewer=403, innovation=200, board=200, quality=200, admin=200, platform=200),
    ),
    (
        "strategy editing",
        lambda: reverse("strategy:edit", args=[strategy_pk()]),
        expect(404, anon=302, reviewer=403, innovation=403, board=403, quality=403, admin=200, platform=200),
    ),
    (
        "new strategy",
        lambda: reverse("strategy:create"),
        expect(403, anon=302, admin=200, other_admin=200, platform=200),
    ),
    (
        "unit plan",
        lambda: reverse("strategy:plan", args=[plan_of("Hjemmepleje Nord")]),
        expect(200, anon=302, lead=404, other_lead=404, other_admin=404),
    ),
    (
        "department plan rolled up",
        lambda: reverse("strategy:plan_rolled_up", args=[plan_of("Hjemmeplejen")]),
        expect(200, anon=302, staff=404, lead=404, other_lead=404, other_admin=404),
    ),
    (
        "plan by beacon",
        lambda: reverse("strategy:plan_by_beacon", args=[plan_of("Ældre og Sundhed")]),
        expect(200, anon=302, staff=404, lead=404, other_lead=404, other_admin=404),
    ),
    (
        "plan export",
        lambda: reverse("strategy:export", args=[plan_of("Plejecenter Lindely")]),
        expect(200, anon=302, staff=404, other_lead=404, other_admin=404),
    ),
    (
        "plan import",
        lambda: reverse("strategy:import", args=[plan_of("Plejecenter Lindely")]),
        expect(
            403, anon=302, staff=404, lead=200, quality=200, platform=200, other_lead=404, other_admin=404
        ),
    ),
    (
        "new row",
        lambda: reverse("strategy:row_create", args=[plan_of("Hjemmepleje Nord")]),
        expect(403, anon=302, lead=404, quality=200, platform=200, other_lead=404, other_admin=404),
    ),
    ("ideas index", lambda: reverse("ideas:index"), expect(200, anon=302)),
    (
        "board of Hjemmepleje Nord",
        lambda: reverse("ideas:board", args=[org("Hjemmepleje Nord").pk]),
        expect(200, anon=302, lead=404, other_lead=404, other_admin=404),
    ),
    (
        "board of Plejecenter Lindely",
        lambda: reverse("ideas:board", args=[org("Plejecenter Lindely").pk]),
        expect(200, anon=302, staff=404, other_lead=404, other_admin=404),
    ),
    ("Sølund's board", sølund_board, expect(404, anon=302, other_lead=200, other_admin=200, platform=200)),
    (
        "an idea of Hjemmepleje Nord",
        lambda: reverse(
            "ideas:detail", args=[Idea.objects.filter(organisation__name="Hjemmepleje Nord").first().pk]
        ),
        expect(200, anon=302, lead=404, other_lead=404, other_admin=404),
    ),
    ("new idea", lambda: reverse("ideas:create"), expect(200, anon=302)),
    (
        "public idea page of Lindely",
        lambda: reverse("ideas:public_create", args=[org("Plejecenter Lindely").pk]),
        expect(200),
    ),
    (
        "public idea page of a unit that does not take public ideas",
        lambda: reverse("ideas:public_create", args=[org("Hjemmepleje Nord").pk]),
        expect(404),
    ),
    ("campaigns", lambda: reverse("ideas:campaigns"), expect(200, anon=302)),
    (
        "learning review of Lindely",
        lambda: reverse("ideas:review", args=[LearningReview.objects.get().pk]),
        expect(200, anon=302, staff=404, other_lead=404, other_admin=404),
    ),
    (
        "new learning review",
        lambda: reverse("ideas:review_create"),
        expect(403, anon=302, lead=200, quality=200, other_lead=200, platform=200),
    ),
]


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "anonymous")
@pytest.mark.parametrize(("page", "url", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_each_role_gets_the_expected_answer(client, world, role, page, url, expected):
    if role:
        client.force_login(world.users[role])
    response = client.get(url())
    assert response.status_code == expected[role], f"{role or 'anonymous'} on {page}"


def test_staff_of_nordfjord_never_see_sølund_ideas_in_lists(client_for, world):
    Idea.objects.create(
        organisation=org("Område Vest"), title="Sølunds hemmelige idé", problem="p", proposal="i"
    )
    response = client_for(STAFF).get(reverse("ideas:index"))
    assert "Sølunds hemmelige idé" not in response.content.decode()
    assert "Nøgleboks ved alle hoveddøre" in response.content.decode()


def test_staff_cannot_move_ideas_on_their_own_board(client_for, world):
    idea = Idea.objects.get(title="Kaffe med borgeren en gang om ugen")
    response = client_for(STAFF).post(
        reverse("ideas:move", args=[idea.pk]), {"to_status": "prioritised", "reason": "Fordi"}
    )
    assert response.status_code == 403
    idea.refresh_from_db()
    assert idea.status == "new"


def test_moving_an_idea_in_another_municipality_is_not_found(client_for, world):
    idea = Idea.objects.get(title="Kaffe med borgeren en gang om ugen")
    response = client_for(OTHER_LEAD).post(
        reverse("ideas:move", args=[idea.pk]), {"to_status": "prioritised", "reason": "Fordi"}
    )
    assert response.status_code == 404
    idea.refresh_from_db()
    assert idea.status == "new"


def test_staff_may_submit_and_support_ideas(client_for, world):
    client = client_for(STAFF)
    unit = org("Hjemmepleje Nord")
    response = client.post(
        reverse("ideas:create"),
        {
            "organisation": unit.pk,
            "title": "Fælles kalender",
            "problem": "Vi dobbeltbooker.",
            "proposal": "En kalender.",
        },
    )
    idea = Idea.objects.get(title="Fælles kalender")
    assert response.status_code == 302 and idea.author == world.users[STAFF]
    client.post(reverse("ideas:support", args=[idea.pk]))
    client.post(reverse("ideas:support", args=[idea.pk]))
    assert idea.supports.count() == 1, "one support per person"


def test_staff_cannot_submit_ideas_to_another_unit(client_for, world):
    response = client_for(STAFF).post(
        reverse("ideas:create"),
        {
            "organisation": org("Plejecenter Lindely").pk,
            "title": "Forkert sted",
            "problem": "p",
            "proposal": "i",
        },
    )
    assert response.status_code == 200  # the unit is not a choice
    assert not Idea.objects.filter(title="Forkert sted").exists()


def test_staff_cannot_edit_the_action_plan(client_for, world):
    plan = plan_of("Hjemmepleje Nord")
    response = client_for(STAFF).post(
        reverse("strategy:row_create", args=[plan]), {"effort": "Ny", "status": "not_started"}
    )
    assert response.status_code == 403
    assert not ActionPlan.objects.get(pk=plan).rows.filter(effort="Ny").exists()
