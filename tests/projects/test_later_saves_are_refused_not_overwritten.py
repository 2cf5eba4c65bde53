"""Two people editing the same part: the later save is refused with a message; corrections keep
the earlier value."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from fremdrift.measurement import services as measurement
from fremdrift.projects import services
from projects.conftest import LEAD, QUALITY

pytestmark = [pytest.mark.projects]


def test_the_second_save_from_the_same_version_is_refused(world, falls):
    read_version = falls.version
    services.update_project(
        world.users[LEAD],
        project=falls,
        part="challenge",
        fields={"challenge": "Først"},
        version=read_version,
    )
    with pytest.raises(ValidationError, match="Someone else saved"), translation.override("en"):
        services.update_project(
            world.users[QUALITY],
            project=falls,
            part="challenge",
            fields={"challenge": "Senere"},
            version=read_version,
        )
    falls.refresh_from_db()
    assert falls.challenge == "Først"


def test_the_page_shows_the_refusal_and_keeps_the_first_text(client_for, falls):
    version = falls.version
    first = client_for(LEAD)
    assert (
        first.post(
            f"/projects/{falls.pk}/edit/activities/",
            {"activities": "A", "resources": "B", "version": version},
        ).status_code
        == 302
    )
    second = first.post(
        f"/projects/{falls.pk}/edit/activities/", {"activities": "C", "resources": "D", "version": version}
    )
    assert second.status_code == 200
    with translation.override("da"):  # the project lead reads Danish
        refusal = translation.gettext(
            "Someone else saved %(what)s after you opened it (at %(when)s). Your changes were not "
            "saved: reload the page, check their changes and make yours again."
        )
    assert refusal.split("%(what)s")[0].strip() in second.content.decode()
    falls.refresh_from_db()
    assert falls.activities == "A"


def test_a_correction_keeps_the_previous_value(world, falls_indicator):
    current = falls_indicator.measurements.current().order_by("period").first()
    new = measurement.correct_measurement(world.users[LEAD], measurement=current, value=3, reason="Tastefejl")
    current.refresh_from_db()
    assert current.superseded_by == new
    assert falls_indicator.measurements.current().filter(period=current.period).get().value == 3
    assert falls_indicator.measurements.filter(period=current.period).count() == 2
    with pytest.raises(ValidationError):
        measurement.correct_measurement(world.users[LEAD], measurement=current, value=4, reason="igen")


def test_the_grid_saves_new_values_and_corrects_changed_ones(world, falls_indicator):
    import datetime

    last = falls_indicator.measurements.current().order_by("period").last()
    result = measurement.record_grid(
        world.users[LEAD],
        indicator=falls_indicator,
        rows=[
            {"period": last.period, "value": "2"},
            {"period": datetime.date(2026, 3, 1), "value": "4"},
            {"period": datetime.date(2026, 4, 1), "value": ""},
        ],
    )
    assert len(result.saved) == 1 and len(result.corrected) == 1
    with pytest.raises(ValidationError):
        measurement.record_grid(
            world.users[LEAD],
            indicator=falls_indicator,
            rows=[{"period": datetime.date(2026, 5, 1), "value": "-1"}],
        )
