"""A value that names nothing, or is not a number where one is expected, is refused, never a 500."""

import pytest
from django.urls import reverse

from fremdrift.measurement.models import Measurement
from projects.conftest import LEAD

pytestmark = [pytest.mark.projects]


@pytest.mark.parametrize("after", ["abc", "-1", "1" * 30])
def test_a_next_pdsa_cycle_after_a_cycle_that_is_no_cycle_is_not_found(client_for, falls, after):
    response = client_for(LEAD).get(reverse("projects:pdsa_new", args=[falls.pk]), {"after": after})
    assert response.status_code == 404


def test_an_entry_grid_with_a_count_that_is_no_number_saves_nothing(client_for, falls_indicator):
    before = Measurement.objects.count()
    response = client_for(LEAD).post(
        reverse("measurement:entry", args=[falls_indicator.pk]),
        {"count": "abc", "period-0": "2027-01-01", "value-0": "3"},
    )
    assert response.status_code in (200, 302)
    assert Measurement.objects.count() == before
