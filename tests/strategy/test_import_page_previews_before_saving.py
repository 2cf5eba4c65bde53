"""Uploading a spreadsheet shows what will change; only confirming saves it."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from fremdrift.strategy.models import ActionPlan

pytestmark = [pytest.mark.strategy]


def test_upload_previews_then_confirm_imports(client_for, world):
    client = client_for("kvalitet@nordfjord.demo")
    plan = ActionPlan.objects.get(organisation__name="Hjemmepleje Nord")
    exported = client.get(reverse("strategy:export", args=[plan.pk])).content
    workbook = load_workbook(io.BytesIO(exported))
    workbook.active.append(["Arbejdsmiljø", "Ny indsats fra Excel", "", "", "", "Jan – juni 2026", "I gang"])
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    out.name = "plan.xlsx"
    count = plan.rows.count()

    preview = client.post(reverse("strategy:import", args=[plan.pk]), {"file": out})
    assert preview.status_code == 200
    assert plan.rows.count() == count, "a preview saves nothing"
    with translation.override("da"):  # the quality consultant reads Danish
        counts = translation.gettext("%(new)s new, %(changed)s changed, %(unchanged)s unchanged rows.") % {
            "new": 1,
            "changed": 0,
            "unchanged": 3,
        }
    assert counts in preview.content.decode().replace("\xa0", " ")

    client.post(
        reverse("strategy:import", args=[plan.pk]),
        {"confirm": "1", "payload": preview.context["report"]["payload"]},
    )
    assert plan.rows.filter(effort="Ny indsats fra Excel", status="in_progress").exists()


def edited_export(client, plan, edit):
    """The plan as the page exports it, with `edit(sheet)` made to it as in Excel."""
    workbook = load_workbook(io.BytesIO(client.get(reverse("strategy:export", args=[plan.pk])).content))
    edit(workbook.active)
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    out.name = "plan.xlsx"
    return out


def cell(sheet, effort, column):
    """The cell in the row of `effort` under the (Danish) column header `column`."""
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == effort)
    return row[header.index(column)]


def test_a_change_of_letter_case_or_of_a_line_break_is_imported(client_for, world):
    client = client_for("kvalitet@nordfjord.demo")
    plan = ActionPlan.objects.get(organisation__name="Hjemmepleje Nord")

    def edit(sheet):
        cell(sheet, "Samtaleguide ved opstart", "Mål").value = "Alle nye borgere får en samtale om EGNE mål."
        cell(
            sheet, "Nyt kørselsmønster i yderområderne", "Status"
        ).value = "På standby – Afventer ny ruteplanlægning\nfra leverandøren."

    preview = client.post(
        reverse("strategy:import", args=[plan.pk]), {"file": edited_export(client, plan, edit)}
    )
    page = preview.content.decode()
    assert "Filen svarer til planen" not in page
    assert "Ændret: Mål" in page and "Ændret: Status" in page
    assert "<del>Alle nye borgere får en samtale om egne mål inden for to uger.</del>" in page
    assert "<ins>Sat på pause – Afventer ny ruteplanlægning<br>fra leverandøren.</ins>" in page

    client.post(
        reverse("strategy:import", args=[plan.pk]),
        {"confirm": "1", "payload": preview.context["report"]["payload"]},
    )
    assert (
        plan.rows.get(effort="Samtaleguide ved opstart").goal
        == "Alle nye borgere får en samtale om EGNE mål."
    )
    note = plan.rows.get(effort="Nyt kørselsmønster i yderområderne").status_note
    assert note == "Afventer ny ruteplanlægning\nfra leverandøren."


def test_the_preview_names_statuses_and_columns_in_words(client_for, world):
    client = client_for("kvalitet@nordfjord.demo")
    plan = ActionPlan.objects.get(organisation__name="Hjemmepleje Nord")

    def edit(sheet):
        cell(sheet, "Faste makkerpar på aftenvagten", "Status").value = "i gang"
        cell(sheet, "Faste makkerpar på aftenvagten", "Tidsramme").value = "Marts – maj 2026"

    page = client.post(
        reverse("strategy:import", args=[plan.pk]), {"file": edited_export(client, plan, edit)}
    ).content.decode()
    assert "Ændret: Tidsramme, Status" in page
    assert "<del>Ikke startet</del> → <ins>I gang</ins>" in page
    assert "<del>Løbende</del> → <ins>Marts – maj 2026 (01.03.2026 – 31.05.2026)</ins>" in page
    assert "in_progress" not in page and "not_started" not in page and "time_frame" not in page


def test_a_broken_upload_reports_and_saves_nothing(client_for, world):
    client = client_for("kvalitet@nordfjord.demo")
    plan = ActionPlan.objects.get(organisation__name="Hjemmepleje Nord")
    count = plan.rows.count()
    upload = io.BytesIO(b"not a spreadsheet")
    upload.name = "plan.xlsx"
    response = client.post(reverse("strategy:import", args=[plan.pk]), {"file": upload})
    assert response.context["report"]["file_problem"]
    assert plan.rows.count() == count


def test_a_tampered_preview_is_refused(client_for, world):
    client = client_for("kvalitet@nordfjord.demo")
    plan = ActionPlan.objects.get(organisation__name="Hjemmepleje Nord")
    count = plan.rows.count()
    response = client.post(reverse("strategy:import", args=[plan.pk]), {"confirm": "1", "payload": "forged"})
    assert response.status_code == 302
    assert plan.rows.count() == count
