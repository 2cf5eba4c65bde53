"""Every amount a person types is read into money the database can hold, or refused at its field."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from fremdrift.core.services import LARGEST_AMOUNT, parse_money

pytestmark = [pytest.mark.foundation]


@pytest.mark.parametrize(
    "typed", ["1e30", "1e999", "-1e999", "nan", "inf", "abc", "", "1e-5", "-1", "1" * 20]
)
def test_what_money_cannot_be_is_refused_at_the_field(typed):
    with pytest.raises(ValidationError) as refused:
        parse_money(typed, "amount")
    assert "amount" in refused.value.message_dict


@given(st.text(max_size=40) | st.decimals(allow_nan=True, allow_infinity=True).map(str))
def test_any_input_is_money_that_fits_or_a_refusal(typed):
    try:
        amount = parse_money(typed, "amount")
    except ValidationError as refused:
        assert "amount" in refused.message_dict
    else:
        assert Decimal(0) <= amount < LARGEST_AMOUNT and amount == amount.quantize(Decimal("0.01"))
