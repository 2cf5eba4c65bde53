"""Time frames and statuses as units write them in their spreadsheets are understood."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fremdrift.strategy import xlsx

pytestmark = [pytest.mark.strategy]

D = dt.date


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("Jan – juni 2016", D(2016, 1, 1), D(2016, 6, 30)),
        ("Marts - juli 2016", D(2016, 3, 1), D(2016, 7, 31)),
        ("Jan – 16 - juni 2017", D(2016, 1, 1), D(2017, 6, 30)),
        ("Marts – sept. – 16.", D(2016, 3, 1), D(2016, 9, 30)),
        ("April –16 - dec. 17.", D(2016, 4, 1), D(2017, 12, 31)),
        ("Jan-16 til april-16", D(2016, 1, 1), D(2016, 4, 30)),
        ("Februar 2016", D(2016, 2, 1), D(2016, 2, 29)),
        ("2017", D(2017, 1, 1), D(2017, 12, 31)),
        ("Start august 2016, gennemført med udgangen af 2017.", D(2016, 8, 1), D(2017, 12, 31)),
        ("januari – mars 2025", D(2025, 1, 1), D(2025, 3, 31)),
        ("Oct 2024 to May 2025", D(2024, 10, 1), D(2025, 5, 31)),
        ("01.03.2026 – 30.09.2026", D(2026, 3, 1), D(2026, 9, 30)),
        ("2026-03-01 – 2026-09-30", D(2026, 3, 1), D(2026, 9, 30)),
        ("Løbende (01.03.2016 – 31.12.2016)", D(2016, 3, 1), D(2016, 12, 31)),
    ],
)
def test_danish_swedish_and_english_periods_become_dates(written, start, end):
    assert xlsx.parse_time_frame(written) == (start, end)


@pytest.mark.parametrize("written", ["Løbende", "Fortløbende", "?", "", "Når budgettet er vedtaget"])
def test_periods_without_dates_are_kept_as_written_without_dates(written):
    assert xlsx.parse_time_frame(written) == (None, None)


@pytest.mark.parametrize(
    "written", ["Jan – juni", "31.02.2026", "dec 2017 – jan 2016", "(31.12.2026 – 01.01.2026)"]
)
def test_dates_that_cannot_be_read_are_refused(written):
    with pytest.raises(xlsx.TimeFrameError):
        xlsx.parse_time_frame(written)


@pytest.mark.parametrize(
    ("written", "status", "note"),
    [
        ("I gang", "in_progress", ""),
        ("i GANG", "in_progress", ""),
        ("Igangsat. Påbegyndt business case", "in_progress", "Påbegyndt business case"),
        ("Afsluttet", "completed", ""),
        ("Standby", "on_standby", ""),
        ("Afventer svar fra IT", "on_standby", "Afventer svar fra IT"),
        ("Pågår", "in_progress", ""),
        ("Avslutad", "completed", ""),
        ("vilande – i väntan på budget", "on_standby", "i väntan på budget"),
        ("Dropped", "dropped", ""),
        ("Not started", "not_started", ""),
        ("", "not_started", ""),
    ],
)
def test_status_words_in_three_languages_are_understood_in_any_case(written, status, note):
    assert xlsx.parse_status(written) == (status, note)


@pytest.mark.parametrize("written", ["Step 1 er klar", "Måske", "50 %"])
def test_unknown_status_words_are_refused(written):
    with pytest.raises(xlsx.StatusError):
        xlsx.parse_status(written)


@pytest.mark.parametrize("language", ["da", "sv", "en"])
@pytest.mark.parametrize("status", xlsx.STATUSES)
def test_every_status_written_is_read_back(status, language):
    assert xlsx.parse_status(xlsx.format_status(status, "en note", language)) == (status, "en note")


dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31))


@given(
    text=st.sampled_from(["", "Løbende", "Jan – juni 2016", "2018"]),
    start=st.none() | dates,
    end=st.none() | dates,
)
def test_a_written_time_frame_reads_back_as_the_same_dates(text, start, end):
    if start and end and end < start:
        start, end = end, start
    written = xlsx.format_time_frame(text, start, end)
    parsed = xlsx.parse_time_frame(written)
    if start is None and end is None:
        assert written == text
    else:
        assert parsed == (start, end)
