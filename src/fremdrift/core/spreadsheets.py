"""Every CSV and XLSX file Fremdrift writes goes through here, and every one it reads is bounded here.

Two CSV conventions:
- `FOR_PEOPLE` (every download a person opens in Excel or LibreOffice): ";" between cells, a decimal
  comma, UTF-8 with a byte-order mark, CRLF line ends; what Danish and Swedish Excel opens as columns.
- `FOR_MACHINES` (the library's open data, read by programs): "," between cells, a decimal point,
  UTF-8 without a byte-order mark.

Amounts are `Money`: a plain number in CSV, and in XLSX a number with a money format (grouped
thousands, two decimals, the currency code) that Excel and Calc show in the reader's locale.

Both neutralise formulas: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
gets a leading apostrophe, so a spreadsheet shows it as text instead of running it (reading a CSV
file takes it off again). In XLSX a text cell is stored as text (never as a formula), so its value
stays exactly as written. Numbers and dates stay numbers and dates: a negative number is not a
formula. For people a time is written as their clock shows it, which a spreadsheet reads as a time.

Download file names keep their letters: `attachment` sends the name as UTF-8 (RFC 6266
`filename*`) and an ASCII fallback with æ, ø, å, ä, ö written as ae, oe, aa, ae, oe.

Reading refuses a file before it is parsed when it is larger than `MAX_FILE_BYTES` (an XLSX also
when it unpacks to more than `MAX_UNPACKED_BYTES`), and while it is streamed as soon as it has more
rows than the caller allows, so a huge file never keeps a worker busy. A CSV file's separator
(";", "," or tab) is found from its header row and checked against the rows below it.
"""

import csv
import datetime
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .numerals import from_cell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_COLUMNS = 50


@dataclass(frozen=True)
class Convention:
    delimiter: str
    decimal: str
    byte_order_mark: bool
    # A time as the reader's clock shows it ("2026-03-01 10:15:00", which a spreadsheet reads as a
    # time) or with its UTC offset (ISO 8601, which a program reads without guessing the zone).
    local_times: bool


FOR_PEOPLE = Convention(delimiter=";", decimal=",", byte_order_mark=True, local_times=True)
FOR_MACHINES = Convention(delimiter=",", decimal=".", byte_order_mark=False, local_times=False)


@dataclass(frozen=True)
class Money:
    """An amount in a currency (ISO code), for a cell."""

    amount: Decimal
    currency: str


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def restore(text: str) -> str:
    """`neutralise` undone, so a CSV file goes out and comes back in unchanged."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def _csv_cell(value, convention: Convention) -> str:
    if value is None:
        return ""
    if isinstance(value, Money):
        value = value.amount
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return format(value, "f" if isinstance(value, Decimal) else "").replace(".", convention.decimal)
    if isinstance(value, datetime.datetime) and convention.local_times:
        local = timezone.make_naive(value) if timezone.is_aware(value) else value
        return local.isoformat(" ", "seconds")
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
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            if isinstance(value, Money):
                cell = sheet.cell(number, column, value.amount)
                # Excel's format codes: "," groups and "." marks decimals, each shown in the reader's locale.
                cell.number_format = f'#,##0.00 "{value.currency}"'
            else:
                cell = sheet.cell(number, column, value)
            if isinstance(value, str):
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


class FormatConverter:
    regex = "csv|xlsx"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


# What Danish and Swedish readers write when a letter is not at hand; other accents just go.
TRANSLITERATION = str.maketrans(
    {
        "æ": "ae",
        "ø": "oe",
        "å": "aa",
        "ä": "ae",
        "ö": "oe",
        "Æ": "Ae",
        "Ø": "Oe",
        "Å": "Aa",
        "Ä": "Ae",
        "Ö": "Oe",
    }
)


def ascii_name(name: str) -> str:
    """`name` in ASCII letters, digits, ".", "_" and "-": the filename for programs that know no other."""
    letters = (
        unicodedata.normalize("NFKD", name.translate(TRANSLITERATION)).encode("ascii", "ignore").decode()
    )
    return re.sub(r"[^A-Za-z0-9._-]+", "-", letters).strip("-")


def file_name(title: str, extension: str, fallback: str) -> str:
    """A download's name from a title, its letters kept: "Ældre og Sundhed" → "ældre-og-sundhed.xlsx"."""
    return f"{slugify(title, allow_unicode=True) or fallback}.{extension}"


def content_disposition(filename: str) -> str:
    """An attachment named `filename` in UTF-8 (RFC 6266), with an ASCII name for older programs."""
    return f"attachment; filename=\"{ascii_name(filename)}\"; filename*=UTF-8''{quote(filename, safe='')}"


def attachment(content: bytes, filename: str) -> HttpResponse:
    """A file to save, typed by its name's ending (.xlsx, else CSV)."""
    content_type = XLSX_TYPE if filename.endswith(".xlsx") else "text/csv; charset=utf-8"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    return response


