from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

pytestmark = [pytest.mark.foundation]

FILTERS = Template("{% load numbers %}{{ amount|money:currency }}|{{ value|number }}|{{ share|percent }}")


def shown(language, **values):
    values = {"amount": None, "currency": "", "value": None, "share": None, **values}
    with translation.override(language):
        return FILTERS.render(Context(values))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("da", "420.000,00 DKK|45|80,5 %"),
        ("sv", "420\xa0000,00 SEK|45|80,5 %"),
        ("en", "420,000.00 DKK|45|80.5 %"),
    ],
)
def test_money_numbers_and_percentages_in_the_users_language(language, expected):
    currency = "SEK" if language == "sv" else "DKK"
    values = {"amount": Decimal("420000"), "currency": currency, "value": Decimal("45.0000"), "share": 80.5}
    assert shown(language, **values) == expected


def test_a_negative_amount_keeps_its_sign_and_is_rounded_half_up():
    assert shown("da", amount=Decimal("-220044.385"), currency="DKK") == "-220.044,39 DKK||"


def test_numbers_drop_trailing_zeros_but_keep_thousands():
    assert shown("da", value=Decimal("45000.50")) == "|45.000,5|"


def test_nothing_shows_as_nothing():
    assert shown("da") == "||"


def test_a_huge_number_is_written_out_not_as_an_exponent():
    assert shown("en", value=Decimal("1E+30")) == "|1,000,000,000,000,000,000,000,000,000,000|"
