"""Every form rejects bad input with a message at the field, and nothing typed is lost."""

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from fremdrift.funding import applications, decisions
from fremdrift.funding.models import Application
from funding.people import INNOVATION, STAFF

pytestmark = [pytest.mark.funding]

DRAFT = "Væskeskema på tablet i aftenteamet"


def form_data(**overrides):
    data = {
        "title": "Væskeskema på tablet i aftenteamet",
        "round": "",
        "starts_on": "2027-01-01",
        "ends_on": "2027-12-31",
        "challenge": "Borgerne drikker for lidt om aftenen – min tekst",
        "criteria_how": "",
        "activities": "",
        "resources": "",
        "evaluation_plan": "",
        "spread_plan": "",
        "goals-TOTAL_FORMS": "1",
        "goals-INITIAL_FORMS": "0",
        "goals-0-goal": "Flere drikker nok",
        "goals-0-name": "Borgere med væskeskema udfyldt",
        "goals-0-target": "80",
        "partners-TOTAL_FORMS": "0",
        "partners-INITIAL_FORMS": "0",
        "budget-TOTAL_FORMS": "1",
        "budget-INITIAL_FORMS": "0",
        "budget-0-description": "Tablets",
        "budget-0-year": "2027",
        "budget-0-amount": "12000",
        "budget-0-co_financing": "0",
    }
    data.update(overrides)
    return data


@pytest.fixture
def post(client_for, world):
    application = Application.objects.get(title=DRAFT)
    client = client_for(STAFF)

    def send(**overrides):
        return client.post(reverse("funding:application_edit", args=[application.pk]), form_data(**overrides))

    return send


def field_errors(response, form_name, field, index=None):
    form = response.context[form_name]
    if index is not None:
        form = form.forms[index]
    return form.errors.get(field, [])


def test_a_valid_draft_is_saved(post):
    response = post()
    assert response.status_code == 302
    application = Application.objects.get(title=DRAFT)
    assert application.requested_amount == 12000
    assert application.goals.get().indicators.get().target == 80


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-5", "The amount cannot be negative."),
        ("mange penge", "Enter an amount in numbers, e.g. %(example)s."),
        ("1.23.4", "Enter an amount in numbers, e.g. %(example)s."),
        ("1,2,3", "Enter an amount in numbers, e.g. %(example)s."),
    ],
    ids=["negative", "not a number", "misplaced groups", "two decimal commas"],
)
def test_bad_amounts_are_refused_at_the_field(post, amount, message):
    response = post(**{"budget-0-amount": amount})
    assert response.status_code == 200
    with translation.override("da"):  # the applicant reads Danish, with the example as the page shows amounts
        expected = translation.gettext(message) % {"example": "125.000,50"}
    assert any(expected in str(e) for e in field_errors(response, "budget_set", "amount", 0))
    assert "min tekst" in response.content.decode()  # nothing typed is lost
    assert not Application.objects.get(title=DRAFT).budget_lines.exists()


def test_an_amount_typed_as_the_page_shows_it_is_saved_and_shown_so_again(post, client_for):
    response = post(**{"budget-0-amount": "250.000,00", "budget-0-co_financing": "12.500,5"})
    assert response.status_code == 302
    line = Application.objects.get(title=DRAFT).budget_lines.get()
    assert (line.amount, line.co_financing) == (Decimal("250000.00"), Decimal("12500.50"))
    page = client_for(STAFF).get(response.url).content.decode()
    assert 'value="250.000,00"' in page and 'value="12.500,50"' in page
    assert '<input type="text" name="budget-0-amount" value="250.000,00" inputmode="decimal"' in page


def test_a_refused_amount_keeps_what_was_typed(post):
    response = post(**{"budget-0-amount": "250.000.00"})
    assert field_errors(response, "budget_set", "amount", 0)
    assert 'value="250.000.00"' in response.content.decode()


def test_an_end_before_the_start_is_refused_at_the_field(post):
    response = post(starts_on="2027-06-01", ends_on="2027-01-01")
    assert field_errors(response, "form", "ends_on")


def test_a_budget_line_outside_the_period_is_refused_at_the_field(post):
    response = post(**{"budget-0-year": "2029"})
    assert field_errors(response, "budget_set", "year", 0)
    assert 'value="2029"' in response.content.decode()


def test_an_indicator_without_a_target_is_refused_at_the_field(post):
    response = post(**{"goals-0-target": ""})
    assert field_errors(response, "goal_set", "target", 0)


def test_the_service_refuses_the_same_whoever_calls_it(world):
    from django.core.exceptions import ValidationError

    application = Application.objects.get(title=DRAFT)
    import datetime

    with pytest.raises(ValidationError) as refused:
        applications.save_draft(
            world.users[STAFF],
            application=application,
            fields={"starts_on": datetime.date(2027, 6, 1), "ends_on": datetime.date(2027, 1, 1)},
            budget_lines=[{"description": "x", "year": 2030, "amount": Decimal("-1")}],
            goals=[{"description": "g", "indicators": [{"name": "i", "target": None}]}],
        )
    assert "budget_lines" in refused.value.message_dict or "ends_on" in refused.value.message_dict


def upload(client_for, name, content):
    application = Application.objects.get(title=DRAFT)
    client = client_for(STAFF)
    response = client.post(
        reverse("funding:attachment_add", args=[application.pk]),
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )
    return application, response


def test_a_file_is_judged_by_its_content_not_its_name(client_for, world):
    application, response = upload(client_for, "budget.pdf", b"MZ\x90\x00 this is a program")
    assert not application.attachments.exists()
    assert "not a PDF" in response.content.decode() or "ikke" in response.content.decode()


def test_a_real_pdf_and_a_word_document_are_accepted(client_for, world):
    application, _response = upload(client_for, "notat.bin", b"%PDF-1.7\n%...")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    upload(client_for, "ansøgning.docx", buffer.getvalue())
    kinds = sorted(application.attachments.values_list("content_type", flat=True))
    assert kinds[0] == "application/pdf"
    assert "wordprocessingml" in kinds[1]


def test_a_zip_that_is_not_an_office_document_is_refused(client_for, world):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("virus.exe", "MZ")
    application, _response = upload(client_for, "regneark.xlsx", buffer.getvalue())
    assert not application.attachments.exists()


def test_a_too_large_file_is_refused(client_for, world, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None
    original = applications.MAX_ATTACHMENT_BYTES
    applications.MAX_ATTACHMENT_BYTES = 1000
    try:
        application, response = upload(client_for, "stor.pdf", b"%PDF-" + b"0" * 2000)
    finally:
        applications.MAX_ATTACHMENT_BYTES = original
    assert not application.attachments.exists()
    assert "MB" in response.content.decode()


def test_a_decision_form_keeps_input_and_shows_the_error_at_the_amount(client_for, world):
    application = Application.objects.get(title="Forflytningsvejledninger på video")
    decisions.recommend(
        world.users[INNOVATION], application=application, outcome="grant", amount="200000", reasons="God"
    )
    client = client_for("direktion@nordfjord.demo")
    response = client.post(
        reverse("funding:decide", args=[application.pk]),
        {"outcome": "granted", "amount": "-3", "reasons": "Mine begrundelser"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["amount"]
    assert "Mine begrundelser" in response.content.decode()
    response = client.post(
        reverse("funding:decide", args=[application.pk]),
        {"outcome": "granted", "amount": "999999", "reasons": "Mine begrundelser", "budget_year": ""},
    )
    assert response.context["form"].errors["amount"]  # more than applied for
