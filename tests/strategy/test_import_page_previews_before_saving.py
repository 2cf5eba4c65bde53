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
