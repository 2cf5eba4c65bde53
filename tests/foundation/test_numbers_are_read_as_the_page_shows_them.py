"""What the page shows a number as, a person can type back: "250.000,00" in Danish, "250 000,00" in
Swedish, "250,000.00" in English, and the plain "250000.00" everywhere. Text that is no number, or
could be two, is refused. A spreadsheet's number cell is read as its format shows it: 15 %, not 0.15."""

import os
import subprocess
import sys
from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from fremdrift.core.formatting import editable, money, number, read_number
from fremdrift.core.numerals import Shown, Unreadable, from_cell

pytestmark = [pytest.mark.foundation]

LANGUAGES = ["da", "sv", "en"]
AMOUNTS = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), allow_nan=False, places=4)


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("da", "250.000,00"),
        ("da", "250 000,00"),
        ("da", "250000,00"),
        ("da", "250000"),
        ("da", "250000.00"),
        ("da", "250.000,00 kr."),
        ("da", "250.000,00 DKK"),
        ("da", "DKK 250.000"),
        ("sv", "250\xa0000,00"),
        ("sv", "250 000,00 SEK"),
        ("sv", "250.000,00"),
        ("sv", "250000.00"),
        ("en", "250,000.00"),
        ("en", "250000.00"),
        ("en", "250 000.00"),
        ("en", "250,000.00 DKK"),
    ],
)
def test_an_amount_is_read_as_the_page_shows_it_or_plain(language, typed):
    assert read_number(typed, language) == Decimal("250000")


@pytest.mark.parametrize(
    ("language", "typed", "value"),
    [
        ("da", "1.234", "1234"),  # a Dane's thousands
        ("da", "2,5", "2.5"),
        ("da", "2.5", "2.5"),  # no group has one digit: the plain form
        ("da", "0.500", "0.5"),  # nor starts with 0
        ("da", "1.234.567,89", "1234567.89"),
        ("da", "-220.044,39 DKK", "-220044.39"),
        ("sv", "1 234,75", "1234.75"),
        ("en", "1,234", "1234"),
        ("en", "2,5", "2.5"),
        ("en", "1,234.75", "1234.75"),
    ],
)
def test_the_languages_reading_wins_and_the_other_decimal_mark_is_read_where_it_cannot_group(
    language, typed, value
):
    assert read_number(typed, language) == Decimal(value)


@pytest.mark.parametrize(
    "typed",
    ["1.23.4", "1,2,3", "1.234 567", "1.234,5.6", "250.000.00", "5,", "1e30", "nan", "inf", "", "kr.", "- 5"],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_malformed_or_ambiguous_text_is_refused(language, typed):
    with pytest.raises(Unreadable):
        read_number(typed, language)


@pytest.mark.parametrize(("language", "typed"), [("da", "250 000.00"), ("en", "250.000,00")])
def test_groups_of_one_language_with_the_decimal_mark_of_the_other_are_refused(language, typed):
    with pytest.raises(Unreadable):
        read_number(typed, language)


@given(amount=AMOUNTS, language=st.sampled_from(LANGUAGES), currency=st.sampled_from(["", "DKK", "SEK"]))
def test_every_amount_the_page_shows_reads_back_as_that_amount(amount, language, currency):
    with translation.override(language):
        shown = money(amount, currency)
        assert read_number(shown) == amount.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP"), shown


@given(value=AMOUNTS, language=st.sampled_from(LANGUAGES))
def test_every_number_the_page_shows_reads_back_as_that_number(value, language):
    with translation.override(language):
        assert read_number(number(value)) == value.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
        assert read_number(editable(value)) == value  # in a form field, every decimal is kept


def test_the_reading_needs_no_django():
    modules = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, fremdrift.core.numerals; print(sorted(m for m in sys.modules if 'django' in m))",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},  # this test's fremdrift
    ).stdout
    assert modules.strip() == "[]"


@pytest.mark.parametrize(
    ("value", "number_format", "number", "unit"),
    [
        (0.15, "0%", "15", "%"),
        (0.155, "0.00%", "15.5", "%"),
        (250000.5, '#,##0.00 "kr."', "250000.5", "kr."),
        (
            250000.5,
            '_-* #,##0.00\\ "kr."_-;\\-* #,##0.00\\ "kr."_-;_-* "-"??\\ "kr."_-;_-@_-',
            "250000.5",
            "kr.",
        ),
        (250000, "[$DKK] #,##0", "250000", "DKK"),
        (1.5, "#,##0.00 [$kr.-406]", "1.5", "kr."),
        (12, "$#,##0.00", "12", "$"),
    ],
)
def test_a_spreadsheet_number_is_read_as_its_format_shows_it(value, number_format, number, unit):
    shown = from_cell(value, number_format)
    assert (shown, shown.unit) == (Decimal(number), unit)


@pytest.mark.parametrize(
    ("value", "number_format"),
    [(2026, "General"), (1234.5, "#,##0.00"), (3, "[Red]0.00"), (True, "0%"), ("15%", "@")],
)
def test_a_number_without_a_unit_or_a_text_stays_as_it_is(value, number_format):
    assert from_cell(value, number_format) == value and not isinstance(from_cell(value, number_format), Shown)
