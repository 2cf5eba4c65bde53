import math
from fractions import Fraction

import numpy as np
import pytest

from fremdrift.spc import crossings_minimum, longest_run_limit

pytestmark = pytest.mark.spc

# The table of the issue: n useful points -> (longest-run limit, crossings minimum).
PUBLISHED = {10: (6, 2), 12: (7, 3), 20: (7, 6), 24: (8, 8), 30: (8, 10), 50: (9, 19), 100: (10, 41)}


@pytest.mark.parametrize(("n_useful", "expected"), PUBLISHED.items())
def test_thresholds_reproduce_the_published_table(n_useful, expected):
    assert (longest_run_limit(n_useful), crossings_minimum(n_useful)) == expected


def test_arrays_give_the_same_thresholds_as_single_counts():
    counts = np.array(list(PUBLISHED))
    assert longest_run_limit(counts).tolist() == [limit for limit, _ in PUBLISHED.values()]
    assert crossings_minimum(counts).tolist() == [minimum for _, minimum in PUBLISHED.values()]


def binomial_quantile(probability: Fraction, trials: int) -> int:
    """R's qbinom(p, trials, 0.5) by definition: the smallest k with P(X <= k) >= p."""
    cumulative = Fraction(0)
    for k in range(trials + 1):
        cumulative += Fraction(math.comb(trials, k), 2**trials)
        if cumulative >= probability:
            return k
    raise AssertionError


def test_crossings_minimum_is_the_exact_binomial_quantile():
    for n_useful in [*range(1, 120), 250, 501, 1000]:
        assert crossings_minimum(n_useful) == binomial_quantile(Fraction(1, 20), n_useful - 1), n_useful


def test_longest_run_limit_rounds_log2_half_to_even_as_r():
    counts = range(1, 5000)
    assert [longest_run_limit(n) for n in counts] == [round(math.log2(n)) + 3 for n in counts]


def test_thresholds_of_short_and_empty_series():
    # qicharts2 analyses short series too: n = 1 gives 3 / 0, n = 5 gives 5 / 0.
    assert (longest_run_limit(1), crossings_minimum(1)) == (3, 0)
    assert (longest_run_limit(5), crossings_minimum(5)) == (5, 0)
    assert longest_run_limit(np.array([0, 3])).tolist() == [-1, 5]
