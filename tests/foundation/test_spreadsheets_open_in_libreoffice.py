"""Every spreadsheet Fremdrift writes, opened in LibreOffice Calc with Danish settings: numbers and
dates arrive as numbers and dates, money shows as Danish money, text keeps æ, ø and å, and the
measurement files come back unchanged when Calc saves them and Fremdrift reads them again. The
open data is opened as a program reads it (comma, decimal point).

Calc runs headless, a few calls for all the files, with its own profile set to Danish
(`ooSetupSystemLocale` da-DK), so parallel test workers do not share one.
"""

import csv
import datetime
import io
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

pytestmark = [pytest.mark.foundation]

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# CSV filter options (https://help.libreoffice.org/latest/en-US/text/shared/guide/csv_params.html):
# separator (59 ";", 44 ","), text delimiter ('"'), character set (76 = UTF-8), first line, column
# formats (none), language of the numbers (1030 Danish, 1033 English (USA)), quoted field as text
# (no), detect special numbers such as dates (yes); on saving, the 9th: cell contents as shown.
OPEN_AS_DANISH_CSV = "CSV:59,34,76,1,,1030,false,true"
OPEN_AS_PROGRAM_CSV = "CSV:44,34,76,1,,1033,false,true"
SAVE_AS_DANISH_CSV = "csv:Text - txt - csv (StarCalc):59,34,76,1,,1030,false,true,true"
DANISH_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">
<value>da-DK</value></prop></item>
</oor:items>
"""
DANISH_MONEY = re.compile(r"-?\d{1,3}(\.\d{3})*,\d{2} DKK")

LEAD = "projektleder@nordfjord.demo"
BOARD = "direktion@nordfjord.demo"
INNOVATION = "innovation@nordfjord.demo"
ADMIN = "admin@nordfjord.demo"
VALUES = [Decimal("2.5"), Decimal("1234.75"), Decimal("45000"), Decimal("0.0001")]
NOTES = ["Ældre på Åbo; “ny” rutine", 'måling "B"', "", "=1+1"]
EXTRA_BUDGET = Decimal("250000.50")


@dataclass
class Calc:
    downloads: dict  # name → the bytes Fremdrift sent
    folder: Path  # name.xlsx: the file as Calc saved it; name.shown.csv: an XLSX saved as shown
    measurement_rows: list  # `export_table` of the exported indicator
    measurement_kind: str

    def cells(self, name: str) -> list[list]:
        return _cells(self.folder / f"{name}.xlsx")

    def shown(self, name: str) -> list[list[str]]:
        text = (self.folder / f"{name}.shown.csv").read_text(encoding="utf-8")
        return list(csv.reader(io.StringIO(text), delimiter=";"))


def _cells(source) -> list[list]:
    sheet = load_workbook(source).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _run_calc(profile: Path, folder: Path, convert_to: str, files, infilter=None) -> None:
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        convert_to,
        "--outdir",
        str(folder),
    ]
    if infilter:
        command.append(f"--infilter={infilter}")
    subprocess.run([*command, *map(str, files)], check=True, capture_output=True, timeout=180)


def _download_everything() -> tuple[dict, list, str]:
    """Every export, as the people allowed to download it get it; the data added here is rolled back."""
    from demo_world import demo_world
    from fremdrift.funding import bookkeeping
    from fremdrift.funding.models import Fund
    from fremdrift.measurement import services
    from fremdrift.projects.models import Project
    from fremdrift.strategy.models import ActionPlan

    world = demo_world()
    goal = Project.objects.get(title="Færre fald på Lindely").goals.first()
    indicator = services.add_indicator(
        world.users[LEAD], goal=goal, name="Tilfredshed på Åbo", kind="count", direction="up"
    )
    for month, (value, note) in enumerate(zip(VALUES, NOTES, strict=True), start=1):
        services.record_measurement(
            world.users[LEAD],
            indicator=indicator,
            period=datetime.date(2025, month, 1),
            value=value,
            note=note,
        )
    fund = Fund.objects.get(name="Innovationspuljen")
    bookkeeping.add_budget(
        world.users[INNOVATION], fund=fund, year=2031, amount=EXTRA_BUDGET, reason="Ekstra til ældreområdet"
    )
    plan = ActionPlan.objects.filter(organisation=world.organisations["Ældre og Sundhed"]).first()

    def get(email, name, *args):
        client = Client()
        if email:
            client.force_login(world.users[email])
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200, (name, response.status_code)
        return response.content

    downloads = {
        "open-data": get(None, "library:open_data_csv"),
        "open-data-json": get(None, "library:open_data_json"),
    }
    downloads["plan"] = get(BOARD, "strategy:export", plan.pk)
    downloads["audit"] = get(ADMIN, "organisations:audit_export", world.organisations["Nordfjord Kommune"].pk)
    for fmt in ("csv", "xlsx"):
        downloads[f"measurement-{fmt}"] = get(LEAD, "measurement:export", indicator.pk, fmt)
        downloads[f"applications-{fmt}"] = get(BOARD, "funding:export_applications", fund.pk, fmt)
        downloads[f"ledger-{fmt}"] = get(BOARD, "funding:export_ledger", fund.pk, fmt)
    return downloads, services.export_table(indicator), indicator.kind


@pytest.fixture(scope="module")
def calc(django_db_setup, django_db_blocker, tmp_path_factory) -> Calc:
    if SOFFICE is None:
        pytest.skip(
            "LibreOffice (libreoffice-calc-nogui) is not installed: the files cannot be opened in Calc"
        )
    with django_db_blocker.unblock(), transaction.atomic():
        downloads, measurement_rows, kind = _download_everything()
        transaction.set_rollback(True)
    root = tmp_path_factory.mktemp("calc")
    profile, sent, folder = root / "profile", root / "sent", root / "calc"
    for path in (profile / "user", sent, folder):
        path.mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(DANISH_PROFILE)
    files = {}
    for name, content in downloads.items():
        files[name] = sent / (f"{name}.{'xlsx' if content[:2] == b'PK' else 'csv'}")
        files[name].write_bytes(content)
    people_csv = [files[name] for name in ("measurement-csv", "applications-csv", "ledger-csv", "audit")]
    xlsx = [files[name] for name in ("measurement-xlsx", "applications-xlsx", "ledger-xlsx", "plan")]
    _run_calc(profile, folder, "xlsx", people_csv, infilter=OPEN_AS_DANISH_CSV)
    _run_calc(profile, folder, "xlsx", [files["open-data"]], infilter=OPEN_AS_PROGRAM_CSV)
    _run_calc(profile, folder, "xlsx", xlsx)
    # Saved as CSV from Calc: the XLSX files as Fremdrift sent them, and the measurement CSV as Calc read it.
    shown = root / "shown"
    _run_calc(profile, shown, SAVE_AS_DANISH_CSV, [*xlsx, folder / "measurement-csv.xlsx"])
    for path in shown.iterdir():
        path.rename(folder / f"{path.stem}.shown.csv")
    return Calc(downloads, folder, measurement_rows, kind)


def _typed(rows):
    """Cells as Calc and openpyxl give them back: whole numbers as int, others as float."""
    return [[int(c) if isinstance(c, float) and c.is_integer() else c for c in row] for row in rows]


@pytest.mark.parametrize("name", ["measurement", "applications", "ledger"])
def test_a_csv_opens_in_danish_calc_as_the_same_cells_as_the_xlsx(calc, name):
    from_csv = _typed(calc.cells(f"{name}-csv"))
    sent_xlsx = _typed(_cells(io.BytesIO(calc.downloads[f"{name}-xlsx"])))
    # A text a spreadsheet would run as a formula carries an apostrophe in the CSV, as a person types it.
    assert [[c if c != "'=1+1" else "=1+1" for c in row] for row in from_csv] == sent_xlsx
    numbers = {i for row in from_csv[1:] for i, cell in enumerate(row) if isinstance(cell, int | float)}
    dates = {i for row in from_csv[1:] for i, cell in enumerate(row) if isinstance(cell, datetime.datetime)}
    assert numbers and dates
    assert any(isinstance(c, str) and re.search("[æøåÆØÅ]", c) for row in from_csv for c in row)


def test_the_measurement_values_are_numbers_in_calc(calc):
    rows = calc.cells("measurement-csv")
    assert rows[0] == ["period", "value", "note"]
    assert [row[1] for row in rows[1:]] == [float(v) for v in VALUES]
    assert [row[2] or "" for row in rows[1:]] == ["Ældre på Åbo; “ny” rutine", 'måling "B"', "", "'=1+1"]


def test_money_shows_as_danish_money_in_calc(calc):
    for name, columns in (("applications-xlsx", (6, 7)), ("ledger-xlsx", (3,))):
        shown = calc.shown(name)
        amounts = [row[column] for row in shown[1:] for column in columns]
        assert amounts and all(DANISH_MONEY.fullmatch(amount) for amount in amounts), amounts
    assert "250.000,50 DKK" in {row[3] for row in calc.shown("ledger-xlsx")}


@pytest.mark.parametrize("name", ["measurement-xlsx", "applications-xlsx", "ledger-xlsx", "plan"])
def test_an_xlsx_keeps_its_cells_when_calc_saves_it(calc, name):
    sent = _typed(_cells(io.BytesIO(calc.downloads[name])))
    saved = _typed(calc.cells(name))
    assert saved == sent
    assert any(isinstance(c, str) and re.search("[æøåÆØÅ]", c) for row in saved for c in row)


def test_the_audit_trail_opens_with_times_and_numbers(calc):
    rows = calc.cells("audit")
    sent = list(csv.reader(io.StringIO(calc.downloads["audit"].decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == sent[0] and len(rows) == len(sent) > 1
    assert all(isinstance(row[0], datetime.datetime) for row in rows[1:])
    assert all(isinstance(row[4], int) for row in rows[1:] if row[4] is not None)
    assert [row[5] for row in rows[1:]] == [row[5] or None for row in sent[1:]]


def test_the_open_data_opens_as_programs_read_it(calc):
    content = calc.downloads["open-data"]
    assert not content.startswith(b"\xef\xbb\xbf")
    rows = calc.cells("open-data")
    cases = json.loads(calc.downloads["open-data-json"])
    header = rows[0]
    assert header[:2] == ["id", "title"] and len(rows) == len(cases) + 1
    assert all(len([c for c in row if c is not None]) <= len(header) for row in rows)
    for column, name in enumerate(("id", "title", "subtitle")):
        assert [row[column] for row in rows[1:]] == [case[name] or None for case in cases]
    assert any(re.search("[æøåÆØÅ]", case["subtitle"]) for case in cases)


@pytest.mark.parametrize("saved_by_calc", ["measurement-csv.shown.csv", "measurement-xlsx.xlsx"])
def test_the_measurements_come_back_unchanged_through_calc(calc, world, saved_by_calc):
    from fremdrift.measurement import services
    from fremdrift.projects.models import Project

    goal = Project.objects.get(title="Færre fald på Lindely").goals.first()
    target = services.add_indicator(
        world.users[LEAD], goal=goal, name="Indlæst igen", kind=calc.measurement_kind, direction="up"
    )
    result = services.import_measurements(
        world.users[LEAD],
        indicator=target,
        data=(calc.folder / saved_by_calc).read_bytes(),
        filename=saved_by_calc,
    )
    assert result.problems == [] and result.imported == len(VALUES)
    assert services.export_table(target) == calc.measurement_rows
