"""The two limits of the Anhøj runs rules, exactly as qicharts2 computes them.

longest run limit:   round(log2(n_useful)) + 3                (Schilling 2012)
crossings minimum:   qbinom(0.05, n_useful - 1, 0.5)          (Chen 2010)

R's round() rounds half to even, as numpy's rint() and Python's round() do. It never matters here:
log2 of a whole number is never exactly halfway between two integers.
"""

from functools import cache

import numpy as np


def longest_run_limit(n_useful):
    """The longest run expected by chance among `n_useful` points (an int, or an array of them).

    Undefined for 0 useful points; arrays give -1 there.
    """
    counts = np.asarray(n_useful)
    with np.errstate(divide="ignore"):
        limits = np.where(counts > 0, np.rint(np.log2(np.maximum(counts, 1))) + 3, -1).astype(np.int64)
    return int(limits) if limits.ndim == 0 else limits


@cache
def _crossings_minimum(n_useful: int) -> int:
    # The smallest k with P(X <= k) >= 0.05 for X ~ Binomial(n_useful - 1, 1/2), in exact integers:
    # P(X <= k) = sum(C(trials, i) for i <= k) / 2**trials, so compare 20 * sum with 2**trials.
    trials = max(n_useful - 1, 0)
    total = 1 << trials
    k = 0
    term = cumulative = 1  # C(trials, 0)
    while 20 * cumulative < total:
        term = term * (trials - k) // (k + 1)
        k += 1
        cumulative += term
    return k


def crossings_minimum(n_useful):
    """The fewest crossings expected by chance among `n_useful` points (an int, or an array of them)."""
    counts = np.asarray(n_useful, dtype=np.int64)
    if counts.ndim == 0:
        return _crossings_minimum(int(counts))
    table = np.array([_crossings_minimum(k) for k in range(int(counts.max(initial=0)) + 1)], dtype=np.int64)
    return table[counts]
