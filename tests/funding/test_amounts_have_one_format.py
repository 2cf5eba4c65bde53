"""Every amount on the fund's pages is money in the fund's currency, in the reader's format
("420.000,00 DKK"), never a bare number ("420000,00")."""

import pytest
from django.urls import reverse

from funding.people import INNOVATION

pytestmark = [pytest.mark.funding]


@pytest.fixture
def granted(world):
    from fremdrift.funding.models import Application

    return Application.objects.get(status="granted", project__isnull=False)


def test_the_application_page_shows_its_money_in_the_one_format(client_for, granted):
    text = client_for(INNOVATION).get(reverse("funding:application", args=[granted.pk])).content.decode()
    assert "420.000,00 DKK" in text  # granted
    assert "200.000,00 DKK" in text  # paid out
    assert "420000" not in text and "200000" not in text


def test_the_ledger_shows_every_amount_with_the_currency(client_for, fund):
    text = client_for(INNOVATION).get(reverse("funding:fund", args=[fund.pk])).content.decode()
    assert "2.500.000,00 DKK" in text  # the budget of a year
    assert "420.000,00 DKK" in text and "200.000,00 DKK" in text  # the grant and its payment
    assert "2500000" not in text and "2.500.000,00<" not in text
