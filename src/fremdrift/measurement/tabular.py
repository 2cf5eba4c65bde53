"""Reading and writing measurements as CSV and XLSX.

One layout both ways: a header row with `period`, then `value` (counts, days, scores) or
`numerator` and `denominator` (proportions, rates), then an optional `note`. Periods are dates
(2026-03-01) or months (2026-03). Reading never saves anything: it returns the clean rows and
every problem with its line, column and why; the service saves only when there are no problems.
"""

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

MAX_ROWS = 5000


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


def _read_csv(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    sample = text[:2048]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def _read_xlsx(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def read_table(data: bytes, filename: str) -> list[list]:
    """The file's rows as lists of cells. Raises ValueError with a message when unreadable."""
    if filename.lower().endswith(".xlsx") or data[:2] == b"PK":
        try:
            return _read_xlsx(data)
        except Exception as error:
            raise ValueError(_("The file cannot be read as an Excel workbook (.xlsx).")) from error
    try:
        return _read_csv(data)
    except UnicodeDecodeError as error:
        raise ValueError(_("The file is not UTF-8 text. Save it as CSV UTF-8 or as .xlsx.")) from error


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


def _number(cell) -> Decimal | None:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, bool):
        raise ValueError(_("“%(text)s” is not a number.") % {"text": cell})
    if isinstance(cell, int | float | Decimal):
        number = Decimal(str(cell))
    else:
        text = str(cell).strip().replace(" ", "").replace("\u00a0", "")
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(_("“%(text)s” is not a number.") % {"text": cell}) from None
    if not number.is_finite():
        raise ValueError(_("“%(text)s” is not a number.") % {"text": cell})
    if number < 0:
        raise ValueError(_("A measurement cannot be negative."))
    if number != number.quantize(Decimal("0.0001")):
        raise ValueError(_("Use at most four decimals."))
    return number


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
    if len(rows) - 1 > MAX_ROWS:
        return [], [Problem(1, "", _("At most %(count)s rows at a time.") % {"count": MAX_ROWS})]
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
        except ValueError as error:
            row_problems.append(Problem(line, "period", str(error)))
            period = None
        values = {}
        for name in needed[1:]:
            try:
                values[name] = _number(cell(row, name))
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
