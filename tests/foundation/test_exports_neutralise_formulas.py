"""Every CSV and XLSX file Fremdrift writes shows a formula someone typed as text: a spreadsheet never
runs it. Numbers and dates stay numbers and dates."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fremdrift.core import spreadsheets

pytestmark = [pytest.mark.foundation]

PAYLOADS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://x","y")']
LEAD = "projektleder@nordfjord.demo"
BOARD = "direktion@nordfjord.demo"
INNOVATION = "innovation@nordfjord.demo"


def _csv_cells(content: bytes, delimiter=";") -> list[str]:
    text = content.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


def _xlsx_cells(content: bytes) -> list:
    sheet = load_workbook(io.BytesIO(content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def _assert_neutral_csv(cells, payload):
    assert "'" + payload in cells
    assert payload not in cells


def _assert_neutral_xlsx(cells, payload):
    # XML turns a leading carriage return into a line feed; the text is what matters.
    found = [cell for cell in cells if isinstance(cell.value, str) and cell.value.strip() == payload.strip()]
    assert found and all(cell.data_type == "s" for cell in found)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_that_looks_like_a_formula_is_text_in_both_formats(payload):
    rows = [["what", "amount"], [payload, Decimal("-12.50")]]
    _assert_neutral_csv(_csv_cells(spreadsheets.csv_bytes(rows)), payload)
    _assert_neutral_csv(_csv_cells(spreadsheets.csv_bytes(rows, spreadsheets.FOR_MACHINES), ","), payload)
    _assert_neutral_xlsx(_xlsx_cells(spreadsheets.xlsx_bytes(rows)), payload)


def test_numbers_stay_numbers_and_a_negative_number_is_no_formula():
    rows = [["amount", "on"], [Decimal("-220044.38"), datetime.date(2026, 3, 1)]]
    assert spreadsheets.csv_bytes(rows).startswith(b"\xef\xbb\xbfamount;on\r\n")
    assert _csv_cells(spreadsheets.csv_bytes(rows))[2:] == ["-220044,38", "2026-03-01"]
    assert _csv_cells(spreadsheets.csv_bytes(rows, spreadsheets.FOR_MACHINES), ",")[2] == "-220044.38"
    amount, on = _xlsx_cells(spreadsheets.xlsx_bytes(rows))[2:]
    assert amount.data_type == "n" and amount.value == pytest.approx(-220044.38)
    assert on.value == datetime.datetime(2026, 3, 1)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_measurement_exports_neutralise_notes(client_for, world, fmt):
    from fremdrift.measurement.models import Measurement
    from fremdrift.projects.models import Project

    indicator = Project.objects.get(title="Færre fald på Lindely").goals.first().indicators.first()
    Measurement.objects.filter(indicator=indicator).update(note="=1+1")
    content = client_for(LEAD).get(reverse("measurement:export", args=[indicator.pk, fmt])).content
    if fmt == "csv":
        _assert_neutral_csv(_csv_cells(content), "=1+1")
    else:
        _assert_neutral_xlsx(_xlsx_cells(content), "=1+1")


def test_the_action_plan_xlsx_neutralises_its_cells(client_for, world):
    from fremdrift.strategy.models import ActionPlanRow

    row = ActionPlanRow.objects.filter(plan__organisation=world.organisations["Ældre og Sundhed"]).first()
    ActionPlanRow.objects.filter(pk=row.pk).update(goal='=HYPERLINK("http://x","y")')
    content = client_for(BOARD).get(reverse("strategy:export", args=[row.plan.pk])).content
    _assert_neutral_xlsx(_xlsx_cells(content), '=HYPERLINK("http://x","y")')


def test_the_open_data_csv_neutralises_text(client, world):
    from fremdrift.library.models import Case, CaseStatus

    Case.objects.create(title="@SUM(A1)", status=CaseStatus.PUBLISHED)
    content = client.get(reverse("library:open_data_csv")).content
    _assert_neutral_csv(_csv_cells(content, ","), "@SUM(A1)")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_fund_exports_neutralise_titles_and_reasons(client_for, world, fmt):
    from fremdrift.funding import bookkeeping
    from fremdrift.funding.models import Application, Fund

    fund = Fund.objects.get(name="Innovationspuljen")
    Application.objects.filter(fund=fund).exclude(status="draft").update(title="-1+1")
    bookkeeping.add_budget(world.users[INNOVATION], fund=fund, year=2031, amount=Decimal(1), reason="+1+1")
    client = client_for(BOARD)
    for name, payload in (("funding:export_applications", "-1+1"), ("funding:export_ledger", "+1+1")):
        content = client.get(reverse(name, args=[fund.pk, fmt])).content
        if fmt == "csv":
            _assert_neutral_csv(_csv_cells(content), payload)
        else:
            _assert_neutral_xlsx(_xlsx_cells(content), payload)
