import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from fremdrift.spc import analyse, crossings_minimum, longest_run_limit, runs_analysis_batch

pytestmark = pytest.mark.spc


def reference_runs(values, centre):
    """The Anhøj rules written out plainly: (n_useful, longest run, crossings, runs signal)."""
    sides = [value > centre for value in values if not math.isnan(value) and value != centre]
    if not sides:
        return 0, -1, -1, False
    runs = [1]
    for before, after in zip(sides, sides[1:], strict=False):
        runs[-1:] = [runs[-1] + 1] if before == after else [runs[-1], 1]
    longest, crossings = max(runs), len(runs) - 1
    signal = longest > round(math.log2(len(sides))) + 3 or crossings < crossings_minimum(len(sides))
    return len(sides), longest, crossings, signal


def facts(batch, row=0):
    return (
        int(batch.n_useful[row]),
        int(batch.longest_run[row]),
        int(batch.n_crossings[row]),
        bool(batch.runs_signal[row]),
    )


def test_points_on_the_centre_line_and_missing_values_neither_break_nor_extend_a_run():
    values = [1, 2, 3, math.nan, 5, 6, 7, 4, 4, 1]
    batch = runs_analysis_batch([values], [4], run_lengths=True)
    assert facts(batch) == (7, 3, 2, False)
    assert batch.run_length[0].tolist() == [3, 3, 3, 0, 3, 3, 3, 0, 0, 1]
    assert (batch.longest_run_max[0], batch.n_crossings_min[0]) == (6, 1)


def test_a_shift_gives_a_long_run_and_too_few_crossings():
    values = [1, 2] * 5 + [8, 9] * 5
    batch = runs_analysis_batch([values], [5])
    assert facts(batch) == (20, 10, 1, True)
    assert (batch.longest_run_max[0], batch.n_crossings_min[0]) == (7, 6)


def test_a_row_without_useful_points_has_no_run_facts_and_no_signal():
    batch = runs_analysis_batch([[4.0, 4.0, math.nan]], [4.0])
    assert facts(batch) == (0, -1, -1, False)
    assert (batch.longest_run_max[0], batch.n_crossings_min[0], batch.n_obs[0]) == (-1, -1, 3)


def test_excluded_points_are_neither_observations_nor_useful():
    batch = runs_analysis_batch([[1.0, 9.0, 1.0, 9.0]], [5.0], np.array([[True, False, True, True]]))
    assert (int(batch.n_obs[0]), *facts(batch)) == (3, 3, 2, 1, False)


def test_centre_lines_may_differ_per_point():
    batch = runs_analysis_batch([[1.0, 2.0, 3.0]], [[0.0, 5.0, 0.0]])
    assert facts(batch) == (3, 1, 2, False)


series = hnp.arrays(
    np.float64,
    st.integers(1, 40),
    elements=st.one_of(st.integers(-3, 3).map(float), st.just(math.nan)),
)
centres = st.sampled_from([0.0, 0.5, -1.0])


@given(series, centres)
def test_the_batch_analysis_agrees_with_the_plain_rules(values, centre):
    assert facts(runs_analysis_batch([values], [centre])) == reference_runs(values, centre)


@given(series, centres)
def test_mirroring_around_the_centre_line_keeps_longest_run_and_crossings(values, centre):
    original = runs_analysis_batch([values], [centre])
    mirrored = runs_analysis_batch([2 * centre - values], [centre])
    assert facts(mirrored) == facts(original)


@given(series, centres)
def test_reversing_keeps_longest_run_and_crossings(values, centre):
    assert facts(runs_analysis_batch([values[::-1]], [centre])) == facts(
        runs_analysis_batch([values], [centre])
    )


matrices = hnp.arrays(
    np.float64,
    st.tuples(st.integers(1, 8), st.integers(1, 12)),
    elements=st.one_of(st.integers(-3, 3).map(float), st.just(math.nan)),
)


@given(matrices, centres)
def test_each_row_of_a_batch_is_analysed_on_its_own(rows, centre):
    batch = runs_analysis_batch(rows, np.full(len(rows), centre), run_lengths=True)
    for number, values in enumerate(rows):
        single = runs_analysis_batch([values], [centre], run_lengths=True)
        assert facts(batch, number) == facts(single)
        assert batch.run_length[number].tolist() == single.run_length[0].tolist()
    assert batch.longest_run_max.tolist() == [
        longest_run_limit(n) if n else -1 for n in batch.n_useful.tolist()
    ]


@given(series, centres)
def test_run_lengths_add_up_to_the_useful_points_and_reach_the_longest_run(values, centre):
    batch = runs_analysis_batch([values], [centre], run_lengths=True)
    lengths = batch.run_length[0]
    assert (lengths > 0).sum() == batch.n_useful[0]
    assert lengths.max(initial=-1) == max(batch.longest_run[0], 0)


whole_series = st.lists(st.one_of(st.integers(-5, 5), st.none()), min_size=1, max_size=40).filter(
    lambda values: any(value is not None for value in values)
)


def run_facts(analysis):
    (phase,) = analysis.phases
    return phase.n_useful, phase.longest_run, phase.n_crossings, phase.runs_signal


@given(whole_series, st.sampled_from(["run", "i"]))
def test_a_mirrored_chart_keeps_its_runs_analysis(values, chart):
    # The median and the mean mirror with the series, so every point keeps its distance to the line.
    mirrored = [None if value is None else -value for value in values]
    assert run_facts(analyse(mirrored, chart=chart)) == run_facts(analyse(values, chart=chart))


@given(whole_series, st.sampled_from(["run", "i"]))
def test_a_reversed_chart_keeps_its_runs_analysis(values, chart):
    assert run_facts(analyse(values[::-1], chart=chart)) == run_facts(analyse(values, chart=chart))
