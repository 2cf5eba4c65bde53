"""The Anhøj runs analysis, vectorised over many series at once (one series a row).

A point is useful when it is present, included and not exactly on the centre line. A run is a
sequence of useful points on the same side of the centre line; a crossing is a change of side
between consecutive useful points. Points that are not useful neither break nor extend a run.
"""

from dataclasses import dataclass

import numpy as np

from .rowstats import previous_selected
from .thresholds import crossings_minimum, longest_run_limit


@dataclass(frozen=True)
class RunsBatch:
    """The runs analysis of each row. Counts that are undefined without useful points are -1 there."""

    n_obs: np.ndarray
    n_useful: np.ndarray
    longest_run: np.ndarray
    longest_run_max: np.ndarray
    n_crossings: np.ndarray
    n_crossings_min: np.ndarray
    runs_signal: np.ndarray
    # Per point: the length of the run the point belongs to, 0 for points that are not useful.
    # Only computed when asked for.
    run_length: np.ndarray | None = None


def runs_analysis_batch(
    values, centre, included: np.ndarray | None = None, *, run_lengths: bool = False
) -> RunsBatch:
    """Analyse each row of `values` (2-D, NaN for missing) against its centre line.

    `centre` is one value per row or one per point; `included` (same shape as values) leaves out
    excluded points, which do not count as observations either.
    """
    values = np.atleast_2d(np.asarray(values, dtype=float))
    centre = np.asarray(centre, dtype=float)
    if centre.ndim == 1:
        centre = centre[:, None]
    with np.errstate(invalid="ignore"):
        side = np.nan_to_num(np.sign(values - centre)).astype(np.int8)
    if included is not None:
        side[~included] = 0
    useful = side != 0

    previous = previous_selected(useful)
    previous_side = np.where(previous >= 0, np.take_along_axis(side, np.maximum(previous, 0), axis=1), 0)
    run_starts = useful & (side != previous_side)

    # Position of each useful point within its run: useful points so far minus those before the run.
    seen = np.cumsum(useful, axis=1, dtype=np.int32)
    seen_at_run_start = np.maximum.accumulate(np.where(run_starts, seen, 0), axis=1)
    position_in_run = np.where(useful, seen - seen_at_run_start + 1, 0)

    n_useful = seen[:, -1] if seen.shape[1] else np.zeros(len(seen), dtype=np.int32)
    has_useful = n_useful > 0
    longest_run = np.where(has_useful, position_in_run.max(axis=1, initial=0), -1)
    n_crossings = np.where(has_useful, run_starts.sum(axis=1) - 1, -1)
    longest_run_max = longest_run_limit(n_useful)
    n_crossings_min = np.where(has_useful, crossings_minimum(n_useful), -1)
    runs_signal = has_useful & ((longest_run > longest_run_max) | (n_crossings < n_crossings_min))

    return RunsBatch(
        n_obs=np.full(len(values), values.shape[1]) if included is None else included.sum(axis=1),
        n_useful=n_useful,
        longest_run=longest_run,
        longest_run_max=longest_run_max,
        n_crossings=n_crossings,
        n_crossings_min=n_crossings_min,
        runs_signal=runs_signal,
        run_length=_run_lengths(useful, run_starts) if run_lengths else None,
    )


def _run_lengths(useful: np.ndarray, run_starts: np.ndarray) -> np.ndarray:
    rows, columns = useful.shape
    run_number = np.cumsum(run_starts, axis=1)  # 1, 2, ... within a row; at most `columns`
    key = np.arange(rows)[:, None] * (columns + 1) + run_number
    lengths = np.bincount(key[useful], minlength=rows * (columns + 1))
    return np.where(useful, lengths[key], 0)