def download(rows, filename: str, **xlsx_options) -> HttpResponse:
    """`rows` as a file to save: XLSX when `filename` ends in .xlsx, else CSV for people."""
    if filename.endswith(".xlsx"):
        return attachment(xlsx_bytes(rows, **xlsx_options), filename)
    return attachment(csv_bytes(rows), filename)


# ---- reading ------------------------------------------------------------------------------------


class FileRefused(ValueError):
    """The file is not read (any further); the message says why, with the limit."""


def check_size(size: int) -> None:
    """Refuses a file of `size` bytes that is larger than any spreadsheet Fremdrift reads."""
    if size > MAX_FILE_BYTES:
        raise FileRefused(
            _("The file is larger than %(size)s MB. Split it into smaller files.")
            % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )


def _too_many_rows(max_rows: int) -> FileRefused:
    return FileRefused(_("The file has more than %(max)s rows.") % {"max": max_rows})


def xlsx_rows(data: bytes, *, max_rows: int) -> Iterator[tuple]:
    """The first worksheet's rows (values, at most `MAX_COLUMNS` each), streamed; `max_rows` counts
    every row after the first. A number is read as its format shows it (`numerals.from_cell`): a
    per cent cell's 0.15 as 15 %, an amount with its currency."""
    from openpyxl import load_workbook

    check_size(len(data))
    try:
        unpacked = sum(member.file_size for member in zipfile.ZipFile(io.BytesIO(data)).infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise FileRefused(
                _("The file unpacks to more than %(size)s MB. Split it into smaller files.")
                % {"size": MAX_UNPACKED_BYTES // (1024 * 1024)}
            )
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except FileRefused:
        raise
    except Exception as error:  # openpyxl and zipfile raise zip, XML and key errors alike for a broken file
        raise FileRefused(_("The file cannot be read as an Excel workbook (.xlsx).")) from error
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # a declared size of a million columns must not pad every row
        for number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS)):
            if number > max_rows:
                raise _too_many_rows(max_rows)
            yield tuple(from_cell(cell.value, cell.number_format) for cell in row)
    finally:
        workbook.close()


SEPARATORS = {
    ",": gettext_lazy("comma (,)"),
    ";": gettext_lazy("semicolon (;)"),
    "\t": gettext_lazy("tab"),
}
ROWS_CHECKED = 20


@dataclass(frozen=True)
class Table:
    """The rows of a file as read, and the CSV separator they were split by (None for XLSX)."""

    rows: list[list]
    delimiter: str | None = None

    @property
    def separator(self) -> str:
        """The separator in words, for the person who uploaded the file; empty for XLSX."""
        return str(SEPARATORS[self.delimiter]) if self.delimiter else ""


def _first_rows(text: str, delimiter: str) -> list[list[str]]:
    """Up to `ROWS_CHECKED` non-empty rows as split by `delimiter`; fewer when one cannot be read."""
    rows = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        for row in reader:
            if row:
                rows.append(row)
            if len(rows) == ROWS_CHECKED:
                break
    except csv.Error:
        pass  # reading the whole file reports the line
    return rows


def detect_delimiter(text: str) -> str:
    """Of the separators that split the header row (quotes respected), the one that splits most of
    the rows below it into as many cells, then the one that makes most columns. The header decides
    because a decimal comma ("2,5") or a ";" in a note is in the rows, not in the column names.
    Ties go to the comma, so a file of one column reads as plain CSV."""

    def score(delimiter):
        rows = _first_rows(text, delimiter)
        if not rows:
            return (False, 0, 0)
        width = len(rows[0])
        return (width > 1, sum(len(row) == width for row in rows[1:]), width)

    return max(SEPARATORS, key=score)


def csv_rows(data: bytes, *, max_rows: int) -> Table:
    """The rows of a UTF-8 CSV file, separated by comma, semicolon or tab; `max_rows` counts every
    row after the first."""
    check_size(len(data))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileRefused(_("The file is not UTF-8 text. Save it as CSV UTF-8 or as .xlsx.")) from error
    delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            if len(rows) > max_rows:
                raise _too_many_rows(max_rows)
            rows.append([restore(cell) for cell in row[:MAX_COLUMNS]])
    except csv.Error as error:
        raise FileRefused(
            _("Line %(line)s cannot be read: a cell has more than %(count)s characters or is not closed.")
            % {"line": reader.line_num, "count": csv.field_size_limit()}
        ) from error
    return Table(rows, delimiter)


def read_table(data: bytes, filename: str, *, max_rows: int) -> Table:
    """An uploaded file's rows: an XLSX workbook by its name or its zip signature, else CSV. Raises
    `FileRefused` (a ValueError) with a message when it is unreadable or too large."""
    if filename.lower().endswith(".xlsx") or data[:2] == b"PK":
        return Table([list(row) for row in xlsx_rows(data, max_rows=max_rows)])
    return csv_rows(data, max_rows=max_rows)
