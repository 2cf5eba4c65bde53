"""The one way amounts, numbers and percentages are shown: in the active language's format, with
grouped thousands ("420.000,00 DKK" in Danish, "420,000.00 DKK" in English). Templates use the
filters in `core/templatetags/numbers.py`; Python strings shown to a person call these functions.
Exports keep raw numbers (`core/spreadsheets.py`). `read_number` reads back what these show.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from django.utils.formats import get_format, number_format

from .numerals import Unreadable, read

NUMBER_PLACES = 2  # a measurement or other number is shown with at most this many decimals


def _rounded(value, places: int) -> Decimal | None:
    """`value` rounded half up to `places` decimals; None for something that is not a number."""
    try:
        exact = Decimal(str(value))
    except InvalidOperation:
        return None
    if not exact.is_finite():
        return None
    with localcontext() as context:
        context.prec = max(context.prec, exact.adjusted() + places + 2)  # 10^30 still rounds
        return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def money(amount, currency: str = "") -> str:
    """Two decimals and the currency code; empty for no amount."""
    if amount is None or amount == "":
        return ""
    rounded = _rounded(amount, 2)
    if rounded is None:
        return str(amount)
    text = number_format(rounded, decimal_pos=2, use_l10n=True, force_grouping=True)
    return f"{text} {currency}" if currency else text


def number(value, places: int = NUMBER_PLACES) -> str:
    """At most `places` decimals, without trailing zeros ("45.0000" shows as "45"); empty for none."""
    if value is None or value == "":
        return ""
    rounded = _rounded(value, places)
    if rounded is None:
        return str(value)
    # Only trailing decimal zeros go: normalize() would write 45000 as 4.5E+4.
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return number_format(Decimal(text), use_l10n=True, force_grouping=True)


def editable(value) -> str:
    """A number for an input field: every decimal it has ("1.234,75", "12,5" for 12.5000 stored
    with four), as `number` shows it; empty for none."""
    if value is None or value == "":
        return ""
    exponent = Decimal(str(value)).as_tuple().exponent
    return number(value, places=max(-exponent, 0))


def percent(value, places: int = 1) -> str:
    """A value in per cent (80 for 80 %), with at most `places` decimals; empty for none."""
    text = number(value, places)
    return f"{text} %" if text else ""


def read_number(value, language: str | None = None) -> Decimal:
    """The number a person wrote as `money` and `number` show numbers in `language` (the active
    one when None), or plainly with the other decimal mark where that reads nothing else
    (`core.numerals`); a number passes as it is. Raises `Unreadable` (a ValueError) otherwise."""
    if isinstance(value, bool):
        raise Unreadable(value)
    if isinstance(value, int | float | Decimal):
        exact = Decimal(str(value))
        if not exact.is_finite():
            raise Unreadable(value)
        return exact
    return read(value, decimal=get_format("DECIMAL_SEPARATOR", language, use_l10n=True))
