"""A unit can export its action plan to Excel, work on it there and import it again."""

import datetime as dt
import io

import pytest
from django.utils import translation
from openpyxl import Workbook, load_workbook

from fremdrift.audit.models import AuditEntry
from fremdrift.strategy import services, xlsx
from fremdrift.strategy.models import ActionPlanRow

pytestmark = [pytest.mark.strategy]

QUALITY = "kvalitet@nordfjord.demo"
HEDENSTED = ["Fokusområde", "Indsats", "Mål", "Effekt", "Finansiering", "Tidsramme", "Status"]


def sheet(*rows, header=HEDENSTED):
    workbook = Workbook()
    workbook.active.append(header)
    for row in rows:
        workbook.active.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def import_file(world, plan, content):
    result = xlsx.read_rows(content)
    assert result.ok, result.problems
    return services.import_rows(world.users[QUALITY], plan=plan, rows=result.rows)


@pytest.fixture
def varied_plan(make_plan, strategy):
    quality = strategy.beacons.get(title="Faglig kvalitet")
    return make_plan(
        strategy=strategy,
        rows=[
            dict(
                beacon=quality,
                strategic_effort=quality.efforts.get(),
                effort="Fælles sprog for rehabilitering",
                goal="Alle kender målene",
                time_frame="Jan – juni 2026",
                starts_on=dt.date(2026, 1, 1),
                ends_on=dt.date(2026, 6, 30),
                status="in_progress",
                status_note="Tre ud af fem teams er i gang",
            ),
            dict(
                focus_area="Arbejdsmiljø",
                effort="Faste makkerpar",
                financing="Inden for rammen",
                time_frame="Løbende",
                status="not_started",
            ),
            dict(
                focus_area="Arbejdsmiljø",
                effort="Nyt vagtskema\nmed weekendrul",
                time_frame="Løbende",
                starts_on=dt.date(2026, 3, 1),
                ends_on=dt.date(2026, 12, 31),
                status="on_standby",
            ),
            dict(
                focus_area="Arbejdsmiljø",
                effort="Sparring på aftenvagter",
                status="completed",
                starts_on=dt.date(2025, 5, 1),
                ends_on=None,
                financing=1000000,
            ),
            dict(
                focus_area="Digitalisering",
                effort="Skærmbesøg",
                status="dropped",
                status_note="Udstyret kom ikke",
            ),
        ],
    )


