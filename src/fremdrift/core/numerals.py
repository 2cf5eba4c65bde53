"""Reading a number as a person writes it: the counterpart of `core.formatting`'s display. Pure.

With a decimal comma (Danish, Swedish) "250.000,00", "250 000,00" (a space, a no-break space as
Swedish shows it, or a narrow one), "250000,00" and "250000" are all 250000; with a decimal point
(English) "250,000.00" and "250000.00". Groups after the first have exactly three digits and one
number uses one kind of group separator, so "1.23.4", "1,2,3" and "1.234 567" are refused.

Where the language's way reads nothing, the other decimal separator without groups is read: the
plain machine form "250000.00" in Danish, "2,5" (two and a half) in English. The language's way
wins where both read: "1.234" is one thousand two hundred and thirty-four in Danish, as a Dane reads
it, and "1,234" the same in English.

A currency the page shows before or after an amount ("250.000,00 DKK", "kr. 250") is dropped.
Exponents, "nan" and "inf" are not numbers a person types and are refused.

A spreadsheet's number cell is read as its number format shows it (`from_cell`): a per cent cell
that stores 0.15 shows 15 %, an amount keeps the currency its format writes ("kr.", "DKK").
"""

import re
from decimal import Decimal

SPACES = " \u00a0\u202f"
CURRENCY = r"(?:DKK|SEK|EUR|NOK|kr\.?)"
_AFFIXES = re.compile(
    rf"^(?:{CURRENCY}[{SPACES}]*)?(?P<number>.*?)(?:[{SPACES}]*{CURRENCY})?$", re.IGNORECASE | re.DOTALL
)


class Unreadable(ValueError):
    """The text is not a number written with the given decimal separator."""


def _written(decimal: str) -> re.Pattern:
    """Digits grouped by threes with one separator (or not at all), then the decimals. A first group
    that starts with 0 is not a group: "0.500" is a half."""
    groups = "|".join(
        rf"[1-9][0-9]{{0,2}}(?:{re.escape(separator)}[0-9]{{3}})+"
        for separator in ("." if decimal == "," else ",", *SPACES)
    )
    return re.compile(rf"(?:{groups}|[0-9]+)?(?:{re.escape(decimal)}[0-9]+)?")


_WRITTEN = {separator: _written(separator) for separator in ",."}
_UNGROUPED = {",": re.compile(r"[0-9]+(?:\.[0-9]+)?"), ".": re.compile(r"[0-9]+(?:,[0-9]+)?")}


def read(text: str, *, decimal: str) -> Decimal:
    """The number `text` writes, with `decimal` ("," or ".") as the decimal separator.

    Raises `Unreadable` when it is not a number so written."""
    number = _AFFIXES.match(str(text).strip())["number"]
    sign = ""
    if number[:1] in ("-", "\u2212"):
        sign, number = "-", number[1:]
    if _WRITTEN[decimal].fullmatch(number) and re.search("[0-9]", number):
        digits = re.sub(r"[^0-9" + re.escape(decimal) + "]", "", number).replace(decimal, ".")
    elif _UNGROUPED[decimal].fullmatch(number):
        digits = number.replace(",", ".")
    else:
        raise Unreadable(text)
    return Decimal(sign + digits)


class Shown(Decimal):
    """A number as a spreadsheet cell shows it, with the unit its format writes after or before it:
    "15 %" is Shown(15, "%"), "250.000,50 kr." is Shown(250000.50, "kr."). A Decimal like any other
    wherever only the number counts."""

    __slots__ = ("unit",)

    def __new__(cls, value, unit: str):
        shown = super().__new__(cls, value)
        shown.unit = unit
        return shown


# In an Excel number format: text in quotes, an escaped character, a currency ([$kr.-406]), other
# brackets (colours, conditions, locales), and the spacing (_x) and fill (*x) codes.
_FORMAT_PARTS = re.compile(
    r'"(?P<quoted>[^"]*)"|\\(?P<escaped>.)|\[\$(?P<currency>[^\]-]*)[^\]]*\]|\[[^\]]*\]|[_*].'
)
_CURRENCY_SIGNS = "$€£¥"


def from_cell(value, number_format: str | None):
    """A number cell's value as its number format shows it: a `Shown` number when the format writes
    a per cent sign (the value times 100) or a currency; anything else as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float) or number_format in (None, "General"):
        return value
    positive = number_format.split(";")[0]  # the formats for negatives, zero and text follow
    bare = _FORMAT_PARTS.sub("", positive)
    if "%" in bare:
        return Shown(Decimal(str(value)) * 100, "%")
    written = "".join(
        part["quoted"] or part["escaped"] or part["currency"] or ""
        for part in _FORMAT_PARTS.finditer(positive)
    )
    unit = (written + "".join(sign for sign in bare if sign in _CURRENCY_SIGNS)).strip()
    return Shown(Decimal(str(value)), unit) if unit else value
