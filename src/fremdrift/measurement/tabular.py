"""Reading and writing measurements as CSV and XLSX.

One layout both ways: a header row with `period`, then `value` (counts, days, scores) or
`numerator` and `denominator` (proportions, rates), then an optional `note`. Periods are dates
(2026-03-01) or months (2026-03). Reading never saves anything: it returns the clean rows and
every problem with its line, column and why; the service saves only when there are no problems.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from fremdrift.core import spreadsheets
from fremdrift.core.formatting import read_number

MAX_ROWS = 5000
# The largest value the measurement fields hold (14 digits, 4 of them decimals).
LARGEST = Decimal("9999999999.9999")
EARLIEST_PERIOD = datetime.date(1900, 1, 1)
YEARS_AHEAD = 10


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    why: str


@dataclass(frozen=True)
class CleanRow:
    line: int
    period: datetime.date
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    note: str


def columns_for(indicator) -> list[str]:
    if indicator.has_denominator:
        return ["period", "numerator", "denominator", "note"]
    return ["period", "value", "note"]


def read_table(data: bytes, filename: str) -> spreadsheets.Table:
    """The file's rows as lists of cells, and a CSV file's separator. Raises
    `spreadsheets.FileRefused` (a ValueError) with a message when it is unreadable or too large."""
    return spreadsheets.read_table(data, filename, max_rows=MAX_ROWS)


def _period(cell) -> datetime.date:
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    text = str(cell).strip()
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(_("“%(text)s” is not a date. Write e.g. 2026-03-01 or 2026-03.") % {"text": text})


def check_period(period: datetime.date) -> None:
    """Periods far ahead have no next period to show and are typing errors; raises ValueError."""
    latest = datetime.date(datetime.date.today().year + YEARS_AHEAD, 12, 31)
    if not EARLIEST_PERIOD <= period <= latest:
        raise ValueError(
            _("The period must lie between %(first)s and %(last)s.")
            % {"first": EARLIEST_PERIOD.isoformat(), "last": latest.isoformat()}
        )


def number(cell) -> Decimal | None:
    """A measured value from a cell or a form, written as the page shows numbers or in the plain
    form: None when empty; raises ValueError with the reason."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    try:
        parsed = read_number(cell)  # as the page shows numbers: "1.234,75" in Danish
    except ValueError:
        raise ValueError(_("“%(text)s” is not a number.") % {"text": cell}) from None
    if parsed < 0:
        raise ValueError(_("A measurement cannot be negative."))
    if parsed > LARGEST:
        raise ValueError(_("The value is larger than %(largest)s.") % {"largest": LARGEST})
    if parsed != parsed.quantize(Decimal("0.0001")):
        raise ValueError(_("Use at most four decimals."))
    return parsed


def check_rows(rows: list[list], indicator, existing: dict) -> tuple[list[CleanRow], list[Problem]]:
    """Check every row; `existing` maps period → (value, numerator, denominator) already saved."""
    problems: list[Problem] = []
    clean: list[CleanRow] = []
    if not rows:
        return [], [Problem(1, "", _("The file is empty."))]
    header = [str(cell or "").strip().lower() for cell in rows[0]]
    needed = [c for c in columns_for(indicator) if c != "note"]
    missing = [c for c in needed if c not in header]
    if missing:
        return [], [
            Problem(1, c, _("The column “%(column)s” is missing from the header row.") % {"column": c})
            for c in missing
        ]
    index = {name: header.index(name) for name in columns_for(indicator) if name in header}
    seen: dict[datetime.date, int] = {}

    def cell(row, name):
        position = index.get(name)
        return row[position] if position is not None and position < len(row) else None

    for line, row in enumerate(rows[1:], start=2):
        if all(c is None or str(c).strip() == "" for c in row):
            continue
        row_problems = []
        try:
            period = _period(cell(row, "period"))
            check_period(period)
        except ValueError as error:
            row_problems.append(Problem(line, "period", str(error)))
            period = None
        values = {}
        for name in needed[1:]:
            try:
                values[name] = number(cell(row, name))
            except ValueError as error:
                row_problems.append(Problem(line, name, str(error)))
                values[name] = None
            else:
                if values[name] is None:
                    row_problems.append(Problem(line, name, _("The value is missing.")))
        if (
            indicator.has_denominator
            and values.get("numerator") is not None
            and values.get("denominator") is not None
        ):
            if values["denominator"] == 0:
                row_problems.append(Problem(line, "denominator", _("The denominator cannot be zero.")))
            elif indicator.kind == "proportion" and values["numerator"] > values["denominator"]:
                row_problems.append(
                    Problem(line, "numerator", _("The numerator is larger than the denominator."))
                )
        if period is not None:
            if period in seen:
                row_problems.append(
                    Problem(
                        line,
                        "period",
                        _("The period %(period)s is also on line %(line)s.")
                        % {"period": period, "line": seen[period]},
                    )
                )
            else:
                seen[period] = line
            if period in existing and not row_problems:
                saved = existing[period]
                new = (values.get("value"), values.get("numerator"), values.get("denominator"))
                if tuple(saved) != new:
                    row_problems.append(
                        Problem(
                            line,
                            "period",
                            _(
                                "The period %(period)s already has another value. Correct it on the indicator page."
                            )
                            % {"period": period},
                        )
                    )
                else:
                    continue  # the same value again: nothing to do
        note = str(cell(row, "note") or "").strip()
        if len(note) > 300:
            row_problems.append(Problem(line, "note", _("The note is longer than 300 characters.")))
        if row_problems:
            problems.extend(row_problems)
            continue
        clean.append(
            CleanRow(
                line, period, values.get("value"), values.get("numerator"), values.get("denominator"), note
            )
        )
    return clean, problems


def export_rows(indicator, measurements) -> list[list]:
    """The header and one row per measurement, as dates, numbers and text for `core.spreadsheets`."""
    rows = [columns_for(indicator)]
    for m in measurements:
        numbers = [m.numerator, m.denominator] if indicator.has_denominator else [m.value]
        rows.append([m.period, *(n.normalize() if n is not None else None for n in numbers), m.note])
    return rows
