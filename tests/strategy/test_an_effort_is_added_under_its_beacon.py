import pytest
from django.urls import reverse

from fremdrift.strategy.models import Effort

pytestmark = [pytest.mark.strategy]


@pytest.mark.parametrize("beacon", ["abc", "", "99999999999999999999999"])
def test_an_effort_under_a_beacon_that_is_no_beacon_is_not_found(client_for, strategy, beacon):
    before = Effort.objects.count()
    response = client_for("admin@nordfjord.demo").post(
        reverse("strategy:edit", args=[strategy.pk]),
        {"add_effort": "", "beacon": beacon, "effort-1-title": "Ny indsats"},
    )
    assert response.status_code == 404
    assert Effort.objects.count() == before


def test_each_beacon_has_its_own_effort_form(client_for, strategy):
    quality, technology = strategy.beacons.order_by("position")
    client = client_for("admin@nordfjord.demo")
    url = reverse("strategy:edit", args=[strategy.pk])
    page = client.get(url).content.decode()
    assert page.count('id="id_effort-title"') == 0
    assert page.count(f'id="id_effort-{quality.pk}-title"') == 1
    assert page.count(f'id="id_effort-{technology.pk}-title"') == 1

    refused = client.post(
        url, {"add_effort": "", "beacon": technology.pk, f"effort-{technology.pk}-title": ""}
    )
    form = refused.context["beacons"][1][1]
    assert form.errors and not refused.context["beacons"][0][1].errors

    client.post(
        url, {"add_effort": "", "beacon": technology.pk, f"effort-{technology.pk}-title": "Ny indsats"}
    )
    assert list(technology.efforts.values_list("title", flat=True)) == ["Ny indsats"]
