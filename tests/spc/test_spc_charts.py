"""Each chart type against numbers worked out by hand from qicharts2's formulas."""

import dataclasses
import math

import numpy as np
import pytest
from pytest import approx

from fremdrift.spc import CHART_TYPES, analyse, analyse_batch

pytestmark = pytest.mark.spc

# sigma = mean moving range / 1.128 for the values below: moving ranges 2, 1, 2, 4, 2 -> 2.2
I_VALUES = [10, 12, 11, 13, 9, 11]
I_SIGMA = 2.2 / 1.128


def only_phase(analysis):
    (phase,) = analysis.phases
    return phase


def test_run_chart_median_ties_are_not_useful():
    phase = only_phase(analyse([3, 5, 2, 8, 5, 7, 1, 9, 5, 6]))
    # Sorted 1 2 3 5 5 5 6 7 8 9: median 5, three points on it. Sides - - + + - + +.
    assert phase.as_dict() == {
        "n.obs": 10,
        "n.useful": 7,
        "longest.run": 2,
        "longest.run.max": 6,
        "n.crossings": 3,
        "n.crossings.min": 1,
        "runs.signal": False,
        "sigma.signal": 0,
        "cl": 5.0,
        "lcl": None,
        "ucl": None,
    }


def test_run_chart_shift_marks_the_points_of_the_long_run():
    analysis = analyse([1, 2] * 5 + [8, 9] * 5, chart="run")
    phase = only_phase(analysis)
    assert (phase.cl, phase.longest_run, phase.n_crossings, phase.runs_signal) == (5.0, 10, 1, True)
    assert all(point.in_long_run for point in analysis.points)
    assert not any(point.sigma_signal for point in analysis.points)


def test_in_long_run_marks_only_the_run_that_is_too_long():
    values = [1, 9, 1, 9, 1] + [9] * 9 + [1, 9, 1, 9, 1, 9, 1, 9, 1, 9]
    analysis = analyse(values, centre=5)
    phase = only_phase(analysis)
    assert (phase.n_useful, phase.longest_run, phase.longest_run_max) == (24, 9, 8)
    assert [point.index for point in analysis.points if point.in_long_run] == list(range(5, 14))


def test_i_chart_limits_from_the_average_moving_range():
    phase = only_phase(analyse(I_VALUES, chart="i"))
    assert phase.cl == 11
    assert phase.lcl == approx(11 - 3 * I_SIGMA)
    assert phase.ucl == approx(11 + 3 * I_SIGMA)
    assert phase.ucl == approx(16.85106, abs=1e-5)


def test_two_sigma_limits():
    phase = only_phase(analyse(I_VALUES, chart="i", sigma=2))
    assert (phase.lcl, phase.ucl) == (approx(11 - 2 * I_SIGMA), approx(11 + 2 * I_SIGMA))


def test_i_chart_missing_value_drops_the_moving_ranges_next_to_it():
    # As qicharts2's abs(diff(y)): ranges 2, NA, NA, 2 -> mean 2; centre (10+12+11+13)/4.
    analysis = analyse([10, 12, None, 11, 13], chart="i")
    phase = only_phase(analysis)
    assert phase.cl == 11.5
    assert phase.ucl == approx(11.5 + 3 * 2 / 1.128)
    assert phase.n_obs == 5 and phase.n_useful == 4
    assert analysis.points[2].value is None and not analysis.points[2].sigma_signal


def test_i_chart_centre_is_the_mean_as_r_computes_it():
    # sum(0.1, 0.2, 0.3) / 3 is 0.20000000000000004 in floating point; R's mean() gives 0.2, so
    # qicharts2 counts the middle point as on the centre line.
    phase = only_phase(analyse([0.1, 0.2, 0.3], chart="i"))
    assert phase.cl == 0.2
    assert phase.n_useful == 2


def test_i_chart_of_all_equal_values_has_no_useful_points_and_no_signal():
    analysis = analyse([7] * 12, chart="i")
    phase = only_phase(analysis)
    assert (phase.cl, phase.lcl, phase.ucl, phase.n_useful) == (7, 7, 7, 0)
    assert (phase.longest_run, phase.n_crossings, phase.runs_signal, phase.sigma_signal) == (
        None,
        None,
        False,
        0,
    )


def test_mr_chart():
    analysis = analyse(I_VALUES, chart="mr")
    phase = only_phase(analysis)
    assert [point.value for point in analysis.points] == [None, 2, 1, 2, 4, 2]
    assert phase.cl == approx(2.2)
    assert (phase.lcl, phase.ucl) == (0, approx(3.267 * 2.2))
    assert phase.runs_signal is False  # as qicharts2: moving ranges are not tested for runs


def test_mr_chart_never_gives_a_runs_signal():
    analysis = analyse([1, 2] * 6 + [1, 10] * 6, chart="mr")
    assert only_phase(analysis).runs_signal is False
    assert not any(point.in_long_run for point in analysis.points)


