"""Bad input gives a clear SpcInputError naming the row; never a crash or a NaN in the output."""

import json
import math
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fremdrift.spc import CHART_TYPES, SpcInputError, analyse, analyse_batch

pytestmark = pytest.mark.spc


@pytest.mark.parametrize(
    ("arguments", "message", "row"),
    [
        ({"values": []}, "the series is empty", None),
        ({"values": [None, math.nan, None]}, "all values are missing", None),
        ({"values": [1, None], "chart": "p", "denominators": [None, 4]}, "all values are missing", None),
        ({"values": [1, "3,5", 2]}, "row 2: the value '3,5' is not a number", 2),
        ({"values": [1, True]}, "row 2: the value True is not a number", 2),
        ({"values": [1, 2, math.inf]}, "row 3: the value is infinite", 3),
        ({"values": [1, 2, 3], "chart": "p", "denominators": [10, 0, 10]}, "row 2: the denominator is 0", 2),
        (
            {"values": [1, 2, 3], "chart": "u", "denominators": [10, 10, -5]},
            "row 3: the denominator -5 is negative",
            3,
        ),
        ({"values": [4, -1, 3], "chart": "c"}, "row 2: the count -1 is negative", 2),
        (
            {"values": [4, 1, -3], "chart": "up", "denominators": [9, 9, 9]},
            "row 3: the count -3 is negative",
            3,
        ),
        (
            {"values": [4, 12], "chart": "p", "denominators": [10, 10]},
            "row 2: the count 12 is larger than the",
            2,
        ),
        (
            {"values": [1, 2], "chart": "p", "denominators": ["x", 2]},
            "row 1: the denominator 'x' is not a number",
            1,
        ),
        ({"values": [1, 2], "chart": "p"}, "a p chart needs denominators", None),
        ({"values": [1, 2], "chart": "c", "denominators": [3, 3]}, "a c chart takes no denominators", None),
        ({"values": [1, 2], "chart": "i", "denominators": [3]}, "2 values but 1 denominators", None),
        ({"values": [1, 2, 3], "chart": "xbar"}, "row 1: a subgroup must be a list of values", 1),
        ({"values": [[1, 2], [3, 4, "a"]], "chart": "s"}, "row 2: the value 'a' is not a number", 2),
        ({"values": [1, 2], "chart": "pareto"}, "unknown chart 'pareto'", None),
        ({"values": [1, 2], "sigma": 0}, "sigma must be a positive number", None),
        ({"values": [1, 2], "centre": "middle"}, "centre 'middle' is not a number", None),
        ({"values": [1, 2], "labels": ["a"]}, "2 points but 1 labels", None),
        ({"values": [1, 2, 3], "phase_starts": [3]}, "a phase cannot start at point 3", None),
        ({"values": [1, 2, 3], "phase_starts": [1.5]}, "phase start 1.5 is not a whole number", None),
        (
            {"values": [1, 2, 3], "freeze": 4},
            "cannot freeze a baseline of 4 points in phase 1, which has 3",
            None,
        ),
        ({"values": [1, 2, 3], "freeze": [2, 1]}, "freeze gives 2 baselines for 1 phases", None),
        ({"values": [1, 2, 3], "freeze": True}, "freeze True is not a whole number", None),
        ({"values": [1, 2, 3], "exclude": [3]}, "cannot exclude point 3", None),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(arguments, message, row):
    with pytest.raises(SpcInputError, match=message.replace("(", r"\(")) as raised:
        analyse(**arguments)
    assert raised.value.row == row
    assert isinstance(raised.value, ValueError)


def test_decimals_and_numpy_numbers_are_numbers():
    phase = analyse([Decimal("1.5"), np.float32(2.5), np.int64(3), Decimal("NaN")], chart="i").phases[0]
    assert phase.cl == pytest.approx(7 / 3) and (phase.n_obs, phase.n_useful) == (4, 3)


def test_a_point_missing_half_of_its_pair_is_missing():
    analysis = analyse([1, None, 3, 4], denominators=[10, 10, None, 10], chart="p")
    assert [point.value for point in analysis.points] == [0.1, None, None, 0.4]
    assert analysis.phases[0].cl == 5 / 20


def test_a_phase_of_only_missing_values_has_no_facts_but_does_not_fail():
    analysis = analyse([1, 2, 3, None, None], chart="i", phase_starts=[3])
    second = analysis.phases[1]
    assert (second.cl, second.lcl, second.n_useful, second.longest_run, second.runs_signal) == (
        None,
        None,
        0,
        None,
        False,
    )
    assert "no useful points" in second.explanation("en").lower()


def test_batch_errors_name_series_and_row():
    counts = np.array([[1.0, 2.0], [3.0, 4.0]])
    with pytest.raises(SpcInputError, match="series 2, row 1: the denominator is 0"):
        analyse_batch(counts, chart="p", denominators=np.array([[5.0, 5.0], [0.0, 5.0]]))
    with pytest.raises(SpcInputError, match="series 1, row 2: the value is infinite"):
        analyse_batch([[1.0, np.inf]])
    with pytest.raises(SpcInputError, match="analysed one series at a time"):
        analyse_batch(counts, chart="xbar")
    with pytest.raises(SpcInputError, match="must be numbers"):
        analyse_batch([["a", "b"]])


cells = st.one_of(st.none(), st.integers(0, 30), st.floats(0, 30, allow_nan=False))


@given(
    st.lists(cells, min_size=1, max_size=30).filter(lambda values: any(v is not None for v in values)),
    st.sampled_from(CHART_TYPES),
    st.integers(1, 30),
)
def test_any_valid_series_gives_json_without_nan(values, chart, denominator):
    if chart in ("xbar", "s"):
        values = [values[i : i + 3] for i in range(0, len(values), 3)]
        if all(v is None for subgroup in values for v in subgroup):
            return
    denominators = [max(denominator, v or 0) for v in values] if chart in ("p", "pp", "u", "up") else None
    analysis = analyse(
        values,
        chart=chart,
        denominators=denominators,
        phase_starts=[len(values) // 2] if len(values) > 1 else [],
    )
    summaries = [phase.as_dict() for phase in analysis.phases]
    json.dumps(summaries, allow_nan=False)
    json.dumps(
        [[point.value, point.centre, point.lcl, point.ucl] for point in analysis.points], allow_nan=False
    )
    for language in ("da", "sv", "en"):
        assert all(phase.explanation(language) for phase in analysis.phases)
