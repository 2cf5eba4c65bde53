"""Importing measurements: a bad file imports nothing and names every bad row; export → import
gives the same data."""

import datetime
import io
from decimal import Decimal

import pytest

from fremdrift.core import spreadsheets
from fremdrift.measurement import services
from fremdrift.measurement.models import Direction, ValueKind
from projects.conftest import LEAD

pytestmark = [pytest.mark.projects]


@pytest.fixture
def empty_indicator(world, falls):
    def make(kind=ValueKind.COUNT):
        goal = falls.goals.first()
        return services.add_indicator(
            world.users[LEAD],
            goal=goal,
            name=f"Ny {kind}",
            kind=kind,
            direction=Direction.DOWN,
            per=1000 if kind == "rate" else None,
        )

    return make


def test_a_csv_with_bad_rows_imports_nothing_and_reports_each_row(world, empty_indicator):
    indicator = empty_indicator(ValueKind.PROPORTION)
    data = (
        b"period;numerator;denominator;note\n"
        b"2026-01;12;40;\n"
        b"2026-02;50;40;\n"  # numerator above denominator
        b"2026-13;1;4;\n"  # no such month
        b"2026-01;3;4;\n"  # duplicate period
        b"2026-04;tre;4;\n"  # not a number
        b"2026-05;2;0;\n"  # zero denominator
    )
    result = services.import_measurements(world.users[LEAD], indicator=indicator, data=data, filename="m.csv")
    assert result.imported == 0
    assert indicator.measurements.count() == 0
    found = {(p.line, p.column) for p in result.problems}
    assert found == {(3, "numerator"), (4, "period"), (5, "period"), (6, "numerator"), (7, "denominator")}
    assert all(p.why for p in result.problems)


def test_an_xlsx_with_a_bad_row_imports_nothing(world, empty_indicator):
    from openpyxl import Workbook

    indicator = empty_indicator()
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["period", "value", "note"])
    sheet.append([datetime.date(2026, 1, 1), 4, ""])
    sheet.append([datetime.date(2026, 2, 1), -3, ""])
    sheet.append(["", None, None])
    sheet.append([datetime.date(2026, 3, 1), None, ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = services.import_measurements(
        world.users[LEAD], indicator=indicator, data=buffer.getvalue(), filename="m.xlsx"
    )
    assert result.imported == 0 and indicator.measurements.count() == 0
    assert {(p.line, p.column) for p in result.problems} == {(3, "value"), (5, "value")}


def test_a_missing_column_is_reported_by_name(world, empty_indicator):
    indicator = empty_indicator(ValueKind.RATE)
    result = services.import_measurements(
        world.users[LEAD], indicator=indicator, data=b"period,value\n2026-01,3\n", filename="m.csv"
    )
    assert result.imported == 0
    assert {p.column for p in result.problems} == {"numerator", "denominator"}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", [ValueKind.COUNT, ValueKind.PROPORTION])
def test_export_then_import_gives_the_same_data(world, empty_indicator, fmt, kind):
    lead = world.users[LEAD]
    source = empty_indicator(kind)
    for month in range(1, 8):
        fields = (
            {"numerator": month, "denominator": Decimal("10.5")}
            if kind == ValueKind.PROPORTION
            else {"value": Decimal(month) / 4}
        )
        services.record_measurement(
            lead, indicator=source, period=datetime.date(2025, month, 1), note=f"uge {month}", **fields
        )
    rows = services.export_table(source)
    data = spreadsheets.csv_bytes(rows) if fmt == "csv" else spreadsheets.xlsx_bytes(rows)
    target = empty_indicator(kind)
    result = services.import_measurements(lead, indicator=target, data=data, filename=f"x.{fmt}")
    assert result.problems == [] and result.imported == 7
    assert services.export_table(target) == rows
    # Importing the same file again changes nothing and is no error.
    again = services.import_measurements(lead, indicator=target, data=data, filename=f"x.{fmt}")
    assert again.problems == [] and again.imported == 0


def test_the_import_page_lists_every_problem(client_for, falls_indicator):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(LEAD)
    upload = SimpleUploadedFile("m.csv", b"period,value\n2030-01,x\n2030-02,\n", content_type="text/csv")
    page = client.post(f"/measurement/indicators/{falls_indicator.pk}/import/", {"file": upload})
    html = page.content.decode()
    assert page.status_code == 200
    assert "<td>2</td>" in html and "<td>3</td>" in html
    assert falls_indicator.measurements.filter(period__year=2030).count() == 0