def test_p_chart_limits_per_point_kept_within_0_and_1():
    analysis = analyse([2, 6, 1, 4], denominators=[20, 30, 10, 40], chart="p")
    phase = only_phase(analysis)
    assert phase.cl == approx(0.13)
    assert [point.value for point in analysis.points] == approx([0.1, 0.2, 0.1, 0.1])
    expected_ucl = [0.13 + 3 * math.sqrt(0.13 * 0.87 / n) for n in (20, 30, 10, 40)]
    assert phase.ucl == approx(tuple(expected_ucl))
    assert phase.lcl == 0  # every lower limit is below 0 and is kept at 0
    clipped = only_phase(analyse([1, 1], denominators=[2, 2], chart="p"))
    assert (clipped.lcl, clipped.cl, clipped.ucl) == (0, 0.5, 1)


def test_u_chart():
    analysis = analyse([3, 5, 2], denominators=[10, 20, 5], chart="u")
    phase = only_phase(analysis)
    assert phase.cl == approx(10 / 35)
    assert phase.ucl == approx(tuple(10 / 35 + 3 * math.sqrt(10 / 35 / n) for n in (10, 20, 5)))
    assert phase.lcl == 0


def test_c_chart_lower_limit_not_below_zero():
    phase = only_phase(analyse([4, 6, 2, 8], chart="c"))
    assert (phase.cl, phase.lcl, phase.ucl) == (5, 0, approx(5 + 3 * math.sqrt(5)))
    high = only_phase(analyse([40, 60, 20, 80], chart="c"))
    assert high.lcl == approx(50 - 3 * math.sqrt(50))


def test_xbar_and_s_charts_of_equal_subgroups():
    subgroups = [[1, 2, 3], [2, 3, 4], [3, 4, 5]]  # means 2, 3, 4; every SD 1; n = 3
    c4 = math.sqrt(math.pi) / 2  # c4(3) = sqrt(2 / 2) * Gamma(3/2) / Gamma(1)
    a3 = 3 / (c4 * math.sqrt(3))
    b4 = 1 + 3 * math.sqrt(1 - c4**2) / c4
    xbar = only_phase(analyse(subgroups, chart="xbar", labels=["a", "b", "c"]))
    assert (xbar.cl, xbar.lcl, xbar.ucl) == (3, approx(3 - a3), approx(3 + a3))
    assert a3 == approx(1.954, abs=1e-3) and b4 == approx(2.568, abs=1e-3)  # the published table
    s = only_phase(analyse(subgroups, chart="s"))
    assert (s.cl, s.lcl, s.ucl) == (1, 0, approx(b4))


def test_xbar_chart_of_unequal_subgroups_uses_the_pooled_standard_deviation():
    analysis = analyse([[1, 2, 3], [2, 4], [3, 4, 5, 6]], chart="xbar")
    phase = only_phase(analysis)
    pooled = math.sqrt((2 * 1 + 1 * 2 + 3 * (5 / 3)) / (2 + 1 + 3))
    a3 = {2: 2.658681, 3: 1.954410, 4: 1.628103}
    assert phase.cl == approx(30 / 9)
    assert phase.ucl == approx(tuple(30 / 9 + a3[n] * pooled for n in (3, 2, 4)))
    assert [point.value for point in analysis.points] == approx([2, 3, 4.5])


def test_s_chart_subgroup_of_one_has_no_point():
    analysis = analyse([[1, 2, 3], [5], [3, 4, 5]], chart="s")
    assert analysis.points[1].value is None and analysis.points[1].lcl is None


@pytest.mark.parametrize(
    ("size", "c4", "a3", "b3", "b4"),
    [
        (2, 0.7979, 2.659, 0, 3.267),
        (5, 0.9400, 1.427, 0, 2.089),
        (10, 0.9727, 0.975, 0.284, 1.716),
        (25, 0.9896, 0.606, 0.565, 1.435),
    ],
)
def test_subgroup_constants_match_the_published_tables(size, c4, a3, b3, b4):
    from fremdrift.spc import limits

    assert limits.c4(size) == approx(c4, abs=1e-4)
    assert (limits.a3(size), limits.b3(size), limits.b4(size)) == (
        approx(a3, abs=1e-3),
        approx(b3, abs=1e-3),
        approx(b4, abs=1e-3),
    )


def laney_limits(counts, sizes, *, proportions):
    """Laney's P' and U' limits written out step by step."""
    centre = sum(counts) / sum(sizes)
    ratios = [count / size for count, size in zip(counts, sizes, strict=True)]
    spread = [math.sqrt((centre * (1 - centre) if proportions else centre) / size) for size in sizes]
    z_scores = [(ratio - centre) / sd for ratio, sd in zip(ratios, spread, strict=True)]
    ranges = [abs(after - before) for before, after in zip(z_scores, z_scores[1:], strict=False)]
    sigma_z = sum(ranges) / len(ranges) / 1.128
    lower = [max(centre - 3 * sd * sigma_z, 0) for sd in spread]
    upper = [centre + 3 * sd * sigma_z for sd in spread]
    return centre, lower, [min(limit, 1) for limit in upper] if proportions else upper


