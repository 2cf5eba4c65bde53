"""While an applicant writes the challenge, the library suggests cases that resemble it."""

import pytest
from django.urls import reverse

from fremdrift.funding.models import Application

pytestmark = [pytest.mark.funding]

DRAFT = "Væskeskema på tablet i aftenteamet"  # a demo draft by the staff member of Aftenteam Nord


def test_the_draft_form_suggests_cases_like_its_challenge(client_for, world):
    application = Application.objects.get(title=DRAFT)
    application.challenge = "Uro ved aftensmaden hos beboere med demens"
    application.save()
    page = client_for("medarbejder@nordfjord.demo").get(
        reverse("funding:application_edit", args=[application.pk])
    )
    html = page.content.decode()
    assert 'id="similar-heading"' in html
    assert "Musik ved aftensmaden" in html  # a published demo case about restless evening meals


def test_no_suggestions_before_a_challenge_is_written(client_for, world):
    application = Application.objects.get(title=DRAFT)
    application.challenge = ""
    application.save()
    page = client_for("medarbejder@nordfjord.demo").get(
        reverse("funding:application_edit", args=[application.pk])
    )
    assert 'id="similar-heading"' not in page.content.decode()
