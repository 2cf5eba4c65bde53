"""Every download follows one convention: files for people are CSV for Excel/LibreOffice (";", decimal
comma, BOM) or XLSX with money as money, files for programs are plain CSV (",", decimal point), and
each link says which it is; a file keeps the letters of its name."""

import datetime
import io
from decimal import Decimal
from email.message import Message
from email.utils import collapse_rfc2231_value

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fremdrift.core import spreadsheets

pytestmark = [pytest.mark.foundation]

BOARD = "direktion@nordfjord.demo"
LEAD = "projektleder@nordfjord.demo"
ADMIN = "admin@nordfjord.demo"


def _saved_as(response) -> tuple[str, str]:
    """(the name a browser saves the file as, the ASCII name for programs that know no other), as
    Python's e-mail package reads the header (RFC 2231, which RFC 6266 uses)."""
    header = Message()
    header["Content-Disposition"] = response["Content-Disposition"]
    names = [value for key, value in header.get_params(header="Content-Disposition") if key == "filename"]
    (utf8,) = [collapse_rfc2231_value(name) for name in names if isinstance(name, tuple)]
    (ascii,) = [name for name in names if isinstance(name, str)]
    return utf8, ascii


@pytest.mark.parametrize(
    ("name", "ascii"),
    [
        ("Ældre og Sundhed – fælles plan.xlsx", "Aeldre-og-Sundhed-faelles-plan.xlsx"),
        ("Øresund, Åbo & Göteborg.csv", "Oeresund-Aabo-Goeteborg.csv"),
        ('Café "Ærø"/Näs.csv', "Cafe-Aeroe-Naes.csv"),
    ],
)
def test_a_name_is_sent_in_utf8_and_in_ascii_with_danish_and_swedish_letters_written_out(name, ascii):
    assert _saved_as(spreadsheets.attachment(b"", name)) == (name, ascii)


def test_the_action_plan_keeps_the_letters_of_its_name(client_for, world):
    from fremdrift.strategy.models import ActionPlan

    plan = ActionPlan.objects.filter(organisation=world.organisations["Ældre og Sundhed"]).first()
    year = plan.title.rsplit(" ", 1)[-1]
    assert plan.title == f"Fælles handleplan {year}"
    response = client_for(BOARD).get(reverse("strategy:export", args=[plan.pk]))
    assert _saved_as(response) == (
        f"ældre-og-sundhed-fælles-handleplan-{year}.xlsx",
        f"aeldre-og-sundhed-faelles-handleplan-{year}.xlsx",
    )


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_indicator_download_is_named_after_the_indicator(client_for, world, fmt):
    from fremdrift.measurement import services
    from fremdrift.projects.models import Project

    goal = Project.objects.get(title="Færre fald på Lindely").goals.first()
    indicator = services.add_indicator(
        world.users[LEAD], goal=goal, name="Tilfredshed på Åbo", kind="count", direction="up"
    )
    response = client_for(LEAD).get(reverse("measurement:export", args=[indicator.pk, fmt]))
    assert _saved_as(response) == (f"tilfredshed-på-åbo.{fmt}", f"tilfredshed-paa-aabo.{fmt}")


def test_money_cells_carry_a_money_format_and_stay_numbers(client_for, world):
    from fremdrift.funding import bookkeeping
    from fremdrift.funding.models import Fund

    fund = Fund.objects.get(name="Innovationspuljen")
    bookkeeping.add_budget(
        world.users["innovation@nordfjord.demo"],
        fund=fund,
        year=2031,
        amount=Decimal("250000.50"),
        reason="x",
    )
    client = client_for(BOARD)
    for name, columns in (("funding:export_ledger", ["D"]), ("funding:export_applications", ["G", "H"])):
        content = client.get(reverse(name, args=[fund.pk, "xlsx"])).content
        sheet = load_workbook(io.BytesIO(content)).active
        cells = [sheet[f"{column}{row}"] for column in columns for row in range(2, sheet.max_row + 1)]
        assert cells and all(cell.data_type == "n" for cell in cells)
        assert {cell.number_format for cell in cells} == {'#,##0.00 "DKK"'}
    assert spreadsheets.csv_text([[spreadsheets.Money(Decimal("250000.50"), "DKK")]]) == "\ufeff250000,50\r\n"


def test_a_time_is_written_as_the_readers_clock_for_people_and_with_its_offset_for_programs(settings):
    settings.TIME_ZONE = "Europe/Copenhagen"
    at = datetime.datetime(2026, 3, 1, 9, 15, 30, 123456, tzinfo=datetime.UTC)
    assert spreadsheets.csv_text([[at]]) == "\ufeff2026-03-01 10:15:30\r\n"
    assert spreadsheets.csv_text([[at]], spreadsheets.FOR_MACHINES) == "2026-03-01T09:15:30.123456+00:00\r\n"


def test_the_open_data_is_the_csv_for_programs(client, world):
    response = client.get(reverse("library:open_data_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"id,title,")
    assert _saved_as(response) == ("fremdrift-cases.csv", "fremdrift-cases.csv")


def test_each_csv_link_says_whom_the_file_is_for(client_for, world):
    from fremdrift.funding.models import Fund
    from fremdrift.projects.models import Project

    indicator = Project.objects.get(title="Færre fald på Lindely").goals.first().indicators.first()
    fund = Fund.objects.get(name="Innovationspuljen")
    pages = [
        (
            LEAD,
            reverse("measurement:indicator", args=[indicator.pk]),
            ["Hent data (CSV til Excel/LibreOffice)"],
        ),
        (
            BOARD,
            reverse("funding:fund", args=[fund.pk]),
            ["Ansøgninger (CSV til Excel/LibreOffice)", "Bevillingsregnskab (CSV til Excel/LibreOffice)"],
        ),
        (
            ADMIN,
            reverse("organisations:audit", args=[world.organisations["Nordfjord Kommune"].pk]),
            ["Hent revisionssporet som CSV til Excel/LibreOffice (rå værdier)"],
        ),
        (LEAD, reverse("library:index"), ["Åbne data (CSV til programmer: UTF-8, komma)"]),
    ]
    for email, url, labels in pages:
        html = client_for(email).get(url).content.decode()
        assert all(label in html for label in labels), url