def test_the_export_uses_hedensted_columns(varied_plan):
    content = xlsx.write_rows(
        [services.plain_row(r) for r in varied_plan.rows.all()], title=varied_plan.title
    )
    first = next(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert list(first) == HEDENSTED


def test_export_then_import_changes_nothing(world, varied_plan):
    before = list(ActionPlanRow.objects.filter(plan=varied_plan).order_by("pk").values())
    entries = AuditEntry.objects.count()
    content = xlsx.write_rows([services.plain_row(r) for r in varied_plan.rows.all()])

    preview = services.preview_import(varied_plan, xlsx.read_rows(content).rows)
    assert preview.counts == {"new": 0, "changed": 0, "unchanged": 5}
    import_file(world, varied_plan, content)

    after = list(ActionPlanRow.objects.filter(plan=varied_plan).order_by("pk").values())
    assert after == before
    assert AuditEntry.objects.count() == entries


def test_a_hedensted_table_is_imported_with_dates_beacons_and_statuses(world, make_plan, strategy):
    plan = make_plan(strategy=strategy)
    content = sheet(
        [
            "1. Faglig kvalitet",
            "Fælles sprog for rehabilitering",
            "Ensartet praksis",
            "Flere selvhjulpne",
            "Inden for rammen",
            "Marts – sept. – 16.",
            "I gang",
        ],
        [None, "Kvalitetsstandard revideres", "", "", "Interne timer", "Løbende", "Afsluttet"],
        [
            "Samarbejde",
            "Dialogmøder med leverandører",
            "",
            "",
            "Ingen udgifter",
            "Jan – nov. - 2016",
            "Igangsat. Kommissorium er skrevet",
        ],
    )
    import_file(world, plan, content)

    first, second, third = plan.rows.order_by("position")
    assert first.beacon.title == "Faglig kvalitet" and first.strategic_effort is not None
    assert (first.starts_on, first.ends_on) == (dt.date(2016, 3, 1), dt.date(2016, 9, 30))
    assert second.beacon == first.beacon, "an empty focus area continues the one above"
    assert (second.status, second.time_frame, second.starts_on) == ("completed", "Løbende", None)
    assert (third.focus_area, third.status, third.status_note) == (
        "Samarbejde",
        "in_progress",
        "Kommissorium er skrevet",
    )

    # And the same file again: nothing to do.
    preview = services.preview_import(plan, xlsx.read_rows(content).rows)
    assert not preview.has_changes


def test_the_preview_tells_new_changed_and_unchanged_rows_apart_and_saves_nothing(world, varied_plan):
    rows = [services.plain_row(r) for r in varied_plan.rows.order_by("position")]
    rows[1] = xlsx.PlanRow(**{**rows[1].__dict__, "goal": "Færre sygedage"})
    rows.append(xlsx.PlanRow(focus_area="Arbejdsmiljø", effort="Ny indsats"))
    content = xlsx.write_rows(rows)
    before = list(ActionPlanRow.objects.filter(plan=varied_plan).values())

    preview = services.preview_import(varied_plan, xlsx.read_rows(content).rows)

    assert preview.counts == {"new": 1, "changed": 1, "unchanged": 4}
    assert [c.fields for c in preview.changes if c.kind == "changed"] == [("goal",)]
    assert list(ActionPlanRow.objects.filter(plan=varied_plan).values()) == before


def test_rows_missing_from_the_file_are_kept(world, varied_plan):
    rows = [services.plain_row(r) for r in varied_plan.rows.order_by("position")][:2]
    preview = import_file(world, varied_plan, xlsx.write_rows(rows))
    assert len(preview.untouched) == 3
    assert varied_plan.rows.count() == 5


def test_notes_and_time_frames_with_line_breaks_come_back_exactly(world, varied_plan):
    varied_plan.rows.filter(effort="Faste makkerpar").update(
        time_frame="Løbende,\nefter aftale", status_note="Venter på\nvagtplanen"
    )
    content = xlsx.write_rows([services.plain_row(r) for r in varied_plan.rows.all()])
    preview = services.preview_import(varied_plan, xlsx.read_rows(content).rows)
    assert preview.counts == {"new": 0, "changed": 0, "unchanged": 5}


def test_a_change_of_letter_case_alone_is_a_change(world, varied_plan):
    rows = [services.plain_row(r) for r in varied_plan.rows.order_by("position")]
    rows[1] = xlsx.PlanRow(
        **{**rows[1].__dict__, "effort": "Faste Makkerpar", "financing": "Inden for\nrammen"}
    )
    import_file(world, varied_plan, xlsx.write_rows(rows))
    row = varied_plan.rows.get(effort__iexact="faste makkerpar")
    assert (row.effort, row.financing) == ("Faste Makkerpar", "Inden for\nrammen")


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("I gang – Tre ud af fem\nteams er i gang", ("in_progress", "Tre ud af fem\nteams er i gang")),
        ("i  GANG", ("in_progress", "")),
        ("Afventer svar\nfra IT", ("on_standby", "Afventer svar\nfra IT")),
    ],
)
def test_a_status_note_is_read_as_written(cell, read):
    assert xlsx.parse_status(cell) == read


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("da", ("15 %", "2,5", "250.000,50 kr.")),
        ("sv", ("15 %", "2,5", "250\xa0000,50 kr.")),
        ("en", ("15 %", "2.5", "250,000.50 kr.")),
    ],
)
def test_number_cells_are_read_as_the_spreadsheet_shows_them(world, make_plan, language, shown):
    workbook = Workbook()
    workbook.active.append(HEDENSTED)
    workbook.active.append(["Arbejdsmiljø", "Færre sygedage", 0.15, 2.5, 250000.5, "Løbende", "I gang"])
    workbook.active["C2"].number_format = "0%"
    workbook.active["E2"].number_format = '#,##0.00 "kr."'
    out = io.BytesIO()
    workbook.save(out)
    plan = make_plan()
    with translation.override(language):
        import_file(world, plan, out.getvalue())
        row = plan.rows.get()
        assert (row.goal, row.expected_effect, row.financing) == shown
        assert not services.preview_import(plan, xlsx.read_rows(out.getvalue()).rows).has_changes
