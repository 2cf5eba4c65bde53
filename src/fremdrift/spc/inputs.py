"""Turning the caller's values into checked 2-D arrays, with errors that name the row.

Missing values (None or NaN) are allowed and become NaN. Everything that cannot be analysed raises
SpcInputError: it never turns into a NaN in the output.
"""

import math
import numbers
from collections.abc import Iterable, Sequence
from decimal import Decimal

import numpy as np

from .errors import SpcInputError
from .limits import ChartInput

SUBGROUP_CHARTS = frozenset({"xbar", "s"})
NEEDS_DENOMINATORS = frozenset({"p", "pp", "u", "up"})
TAKES_DENOMINATORS = NEEDS_DENOMINATORS | {"run", "i", "mr"}  # run, I and MR charts of a ratio
COUNTS = NEEDS_DENOMINATORS | {"c"}
PROPORTIONS = frozenset({"p", "pp"})


def _place(row: int, series: int | None) -> str:
    return f"row {row}" if series is None else f"series {series + 1}, row {row}"


def _number(value, row: int, what: str) -> float:
    if value is None:
        return math.nan
    if isinstance(value, bool) or not isinstance(value, numbers.Real | Decimal):
        raise SpcInputError(f"row {row}: {what} {value!r} is not a number", row=row)
    number = float(value)
    if math.isinf(number):
        raise SpcInputError(f"row {row}: {what} is infinite", row=row)
    return number


def _numbers(values: Iterable, what: str) -> np.ndarray:
    return np.array([_number(value, row, what) for row, value in enumerate(values, 1)], dtype=float)


def _subgroup_statistics(subgroups: Sequence) -> ChartInput:
    means, sizes, spreads = [], [], []
    for row, subgroup in enumerate(subgroups, 1):
        if isinstance(subgroup, str | bytes) or not isinstance(subgroup, Iterable):
            raise SpcInputError(f"row {row}: a subgroup must be a list of values, not {subgroup!r}", row=row)
        present = np.array([_number(value, row, "the value") for value in subgroup], dtype=float)
        present = present[~np.isnan(present)]
        sizes.append(len(present))
        means.append(present.mean() if len(present) else math.nan)
        spreads.append(present.std(ddof=1) if len(present) > 1 else math.nan)
    return ChartInput(np.array([means]), np.array([sizes], dtype=float), np.array([spreads]))


def series_input(values: Sequence, denominators: Sequence | None, chart: str) -> ChartInput:
    """One series as a 1-row ChartInput; for Xbar and S charts `values` holds one list per subgroup."""
    if len(values) == 0:
        raise SpcInputError("the series is empty")
    if chart in SUBGROUP_CHARTS:
        _check_denominators_allowed(denominators, chart)
        data = _subgroup_statistics(values)
    else:
        numerators = _numbers(values, "the value")[None, :]
        if denominators is not None:
            if len(denominators) != len(values):
                raise SpcInputError(f"there are {len(values)} values but {len(denominators)} denominators")
            denominators = _numbers(denominators, "the denominator")[None, :]
        data = checked(numerators, denominators, chart, batch=False)
    if np.isnan(data.values).all():
        raise SpcInputError("all values are missing")
    return data


def matrix_input(values, denominators, chart: str) -> ChartInput:
    """Many equal-length series (one a row) for the batch analysis; subgroup charts are not batched."""
    if chart in SUBGROUP_CHARTS:
        raise SpcInputError(f"{chart} charts are analysed one series at a time with analyse()")
    try:
        numerators = np.atleast_2d(np.asarray(values, dtype=float))
        if denominators is not None:
            denominators = np.atleast_2d(np.asarray(denominators, dtype=float))
    except (TypeError, ValueError) as error:
        raise SpcInputError(f"the values must be numbers: {error}") from None
    if numerators.ndim != 2 or numerators.shape[1] == 0:
        raise SpcInputError("the values must be a non-empty 2-D array, one series a row")
    if denominators is not None and denominators.shape != numerators.shape:
        raise SpcInputError(
            f"the denominators have shape {denominators.shape}, the values {numerators.shape}"
        )
    _refuse(np.isinf(numerators), lambda v, d: "the value is infinite", numerators, denominators, True)
    if denominators is not None:
        _refuse(
            np.isinf(denominators), lambda v, d: "the denominator is infinite", numerators, denominators, True
        )
    return checked(numerators, denominators, chart, batch=True)


def _check_denominators_allowed(denominators, chart: str) -> None:
    if denominators is None and chart in NEEDS_DENOMINATORS:
        raise SpcInputError(f"a {chart} chart needs denominators")
    if denominators is not None and chart not in TAKES_DENOMINATORS:
        raise SpcInputError(f"a {chart} chart takes no denominators")


def _refuse(mask: np.ndarray, describe, values: np.ndarray, denominators, batch: bool) -> None:
    """Raise for the first point the mask marks, naming its row (and series, in a batch)."""
    hits = np.argwhere(mask)
    if len(hits):
        series, column = (int(i) for i in hits[0])
        denominator = None if denominators is None else denominators[series, column]
        message = describe(values[series, column], denominator)
        raise SpcInputError(f"{_place(column + 1, series if batch else None)}: {message}", row=column + 1)


def _format(number: float) -> str:
    return f"{number:g}"


def checked(
    numerators: np.ndarray, denominators: np.ndarray | None, chart: str, *, batch: bool
) -> ChartInput:
    """Check counts and denominators; a point with only one of the pair is missing (as in qicharts2)."""
    _check_denominators_allowed(denominators, chart)
    if denominators is not None:
        _refuse(
            denominators == 0,
            lambda v, d: "the denominator is 0 (leave both cells empty if there is no data for this point)",
            numerators,
            denominators,
            batch,
        )
        _refuse(
            denominators < 0,
            lambda v, d: f"the denominator {_format(d)} is negative",
            numerators,
            denominators,
            batch,
        )
    if chart in COUNTS:
        _refuse(
            numerators < 0,
            lambda v, d: f"the count {_format(v)} is negative",
            numerators,
            denominators,
            batch,
        )
    if chart in PROPORTIONS:
        _refuse(
            numerators > denominators,
            lambda v, d: f"the count {_format(v)} is larger than the denominator {_format(d)}",
            numerators,
            denominators,
            batch,
        )
    if denominators is None:
        return ChartInput(numerators)
    incomplete = np.isnan(numerators) | np.isnan(denominators)
    return ChartInput(np.where(incomplete, np.nan, numerators), np.where(incomplete, np.nan, denominators))
