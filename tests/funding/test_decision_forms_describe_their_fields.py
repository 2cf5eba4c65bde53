"""A recommendation or a decision refused at its fields still tells a screen reader which text
describes which field: every aria-describedby names an element of the page, and no id repeats."""

import pytest
from django.urls import reverse

from crawling import read_page
from funding.people import BOARD, INNOVATION

pytestmark = [pytest.mark.funding]

NO_AMOUNT = {"outcome": "granted", "amount": "mange penge", "reasons": ""}


def assert_described(response, field_id):
    assert response.status_code == 200
    page = read_page(response.content.decode())
    assert ("aria-describedby", f"{field_id}_error") in page.references
    assert not page.unresolved()
    assert not page.repeated_ids()


def test_a_refused_recommendation(client_for, make_application, open_round):
    application = make_application(round=open_round, submit=True)
    response = client_for(INNOVATION).post(
        reverse("funding:recommend", args=[application.pk]), {**NO_AMOUNT, "outcome": "grant"}
    )
    assert_described(response, "id_amount")


def test_a_refused_decision_on_its_page(client_for, recommended):
    response = client_for(BOARD).post(reverse("funding:decide", args=[recommended.pk]), NO_AMOUNT)
    assert_described(response, "id_amount")


def test_a_refused_decision_in_the_meeting_list(client_for, recommended):
    prefix = f"a{recommended.pk}"
    response = client_for(BOARD).post(
        reverse("funding:meeting", args=[recommended.round_id]),
        {"decide": prefix, **{f"{prefix}-{name}": value for name, value in NO_AMOUNT.items()}},
    )
    assert_described(response, f"id_{prefix}-amount")
