import pytest
from django.urls import reverse

from fremdrift.strategy.models import Effort

pytestmark = [pytest.mark.strategy]


@pytest.mark.parametrize("beacon", ["abc", "", "99999999999999999999999"])
def test_an_effort_under_a_beacon_that_is_no_beacon_is_not_found(client_for, strategy, beacon):
    before = Effort.objects.count()
    response = client_for("admin@nordfjord.demo").post(
        reverse("strategy:edit", args=[strategy.pk]),
        {"add_effort": "", "beacon": beacon, "effort-title": "Ny indsats"},
    )
    assert response.status_code == 404
    assert Effort.objects.count() == before
