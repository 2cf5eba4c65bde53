"""Centre line and control limits for each chart type, following qicharts2's formulas.

Every chart function takes the data of one phase of one or more equal-length series (one series a
row), a mask of the baseline points the centre line and limits are computed from (the frozen
baseline minus excluded points), an optional fixed centre line and the width of the limits in
sigmas. It returns the plotted values, the centre line of each row and the limits of each point.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .rowstats import masked_mean, masked_median, masked_sum, mean_moving_range

D2 = 1.128  # d2 for moving ranges of two points: sigma = mean moving range / d2
D4_OVER_3 = 3.267 / 3  # qicharts2 draws the MR chart's upper limit at (3.267 / 3) * sigma * mean MR


@dataclass(frozen=True)
class ChartInput:
    """The points of one or more series as 2-D float arrays (NaN for missing).

    values:       the measurement, the count (numerator) or, for subgroups, the subgroup mean.
    denominators: the denominator of a ratio, or the subgroup size; None when the chart has none.
    spreads:      the subgroup standard deviation (Xbar and S charts only).
    """

    values: np.ndarray
    denominators: np.ndarray | None = None
    spreads: np.ndarray | None = None

    def __getitem__(self, index) -> "ChartInput":
        """The same numpy index (rows, or rows and columns) applied to every array."""

        def cut(array):
            return None if array is None else array[index]

        return ChartInput(cut(self.values), cut(self.denominators), cut(self.spreads))


@dataclass(frozen=True)
class Lines:
    values: np.ndarray  # the plotted values
    centre: np.ndarray  # one per row
    lcl: np.ndarray  # one per point, NaN where there is no limit
    ucl: np.ndarray

    def outside(self) -> np.ndarray:
        """The sigma signals: points outside the limits (comparisons with NaN are false)."""
        return (self.values > self.ucl) | (self.values < self.lcl)


def _ratio(data: ChartInput) -> np.ndarray:
    if data.denominators is None:
        return data.values
    return data.values / data.denominators


def _centre(computed: Callable[[], np.ndarray], fixed: float | None, rows: int) -> np.ndarray:
    return np.full(rows, float(fixed)) if fixed is not None else computed()


def _symmetric(values, centre, spread, sigma, *, floor=None, ceiling=None) -> Lines:
    """Limits at centre ± sigma × spread, clipped where the quantity cannot go."""
    centre_column = centre[:, None]
    lcl = np.broadcast_to(centre_column - sigma * spread, values.shape)
    ucl = np.broadcast_to(centre_column + sigma * spread, values.shape)
    if floor is not None:
        lcl = np.where(lcl < floor, floor, lcl)
    if ceiling is not None:
        ucl = np.where(ucl > ceiling, ceiling, ucl)
    return Lines(values, centre, lcl, ucl)


def run_chart(data: ChartInput, baseline: np.ndarray, centre: float | None, sigma: float) -> Lines:
    values = _ratio(data)
    nothing = np.full(values.shape, np.nan)
    return Lines(
        values, _centre(lambda: masked_median(values, baseline), centre, len(values)), nothing, nothing
    )


def i_chart(data: ChartInput, baseline: np.ndarray, centre: float | None, sigma: float) -> Lines:
    values = _ratio(data)
    line = _centre(lambda: masked_mean(values, baseline), centre, len(values))
    spread = mean_moving_range(values, baseline)[:, None] / D2
    return _symmetric(values, line, spread, sigma)


def mr_chart(data: ChartInput, baseline: np.ndarray, centre: float | None, sigma: float) -> Lines:
    measured = _ratio(data)
    values = np.full(measured.shape, np.nan)
    values[:, 1:] = np.abs(np.diff(measured, axis=1))  # the first point of a phase has no range
    line = _centre(lambda: masked_mean(values, baseline), centre, len(values))
    lcl = np.zeros(values.shape)
    ucl = np.broadcast_to((D4_OVER_3 * sigma * line)[:, None], values.shape)
    return Lines(values, line, lcl, ucl)


def _pooled_rate(data: ChartInput, baseline: np.ndarray) -> np.ndarray:
    """sum(numerators) / sum(denominators) over the baseline (a point's pair is missing together)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return masked_sum(data.values, baseline) / masked_sum(
            data.denominators, baseline & ~np.isnan(data.values)
        )


def _laney_factor(values, line, spread, baseline) -> np.ndarray:
    """Laney's sigma_z: the mean moving range of the baseline z-scores / d2."""
    with np.errstate(invalid="ignore", divide="ignore"):
        z_scores = (values - line[:, None]) / spread
    return mean_moving_range(z_scores, baseline)[:, None] / D2


