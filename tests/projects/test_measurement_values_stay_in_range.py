"""Values and periods no indicator can hold are refused at their row or field, and nothing already
entered is lost; the indicator's pages keep working."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from fremdrift.core import spreadsheets
from fremdrift.measurement import services
from projects.conftest import LEAD

pytestmark = [pytest.mark.projects]


def _saved(indicator):
    return list(indicator.measurements.values_list("period", "value", "numerator", "denominator"))


@pytest.mark.parametrize(
    "line, column",
    [
        ("2031-01;1e30", "value"),
        ("2031-01;1e999", "value"),
        ("2031-01;10000000000", "value"),
        ("9999-12-01;3", "period"),
        ("1066-10-01;3", "period"),
    ],
)
def test_an_impossible_row_is_refused_at_the_row_and_nothing_is_lost(world, falls_indicator, line, column):
    before = _saved(falls_indicator)
    data = f"period;value\n2031-02;4\n{line}\n".encode()
    result = services.import_measurements(
        world.users[LEAD], indicator=falls_indicator, data=data, filename="m.csv"
    )
    assert result.imported == 0
    assert [(p.line, p.column) for p in result.problems] == [(3, column)]
    assert _saved(falls_indicator) == before


def test_a_far_future_period_is_refused_when_entered_by_hand(world, falls_indicator):
    with pytest.raises(ValidationError) as refusal:
        services.record_measurement(
            world.users[LEAD], indicator=falls_indicator, period=datetime.date(9999, 12, 1), value=Decimal(3)
        )
    assert "period" in refusal.value.message_dict


def test_a_huge_value_entered_by_hand_is_refused_at_the_field(world, falls_indicator):
    with pytest.raises(ValidationError) as refusal:
        services.record_measurement(
            world.users[LEAD], indicator=falls_indicator, period=datetime.date(2031, 1, 1), value="1e30"
        )
    assert "value" in refusal.value.message_dict


def test_the_import_page_refuses_a_file_too_large_and_the_indicator_page_still_answers(
    client_for, falls_indicator
):
    client = client_for(LEAD)
    upload = SimpleUploadedFile(
        "m.csv", b"period;value\n" + b"2031-01;1\n" * (spreadsheets.MAX_FILE_BYTES // 10 + 1)
    )
    page = client.post(f"/measurement/indicators/{falls_indicator.pk}/import/", {"file": upload})
    assert page.status_code == 200 and "2 MB" in page.content.decode()
    assert client.get(f"/measurement/indicators/{falls_indicator.pk}/").status_code == 200
