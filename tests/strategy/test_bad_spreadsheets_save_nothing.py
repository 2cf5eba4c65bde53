"""A broken file, wrong columns, unknown statuses or unreadable dates: a report per row, nothing half imported."""

import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from fremdrift.strategy import services, xlsx
from fremdrift.strategy.models import ActionPlanRow

pytestmark = [pytest.mark.strategy]

HEDENSTED = ["Fokusområde", "Indsats", "Mål", "Effekt", "Finansiering", "Tidsramme", "Status"]


def sheet(*rows, header=HEDENSTED):
    workbook = Workbook()
    workbook.active.append(header)
    for row in rows:
        workbook.active.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_a_file_that_is_not_a_spreadsheet_is_refused():
    with pytest.raises(xlsx.XlsxError) as error:
        xlsx.read_rows(b"Fokusomr\xe5de;Indsats\n")
    assert error.value.args[0] == "refused" and "xlsx" in error.value.args[1]


def test_wrong_columns_are_reported_with_what_was_found():
    with pytest.raises(xlsx.XlsxError) as error:
        xlsx.read_rows(sheet(["Borger", "Indsats"], header=["Navn", "Opgave", "Dato"]))
    assert error.value.args == ("no-header", ["Navn", "Opgave", "Dato"])


def test_each_bad_row_is_reported_with_its_line_and_column():
    result = xlsx.read_rows(
        sheet(
            ["Kvalitet", "God indsats", "", "", "", "Jan – juni 2026", "I gang"],
            ["Kvalitet", "Ukendt status", "", "", "", "2026", "Måske senere"],
            ["Kvalitet", "Umulig dato", "", "", "", "31.02.2026", "I gang"],
            ["Kvalitet", "", "Et mål uden indsats", "", "", "", ""],
        )
    )
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (3, "status", "unknown-status"),
        (4, "time_frame", "unreadable-time-frame"),
        (5, "effort", "missing-effort"),
    ]
    assert [line for line, _row in result.rows] == [2]


def test_a_forbidden_status_change_stops_the_whole_import(world, make_plan):
    plan = make_plan(
        rows=[
            dict(focus_area="Kvalitet", effort="Afsluttet indsats", status="completed"),
            dict(focus_area="Kvalitet", effort="Anden indsats", status="not_started"),
        ]
    )
    content = sheet(
        ["Kvalitet", "Anden indsats", "Nyt mål", "", "", "", "I gang"],
        ["Kvalitet", "Afsluttet indsats", "", "", "", "", "Droppet"],
    )
    rows = xlsx.read_rows(content).rows
    preview = services.preview_import(plan, rows)
    assert [(p.line, p.message) for p in preview.problems] == [(3, "forbidden-transition")]
    before = list(ActionPlanRow.objects.filter(plan=plan).values())
    with pytest.raises(ValidationError):
        services.import_rows(world.users["kvalitet@nordfjord.demo"], plan=plan, rows=rows)
    assert list(ActionPlanRow.objects.filter(plan=plan).values()) == before


def test_someone_who_may_not_edit_the_plan_cannot_import(world, make_plan):
    plan = make_plan()
    rows = xlsx.read_rows(sheet(["Kvalitet", "Indsats", "", "", "", "", ""])).rows
    with pytest.raises(services.access.NotAllowed):
        services.import_rows(world.users["medarbejder@nordfjord.demo"], plan=plan, rows=rows)
    assert not plan.rows.exists()
