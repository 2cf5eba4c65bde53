"""A project's amounts and measured values are shown in their fields as the page shows numbers
("30.000,00", "1.234,75" in Danish) and read back the same way, from a form, the entry grid or a
file."""

import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import Workbook

from fremdrift.core import spreadsheets
from fremdrift.measurement import services as measurement
from projects.conftest import LEAD

pytestmark = [pytest.mark.projects]


def test_the_budget_is_shown_and_typed_as_the_page_shows_amounts(world, make_project, client_for):
    project = make_project(budget="30000")
    client = client_for(LEAD)
    address = reverse("projects:edit_part", args=[project.pk, "basics"])
    assert 'value="30.000,00"' in client.get(address).content.decode()
    client.post(
        address,
        {
            "title": project.title,
            "starts_on": "",
            "ends_on": "",
            "budget": "45.000,50",
            "version": project.version,
        },
    )
    project.refresh_from_db()
    assert project.budget == Decimal("45000.50")


def test_a_swedish_lead_types_the_discount_rate_with_a_decimal_comma(world, make_project, client_for):
    project = make_project()
    get_user_model().objects.filter(email=LEAD).update(language="sv")
    client_for(LEAD).post(
        reverse("projects:business_case", args=[project.pk]),
        {
            "first_year": "2026",
            "discount_rate": "3,5",
            "notes": "",
            "costs-TOTAL_FORMS": "1",
            "costs-INITIAL_FORMS": "0",
            "costs-0-year": "2026",
            "costs-0-kind": "investment",
            "costs-0-description": "Sensorer",
            "costs-0-amount": "12\xa0500,00",
            "benefits-TOTAL_FORMS": "0",
            "benefits-INITIAL_FORMS": "0",
        },
    )
    case = project.business_case
    assert case.discount_rate == Decimal("3.5")
    assert case.costs.get().amount == Decimal("12500")


def test_a_measurement_is_corrected_as_the_page_shows_numbers(world, falls_indicator, client_for):
    saved = measurement.record_measurement(
        world.users[LEAD], indicator=falls_indicator, period=datetime.date(2031, 1, 1), value=Decimal("1200")
    )
    client = client_for(LEAD)
    address = reverse("measurement:correct", args=[falls_indicator.pk, saved.pk])
    assert 'value="1.200"' in client.get(address).content.decode()
    client.post(address, {"value": "1.234,75", "note": "", "reason": "Tastefejl"})
    current = falls_indicator.measurements.current().get(period=datetime.date(2031, 1, 1))
    assert current.value == Decimal("1234.75")


def test_the_entry_grid_shows_saved_values_as_the_page_does_and_leaves_them_unchanged(
    world, falls_indicator, client_for
):
    measurement.record_measurement(
        world.users[LEAD], indicator=falls_indicator, period=datetime.date(2031, 1, 1), value=Decimal("1200")
    )
    client = client_for(LEAD)
    address = reverse("measurement:entry", args=[falls_indicator.pk])
    grid = client.get(address).context["grid"]
    row = next(row for row in grid if row["period"] == datetime.date(2031, 1, 1))
    assert row["value"] == "1.200"  # not "1.2E+3"
    before = falls_indicator.measurements.count()
    client.post(
        address,
        {
            "count": "1",
            "period-0": "2031-01-01",
            "value-0": row["value"],
            "numerator-0": "",
            "denominator-0": "",
        },
    )
    assert falls_indicator.measurements.count() == before  # the same value: nothing corrected


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("maalinger.csv", b"period;value\n2031-01;1.234,75\n2031-02;2,5\n"),
        (
            "maalinger.xlsx",
            spreadsheets.xlsx_bytes([["period", "value"], ["2031-01", "1.234,75"], ["2031-02", "2,5"]]),
        ),
    ],
)
def test_a_file_with_danish_numbers_imports(world, falls_indicator, filename, data):
    result = measurement.import_measurements(
        world.users[LEAD], indicator=falls_indicator, data=data, filename=filename
    )
    assert result.problems == []
    values = falls_indicator.measurements.current().filter(period__year=2031).order_by("period")
    assert [m.value for m in values] == [Decimal("1234.75"), Decimal("2.5")]


def test_per_cent_and_amount_cells_import_as_the_numbers_they_show(world, falls_indicator):
    workbook = Workbook()
    workbook.active.append(["period", "value"])
    workbook.active.append(["2031-01", 0.15])
    workbook.active.append(["2031-02", 1234.75])
    workbook.active["B2"].number_format = "0%"
    workbook.active["B3"].number_format = '#,##0.00 "kr."'
    out = io.BytesIO()
    workbook.save(out)
    result = measurement.import_measurements(
        world.users[LEAD], indicator=falls_indicator, data=out.getvalue(), filename="maalinger.xlsx"
    )
    assert result.problems == []
    values = falls_indicator.measurements.current().filter(period__year=2031).order_by("period")
    assert [m.value for m in values] == [Decimal("15"), Decimal("1234.75")]
