"""A closed project takes no more milestones or measurements, and says so instead of failing."""

import datetime

import pytest
from django.urls import reverse

from fremdrift.measurement.models import Measurement
from fremdrift.projects.models import ProjectStatus
from projects.conftest import LEAD

pytestmark = [pytest.mark.projects]


@pytest.fixture
def closed(falls):
    falls.status = ProjectStatus.CLOSED
    falls.save()
    return falls


def test_adding_a_milestone_is_refused_with_a_message(client_for, closed):
    response = client_for(LEAD).post(
        reverse("projects:add_milestone", args=[closed.pk]), {"title": "Evaluering", "due_on": "2027-01-01"}
    )
    assert response.status_code == 302
    assert not closed.milestones.filter(title="Evaluering").exists()


def test_entering_and_correcting_values_are_refused_with_a_message(client_for, closed, falls_indicator):
    client = client_for(LEAD)
    before = Measurement.objects.filter(indicator=falls_indicator).count()
    entry = client.post(
        reverse("measurement:entry", args=[falls_indicator.pk]),
        {"period-0": "2027-01-01", "value-0": "3", "rows": "1"},
    )
    assert entry.status_code in (200, 302, 403)
    measurement = Measurement.objects.filter(indicator=falls_indicator).first()
    correct = client.post(
        reverse("measurement:correct", args=[falls_indicator.pk, measurement.pk]),
        {"value": "1", "note": "", "reason": "Tastefejl"},
    )
    assert correct.status_code in (200, 302, 403)
    assert Measurement.objects.filter(indicator=falls_indicator).count() == before
    assert not Measurement.objects.filter(period=datetime.date(2027, 1, 1)).exists()
