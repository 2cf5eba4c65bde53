"""The innovation unit sets up a fund with its bottom lines; nobody else can, and bad input is refused at the field."""

import pytest
from django.urls import reverse

from fremdrift.funding.models import Fund
from funding.people import BOARD, INNOVATION, STAFF

pytestmark = [pytest.mark.funding]


def data(world, **overrides):
    values = {
        "organisation": world.organisations["Ældre og Sundhed"].pk,
        "name": "Velfærdsteknologipuljen",
        "purpose": "Afprøvning af teknologi.",
        "kind": "municipal",
        "currency": "DKK",
        "time_zone": "Europe/Copenhagen",
        "threshold_amount": "50000",
        "minimum_grant": "",
        "uses_sdgs": "on",
        "themes": "Teknologi\nArbejdsmiljø\n",
        "criteria-TOTAL_FORMS": "2",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "1",
        "criteria-0-name": "Borger",
        "criteria-0-weight": "2",
        "criteria-0-scale_max": "5",
        "criteria-1-name": "Personale",
        "criteria-1-weight": "1",
        "criteria-1-scale_max": "5",
    }
    values.update(overrides)
    return values


def test_the_innovation_unit_creates_a_fund_with_bottom_lines_and_themes(client_for, world):
    response = client_for(INNOVATION).post(reverse("funding:fund_create"), data(world))
    assert response.status_code == 302
    fund = Fund.objects.get(name="Velfærdsteknologipuljen")
    assert [c.name for c in fund.criteria.all()] == ["Borger", "Personale"]
    assert [t.name for t in fund.themes.all()] == ["Teknologi", "Arbejdsmiljø"]
    assert fund.threshold_amount == 50000


@pytest.mark.parametrize("email", [STAFF, BOARD])
def test_others_cannot_create_funds(client_for, world, email):
    assert client_for(email).get(reverse("funding:fund_create")).status_code == 403


def test_bad_input_is_refused_at_the_field(client_for, world):
    response = client_for(INNOVATION).post(
        reverse("funding:fund_create"), data(world, threshold_amount="-1", **{"criteria-0-weight": "-2"})
    )
    assert response.status_code == 200
    assert response.context["form"].errors["threshold_amount"]
    assert response.context["criteria"].forms[0].errors["weight"]
    assert 'value="Velfærdsteknologipuljen"' in response.content.decode()
