"""A national pool: one round, themes, a minimum grant, applications from units of many municipalities,
decided by the national body's board, and seen at home by each applicant's own organisation."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fremdrift import access
from fremdrift.funding import decisions
from fremdrift.funding.models import Application
from funding.people import ADMIN, BOARD, OTHER_ADMIN, OTHER_LEAD, POOL_BOARD, POOL_UNIT

pytestmark = [pytest.mark.funding]

VEST = "Pårørendeaftaler i Område Vest"
NORD = "Selvstyrende teams i Hjemmepleje Nord"


def test_the_pool_has_one_round_seven_themes_and_a_minimum_grant(pool):
    assert pool.rounds.count() == 1
    assert pool.themes.count() == 7
    assert pool.minimum_grant == 5_000_000
    assert pool.organisation.kind == "national_body"


def test_applications_come_from_two_municipalities(pool):
    roots = {a.organisation.root.name for a in pool.applications.select_related("organisation")}
    assert roots == {"Nordfjord Kommune", "Sølund Kommune"}


def test_the_pool_board_decides_and_the_minimum_grant_holds(world, pool):
    application = Application.objects.get(title=VEST)
    year = pool.budget_years.get(year=2027)
    decisions.recommend(
        world.users[POOL_UNIT],
        application=application,
        outcome="grant",
        amount="5400000",
        reasons="Stærkt projekt",
    )
    with pytest.raises(access.NotAllowed):  # a municipal board cannot decide in the national pool
        decisions.decide(
            world.users[BOARD],
            application=application,
            outcome="granted",
            amount="5400000",
            reasons="Ja",
            budget_year=year,
        )
    with pytest.raises(ValidationError) as refused:
        decisions.decide(
            world.users[POOL_BOARD],
            application=application,
            outcome="granted",
            amount="4000000",
            reasons="Ja",
            budget_year=year,
        )
    assert "amount" in refused.value.message_dict
    decisions.decide(
        world.users[POOL_BOARD],
        application=application,
        outcome="granted",
        amount="5400000",
        reasons="Ja",
        budget_year=year,
    )


def test_each_applicant_organisation_sees_its_own_application_only(client_for, world):
    vest = Application.objects.get(title=VEST)
    nord = Application.objects.get(title=NORD)
    client = client_for(OTHER_ADMIN)
    assert client.get(reverse("funding:application", args=[vest.pk])).status_code == 200
    assert client.get(reverse("funding:application", args=[nord.pk])).status_code == 404
    client = client_for(ADMIN)
    assert client.get(reverse("funding:application", args=[nord.pk])).status_code == 200
    assert client.get(reverse("funding:application", args=[vest.pk])).status_code == 404
    assert client_for(OTHER_LEAD).get(reverse("funding:application", args=[vest.pk])).status_code == 200
