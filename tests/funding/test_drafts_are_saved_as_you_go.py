"""Drafts are saved as you go: the page's script POSTs the form with `X-Autosave: 1`, and the view
validates and saves exactly as for the "Save the draft" button, answering JSON instead of a page."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from fremdrift.funding import applications
from fremdrift.funding.models import Application
from funding.people import LEAD, OTHER_LEAD, PLATFORM, REVIEWER, STAFF

pytestmark = [pytest.mark.funding]

DRAFT = "Væskeskema på tablet i aftenteamet"
AUTOSAVE = {"HTTP_X_AUTOSAVE": "1"}


def form_data(**overrides):
    data = {
        "title": DRAFT,
        "round": "",
        "starts_on": "2027-01-01",
        "ends_on": "2027-12-31",
        "challenge": "Borgerne drikker for lidt om aftenen – gemt undervejs",
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
def draft(world):
    return Application.objects.get(title=DRAFT)


def url(application):
    return reverse("funding:application_edit", args=[application.pk])


def test_an_autosave_saves_the_draft_and_answers_json(client_for, draft):
    client = client_for(STAFF)
    response = client.post(url(draft), form_data(), **AUTOSAVE)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    answer = response.json()
    assert answer["saved"] is True
    assert re.fullmatch(r"\d\d:\d\d", answer["at"])
    draft.refresh_from_db()
    assert draft.challenge == "Borgerne drikker for lidt om aftenen – gemt undervejs"
    assert draft.requested_amount == 12000
    assert draft.goals.get().indicators.get().target == 80
    # No flash message is left behind for the next page the applicant opens.
    assert not list(get_messages(response.wsgi_request))


def test_the_autosave_and_the_button_save_the_same(client_for, draft, world):
    client = client_for(STAFF)
    client.post(url(draft), form_data(), **AUTOSAVE)
    draft.refresh_from_db()
    autosaved = (draft.challenge, draft.starts_on, draft.ends_on, draft.requested_amount)
    applications.save_draft(world.users[STAFF], application=draft, fields={"challenge": "Noget andet"})
    response = client.post(url(draft), form_data(save=""))
    assert response.status_code == 302  # the button still answers with a redirect, as before
    draft.refresh_from_db()
    assert (draft.challenge, draft.starts_on, draft.ends_on, draft.requested_amount) == autosaved


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"budget-0-amount": "-5"}, "budget-0-amount", "The amount cannot be negative."),
        ({"goals-0-target": ""}, "goals-0-target", None),
        ({"budget-0-year": "2029"}, "budget-0-year", None),
        ({"starts_on": "2027-06-01", "ends_on": "2027-01-01"}, "ends_on", None),
    ],
    ids=["negative amount", "indicator without target", "line outside the period", "end before start"],
)
def test_invalid_input_answers_400_with_the_field_errors_and_saves_nothing(
    client_for, draft, overrides, field, message
):
    before = (draft.challenge, draft.starts_on, draft.ends_on)
    lines_before = list(draft.budget_lines.values_list("pk", flat=True))
    client = client_for(STAFF)
    response = client.post(url(draft), form_data(**overrides), **AUTOSAVE)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    answer = response.json()
    assert answer["saved"] is False
    assert answer["errors"][field]
    if message:
        with translation.override("da"):  # the applicant reads Danish
            expected = translation.gettext(message)
        assert expected in answer["errors"][field]
    draft.refresh_from_db()
    assert (draft.challenge, draft.starts_on, draft.ends_on) == before
    assert list(draft.budget_lines.values_list("pk", flat=True)) == lines_before
    assert not list(get_messages(response.wsgi_request))


def test_a_submitted_application_is_not_autosaved_and_not_redirected(client_for, draft, world):
    Application.objects.filter(pk=draft.pk).update(status="submitted")
    response = client_for(STAFF).post(url(draft), form_data(), **AUTOSAVE)
    assert response.status_code == 400
    assert response.json()["saved"] is False
    assert response.json()["errors"]["__all__"]
    draft.refresh_from_db()
    assert "gemt undervejs" not in draft.challenge


@pytest.mark.parametrize("email", [LEAD, REVIEWER, OTHER_LEAD])
def test_someone_who_is_not_the_applicant_is_refused_as_for_the_button(client_for, draft, email):
    client = client_for(email)
    by_button = client.post(url(draft), form_data(save=""))
    by_autosave = client.post(url(draft), form_data(), **AUTOSAVE)
    assert by_button.status_code in (403, 404)
    assert by_autosave.status_code == by_button.status_code
    draft.refresh_from_db()
    assert "gemt undervejs" not in draft.challenge


def test_another_municipality_does_not_even_see_the_draft(client_for, draft):
    response = client_for(OTHER_LEAD).post(url(draft), form_data(), **AUTOSAVE)
    assert response.status_code == 404


def test_a_platform_admin_may_autosave_as_for_the_button(client_for, draft):
    response = client_for(PLATFORM).post(url(draft), form_data(), **AUTOSAVE)
    assert response.status_code == 200
    assert response.json()["saved"] is True


def test_the_page_carries_the_script_and_the_translated_status_texts(client_for, draft):
    page = client_for(STAFF).get(url(draft)).content.decode()
    assert re.search(r'<script src="[^"]*funding/autosave\.js" defer></script>', page)
    assert 'role="status"' in page and 'aria-live="polite"' in page
    assert 'data-autosave-saved="' in page and "{time}" in page
    assert 'data-autosave-invalid="' in page and "{count}" in page
    assert 'data-autosave-failed="' in page


def test_saving_again_from_the_same_page_keeps_the_rows_added_since_it_was_drawn(client_for, draft):
    """The page is not redrawn after an autosave, so its management forms still count the rows it
    was drawn with; the row typed into the empty extra row must survive the next save."""
    client = client_for(STAFF)
    drawn = client.get(url(draft)).context["budget_set"]
    initial_rows = drawn.initial_form_count()
    data = form_data(
        **{
            "budget-TOTAL_FORMS": str(initial_rows + 1),
            "budget-INITIAL_FORMS": str(initial_rows),
        }
    )
    for row in range(initial_rows):
        old = drawn.forms[row].initial
        data.update({f"budget-{row}-{name}": old.get(name, "") for name in drawn.forms[row].fields})
    extra = {
        f"budget-{initial_rows}-description": "Opladere",
        f"budget-{initial_rows}-year": "2027",
        f"budget-{initial_rows}-amount": "800",
        f"budget-{initial_rows}-co_financing": "0",
    }
    data.update(extra)
    for _ in range(3):
        response = client.post(url(draft), data, **AUTOSAVE)
        assert response.json()["saved"] is True
        assert draft.budget_lines.filter(description="Opladere").count() == 1