def _proportion_chart(laney: bool):
    def chart(data: ChartInput, baseline: np.ndarray, centre: float | None, sigma: float) -> Lines:
        values = _ratio(data)
        line = _centre(lambda: _pooled_rate(data, baseline), centre, len(values))
        with np.errstate(invalid="ignore"):
            spread = np.sqrt(line[:, None] * (1 - line[:, None]) / data.denominators)
        if laney:
            spread = spread * _laney_factor(values, line, spread, baseline)
        return _symmetric(values, line, spread, sigma, floor=0.0, ceiling=1.0)

    return chart


def _rate_chart(laney: bool):
    def chart(data: ChartInput, baseline: np.ndarray, centre: float | None, sigma: float) -> Lines:
        values = _ratio(data)
        line = _centre(lambda: _pooled_rate(data, baseline), centre, len(values))
        with np.errstate(invalid="ignore"):
            spread = np.sqrt(line[:, None] / data.denominators)
        if laney:
            spread = spread * _laney_factor(values, line, spread, baseline)
        return _symmetric(values, line, spread, sigma, floor=0.0)

    return chart


def c_chart(data: ChartInput, baseline: np.ndarray, centre: float | None, sigma: float) -> Lines:
    line = _centre(lambda: masked_mean(data.values, baseline), centre, len(data.values))
    with np.errstate(invalid="ignore"):
        spread = np.sqrt(line)[:, None]
    return _symmetric(data.values, line, spread, sigma, floor=0.0)


# Constants for subgroups of size n, from the gamma function as qicharts2 computes them:
# c4 = sqrt(2 / (n - 1)) * Gamma(n / 2) / Gamma((n - 1) / 2), c5 = sqrt(1 - c4^2). Undefined for n < 2.
def _c4(size: float) -> float:
    if not size >= 2:
        return math.nan
    return math.sqrt(2 / (size - 1)) * math.exp(math.lgamma(size / 2) - math.lgamma((size - 1) / 2))


c4 = np.vectorize(_c4, otypes=[float])


def c5(sizes):
    return np.sqrt(1 - c4(sizes) ** 2)


def a3(sizes, sigma: float = 3.0):
    with np.errstate(invalid="ignore"):
        return sigma / (c4(sizes) * np.sqrt(sizes))


def b3(sizes, sigma: float = 3.0):
    return np.maximum(0.0, 1 - sigma * c5(sizes) / c4(sizes))


def b4(sizes, sigma: float = 3.0):
    return 1 + sigma * c5(sizes) / c4(sizes)


def _within_subgroup_sigma(data: ChartInput, baseline: np.ndarray) -> np.ndarray:
    """qicharts2's estimate: the mean subgroup SD, or the pooled SD when subgroup sizes vary.

    Only subgroups with values count when deciding whether sizes vary.
    """
    sizes = data.denominators
    present = sizes > 0
    varying = np.where(present, sizes, -np.inf).max(axis=1) != np.where(present, sizes, np.inf).min(axis=1)
    use = baseline & present
    with np.errstate(invalid="ignore", divide="ignore"):
        pooled = np.sqrt(masked_sum((sizes - 1) * data.spreads**2, use) / masked_sum(sizes - 1, use))
    return np.where(varying, pooled, masked_mean(data.spreads, baseline))


def _grand_mean(data: ChartInput, baseline: np.ndarray) -> np.ndarray:
    """sum(size × subgroup mean) / sum(size) over the baseline."""
    present = baseline & (data.denominators > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return masked_sum(data.denominators * data.values, present) / masked_sum(data.denominators, present)


def xbar_chart(data: ChartInput, baseline: np.ndarray, centre: float | None, sigma: float) -> Lines:
    line = _centre(lambda: _grand_mean(data, baseline), centre, len(data.values))
    spread = a3(data.denominators, 1.0) * _within_subgroup_sigma(data, baseline)[:, None]
    return _symmetric(data.values, line, spread, sigma)


def s_chart(data: ChartInput, baseline: np.ndarray, centre: float | None, sigma: float) -> Lines:
    line = _centre(lambda: _within_subgroup_sigma(data, baseline), centre, len(data.values))
    lcl = b3(data.denominators, sigma) * line[:, None]
    ucl = b4(data.denominators, sigma) * line[:, None]
    return Lines(data.spreads, line, lcl, ucl)


ChartFunction = Callable[[ChartInput, np.ndarray, float | None, float], Lines]

CHARTS: dict[str, ChartFunction] = {
    "run": run_chart,
    "i": i_chart,
    "mr": mr_chart,
    "p": _proportion_chart(laney=False),
    "pp": _proportion_chart(laney=True),
    "u": _rate_chart(laney=False),
    "up": _rate_chart(laney=True),
    "c": c_chart,
    "xbar": xbar_chart,
    "s": s_chart,
}
