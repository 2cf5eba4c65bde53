"""Statistics along the rows of a 2-D array (one series a row), over the points a mask selects.

Missing values are NaN and are skipped, as R's `na.rm = TRUE` does. A row with nothing to
summarise gives NaN.
"""

import numpy as np


def masked_sum(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    return np.where(mask & ~np.isnan(values), values, 0.0).sum(axis=1)


def masked_mean(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The mean of the selected values of each row, computed as R's mean() does.

    R refines the plain sum / n by the mean of the residuals; without that refinement a mean such as
    that of 0.1, 0.2 and 0.3 misses 0.2 by one unit in the last place, and a point that qicharts2
    sees exactly on the centre line would count as useful here.
    """
    use = mask & ~np.isnan(values)
    count = use.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(use, values, 0.0).sum(axis=1) / count
        residual = np.where(use, values - mean[:, None], 0.0).sum(axis=1)
        return mean + residual / count


def masked_median(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The median of the selected values of each row (the mean of the middle two for an even count)."""
    ordered = np.sort(np.where(mask, values, np.nan), axis=1)  # NaN sorts last
    count = (~np.isnan(ordered)).sum(axis=1)
    low = np.take_along_axis(ordered, np.maximum((count - 1) // 2, 0)[:, None], axis=1)[:, 0]
    high = np.take_along_axis(ordered, np.maximum(count // 2, 0)[:, None], axis=1)[:, 0]
    # (low + high) / 2 is exact division of the rounded sum, which is what R's mean() of the two gives.
    return np.where(count > 0, (low + high) / 2, np.nan)


def previous_selected(mask: np.ndarray) -> np.ndarray:
    """For each position, the column of the nearest selected point before it in its row, or -1."""
    rows, columns = mask.shape
    last = np.maximum.accumulate(np.where(mask, np.arange(columns), -1), axis=1)
    previous = np.full_like(last, -1)
    previous[:, 1:] = last[:, :-1]
    return previous


def mean_moving_range(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The average moving range of the selected points of each row, as qicharts2 computes it.

    qicharts2 takes `abs(diff(y[base]))`: points outside the selection (excluded points, points after
    a frozen baseline) are skipped, so their neighbours become consecutive; a missing value stays in
    place and so drops the two ranges next to it.
    """
    previous = previous_selected(mask)
    has_previous = mask & (previous >= 0)
    before = np.take_along_axis(values, np.maximum(previous, 0), axis=1)
    return masked_mean(np.abs(values - before), has_previous)
