"""Every CSV and XLSX file Fremdrift writes goes through here.

Two CSV conventions:
- `FOR_PEOPLE` (every download a person opens in Excel or LibreOffice): ";" between cells, a decimal
  comma, UTF-8 with a byte-order mark, CRLF line ends; what Danish and Swedish Excel opens as columns.
- `FOR_MACHINES` (the library's open data, read by programs): "," between cells, a decimal point,
  UTF-8 without a byte-order mark.

Both neutralise formulas: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
gets a leading apostrophe, so a spreadsheet shows it as text instead of running it. In XLSX a text
cell is stored as text (never as a formula), so its value stays exactly as written. Numbers and
dates stay numbers and dates: a negative number is not a formula.
"""

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Convention:
    delimiter: str
    decimal: str
    byte_order_mark: bool


FOR_PEOPLE = Convention(delimiter=";", decimal=",", byte_order_mark=True)
FOR_MACHINES = Convention(delimiter=",", decimal=".", byte_order_mark=False)


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_cell(value, convention: Convention) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return format(value, "f" if isinstance(value, Decimal) else "").replace(".", convention.decimal)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralise(str(value))


def csv_text(rows, convention: Convention = FOR_PEOPLE) -> str:
    """`rows` is a header row and data rows of plain values (text, numbers, dates, None)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=convention.delimiter, lineterminator="\r\n")
    writer.writerows([_csv_cell(value, convention) for value in row] for row in rows)
    return ("\ufeff" if convention.byte_order_mark else "") + buffer.getvalue()


def csv_bytes(rows, convention: Convention = FOR_PEOPLE) -> bytes:
    return csv_text(rows, convention).encode("utf-8")


def xlsx_bytes(rows, *, title: str = "", widths=(), wrap: bool = False) -> bytes:
    """One worksheet: the first row is the header (bold, frozen); `widths` per column from A."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = (title or "Data")[:31].translate({ord(c): " " for c in "[]:*?/\\"}) or "Data"
    for row in rows:
        sheet.append(list(row))
    for line in sheet.iter_rows():
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would store "=…" as a live formula
            if wrap:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(rows, filename: str, **xlsx_options) -> HttpResponse:
    """`rows` as a file to save: XLSX when `filename` ends in .xlsx, else CSV for people."""
    if filename.endswith(".xlsx"):
        response = HttpResponse(xlsx_bytes(rows, **xlsx_options), content_type=XLSX_TYPE)
    else:
        response = HttpResponse(csv_bytes(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
