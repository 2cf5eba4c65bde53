"""Reading a series from CSV, as qicharts2's qic() takes its columns.

Columns (the header names them, in any order and case): `y` the values (numerators for p, pp, u and
up charts), `n` the denominators, `x` labels such as dates; for Xbar and S charts `x` names the
subgroup of each row. An empty cell is a missing value. The separator is a comma, or a semicolon or
tab when the header uses one; with those a decimal comma is accepted too (as spreadsheets in Danish
and Swedish write numbers).
"""

import csv
import re
from dataclasses import dataclass
from typing import TextIO

from .errors import SpcInputError
from .inputs import NEEDS_DENOMINATORS, SUBGROUP_CHARTS, TAKES_DENOMINATORS

NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
DECIMAL_COMMA = re.compile(r"[+-]?\d*,\d+")


@dataclass(frozen=True)
class CsvSeries:
    values: list  # numbers and None; for Xbar and S charts one list per subgroup
    denominators: list | None
    labels: list[str] | None


def _separator(header_line: str) -> str:
    for candidate in (";", "\t"):
        if candidate in header_line:
            return candidate
    return ","


def _number(cell: str, row: int, column: str, separator: str) -> float | None:
    text = cell.strip()
    if not text:
        return None
    if separator != "," and DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    if not NUMBER.fullmatch(text):
        raise SpcInputError(
            f"row {row}, column {column}: {cell!r} is not a number (leave the cell empty for a missing value)",
            row=row,
        )
    return float(text)


def read_csv(stream: TextIO, chart: str) -> CsvSeries:
    """Read the columns the chart needs; errors name the 1-based data row (the row after the header is 1)."""
    header_line = stream.readline()
    if not header_line.strip():
        raise SpcInputError("the CSV file is empty: it needs a header row with a column y")
    separator = _separator(header_line)
    header = [name.strip().lower() for name in next(csv.reader([header_line], delimiter=separator))]
    columns = {name: position for position, name in reversed(list(enumerate(header)))}
    if "y" not in columns:
        raise SpcInputError(f"the CSV file has no column y (its columns are {', '.join(header)})")
    if "n" in columns and chart not in TAKES_DENOMINATORS:
        raise SpcInputError(f"a {chart} chart takes no denominators: remove column n")
    if "n" not in columns and chart in NEEDS_DENOMINATORS:
        raise SpcInputError(f"a {chart} chart needs the denominators in a column n")
    if "x" not in columns and chart in SUBGROUP_CHARTS:
        raise SpcInputError(f"a {chart} chart needs the subgroup of each row in a column x")

    values, denominators, labels = [], [], []
    for row, cells in enumerate(csv.reader(stream, delimiter=separator), start=1):
        if not cells:
            continue  # a blank line; rows keep their numbers as an editor shows them

        def cell(name, cells=cells):
            position = columns.get(name)
            return cells[position] if position is not None and position < len(cells) else ""

        values.append(_number(cell("y"), row, "y", separator))
        if "n" in columns:
            denominators.append(_number(cell("n"), row, "n", separator))
        if "x" in columns:
            label = cell("x").strip()
            if not label and chart in SUBGROUP_CHARTS:
                raise SpcInputError(f"row {row}, column x: the subgroup is empty", row=row)
            labels.append(label)
    if not values:
        raise SpcInputError("the CSV file has no data rows")
    if chart in SUBGROUP_CHARTS:
        return _subgroups(values, labels)
    return CsvSeries(values, denominators if "n" in columns else None, labels if "x" in columns else None)


def _subgroups(values: list, labels: list[str]) -> CsvSeries:
    """Rows with the same x form one subgroup, in the order the subgroups first appear."""
    groups: dict[str, list] = {}
    for label, value in zip(labels, values, strict=True):
        groups.setdefault(label, []).append(value)
    return CsvSeries(list(groups.values()), None, list(groups))