@pytest.mark.parametrize(("chart", "proportions"), [("pp", True), ("up", False)])
def test_laney_prime_charts(chart, proportions):
    counts = [120, 150, 90, 200, 130, 170, 110, 160]
    sizes = [1000, 1100, 900, 1300, 1000, 1200, 950, 1150]
    phase = only_phase(analyse(counts, denominators=sizes, chart=chart))
    centre, lower, upper = laney_limits(counts, sizes, proportions=proportions)
    assert phase.cl == approx(centre)
    assert phase.lcl == approx(tuple(lower))
    assert phase.ucl == approx(tuple(upper))


def test_fixed_centre_line():
    phase = only_phase(analyse(I_VALUES, chart="i", centre=12))
    assert (phase.cl, phase.ucl) == (12, approx(12 + 3 * I_SIGMA))


def test_phases_are_analysed_separately():
    analysis = analyse(
        [1, 2, 3, 4, 5, 10, 20, 30, 40], chart="run", phase_starts=[5], labels=list("abcdefghi")
    )
    first, second = analysis.phases
    assert (first.start, first.stop, first.cl, first.n_obs) == (0, 5, 3, 5)
    assert (second.start, second.stop, second.cl, second.n_obs) == (5, 9, 25, 4)
    assert [point.phase for point in analysis.points] == [1] * 5 + [2] * 4
    assert [point.label for point in analysis.points] == list("abcdefghi")


def test_frozen_baseline_tests_the_whole_phase_against_the_first_points():
    analysis = analyse([*I_VALUES, 20, 21, 22], chart="i", freeze=6)
    phase = only_phase(analysis)
    assert (phase.cl, phase.ucl, phase.frozen) == (11, approx(11 + 3 * I_SIGMA), 6)
    assert [point.sigma_signal for point in analysis.points] == [False] * 6 + [True] * 3
    assert [point.baseline for point in analysis.points] == [True] * 6 + [False] * 3
    # Sides against 11: - + 0 + - 0 + + +  -> 7 useful, runs 1 2 1 3, 3 crossings.
    assert (phase.n_obs, phase.n_useful, phase.longest_run, phase.n_crossings, phase.sigma_signal) == (
        9,
        7,
        3,
        3,
        3,
    )


def test_a_baseline_can_be_frozen_inside_a_later_phase():
    values = [5, 6, 5, 6, *I_VALUES, 20, 21, 22]
    analysis = analyse(values, chart="i", phase_starts=[4], freeze=[None, 6])
    first, second = analysis.phases
    assert (first.frozen, first.cl) == (None, 5.5)
    assert (second.frozen, second.cl, second.ucl, second.sigma_signal) == (6, 11, approx(11 + 3 * I_SIGMA), 3)


def test_excluded_points_leave_centre_limits_and_runs_but_are_still_tested():
    analysis = analyse([10, 12, 11, 30, 13, 9, 11], chart="i", exclude=[3])
    phase = only_phase(analysis)
    # Without point 3 the moving ranges are 2 1 2 4 2, as for I_VALUES.
    assert (phase.cl, phase.ucl, phase.n_obs) == (11, approx(11 + 3 * I_SIGMA), 6)
    excluded = analysis.points[3]
    assert (excluded.excluded, excluded.baseline, excluded.sigma_signal) == (True, False, True)


def test_short_series_are_analysed():
    phase = only_phase(analyse([1, 3, 2]))
    assert phase.as_dict()["longest.run.max"] == 3 + round(math.log2(2))
    assert (phase.n_useful, phase.runs_signal) == (2, False)


def test_run_chart_of_a_ratio():
    phase = only_phase(analyse([1, 2, 3], denominators=[10, 10, 10]))
    assert phase.cl == approx(0.2)


def test_results_are_frozen_dataclasses():
    analysis = analyse(I_VALUES, chart="i")
    for result in (analysis, analysis.points[0], analysis.phases[0]):
        with pytest.raises(dataclasses.FrozenInstanceError):
            result.chart = "x"


@pytest.mark.parametrize("chart", ["run", "i", "mr", "c", "p", "pp", "u", "up"])
def test_batch_and_single_series_agree(chart):
    generator = np.random.default_rng(7)
    sizes = generator.integers(50, 200, size=(5, 30)).astype(float)
    counts = generator.binomial(sizes.astype(int), 0.3).astype(float)
    counts[1, 4] = np.nan
    denominators = sizes if chart in ("p", "pp", "u", "up") else None
    batch = analyse_batch(counts, chart=chart, denominators=denominators)
    for row in range(5):
        single = analyse(
            list(counts[row]), chart=chart, denominators=None if denominators is None else list(sizes[row])
        )
        phase = only_phase(single)
        assert phase.cl == approx(batch.centre[row])
        assert phase.sigma_signal == batch.sigma_signal[row].sum()
        assert phase.n_useful == batch.runs.n_useful[row]
        assert phase.runs_signal == batch.runs.runs_signal[row]
        assert [point.ucl for point in single.points] == approx(
            [None if math.isnan(limit) else limit for limit in batch.ucl[row]], nan_ok=True
        )


def test_every_chart_type_is_covered():
    assert set(CHART_TYPES) == {"run", "i", "mr", "p", "u", "c", "xbar", "s", "pp", "up"}
