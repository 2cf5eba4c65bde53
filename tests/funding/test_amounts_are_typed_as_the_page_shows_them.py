"""An amount is typed as the fund's pages show amounts in the reader's language ("250.000,00" in
Danish, "250 000,00" in Swedish, "250,000.00" in English) or plainly, and is refused at its field,
with what was typed kept, when it is neither."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from fremdrift.funding.models import LedgerEntry
from funding.people import INNOVATION

pytestmark = [pytest.mark.funding]


@pytest.fixture
def add_budget(client_for, world, fund):
    """Posts the fund page's budget form as the innovation unit, reading the page in `language`."""

    def post(amount, language):
        get_user_model().objects.filter(email=INNOVATION).update(language=language)
        return client_for(INNOVATION).post(
            reverse("funding:fund", args=[fund.pk]),
            {"add_budget": "1", "budget-year": "2031", "budget-amount": amount, "budget-reason": "Byrådet"},
        )

    return post


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("da", "250.000,00"),
        ("da", "250000.00"),
        ("sv", "250\xa0000,00"),
        ("sv", "250 000,00"),
        ("en", "250,000.00"),
        ("en", "250000"),
    ],
)
def test_an_amount_in_the_readers_format_is_booked(add_budget, fund, language, typed):
    response = add_budget(typed, language)
    assert response.status_code == 302
    entry = LedgerEntry.objects.get(budget_year__fund=fund, budget_year__year=2031)
    assert entry.amount == Decimal("250000.00")


@pytest.mark.parametrize(
    ("language", "typed", "message"),
    [
        ("da", "250.000.00", "Skriv et beløb med tal, fx 125.000,50."),
        ("sv", "1,2,3", "Ange ett belopp med siffror, t.ex. 125\xa0000,50."),
        ("en", "250.000,00", "Enter an amount in numbers, e.g. 125,000.50."),
        ("da", "12,345", "Brug højst to decimaler."),
    ],
)
def test_an_amount_that_is_not_one_is_refused_at_the_field_and_kept(
    add_budget, fund, language, typed, message
):
    response = add_budget(typed, language)
    assert response.status_code == 200
    assert response.context["budget_form"].errors["amount"] == [message]
    assert f'value="{typed}"' in response.content.decode()
    assert not LedgerEntry.objects.filter(budget_year__fund=fund, budget_year__year=2031).exists()
