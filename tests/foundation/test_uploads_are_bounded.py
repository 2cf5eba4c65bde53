"""A spreadsheet upload is refused by its size before it is parsed, and by its rows while it is
streamed, with the limit in the message."""

import io
import zipfile

import pytest
from django.utils import translation
from openpyxl import Workbook

from fremdrift.core import spreadsheets

pytestmark = [pytest.mark.foundation]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _xlsx(*rows, last_row=None) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    if last_row:
        workbook.active.cell(row=last_row, column=1, value="x")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_file_larger_than_the_limit_is_refused_before_it_is_opened():
    with pytest.raises(spreadsheets.FileRefused, match="2 MB"):
        list(spreadsheets.xlsx_rows(b"PK" + b"x" * spreadsheets.MAX_FILE_BYTES, max_rows=10))
    with pytest.raises(spreadsheets.FileRefused, match="2 MB"):
        spreadsheets.csv_rows(b"a;b\n" * spreadsheets.MAX_FILE_BYTES, max_rows=10)


def test_an_xlsx_that_unpacks_to_too_much_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"0" * (spreadsheets.MAX_UNPACKED_BYTES + 1))
    assert len(buffer.getvalue()) < spreadsheets.MAX_FILE_BYTES
    with pytest.raises(spreadsheets.FileRefused, match="20 MB"):
        list(spreadsheets.xlsx_rows(buffer.getvalue(), max_rows=10))


def test_rows_are_counted_while_streaming():
    # A small file whose last row is number 1,000,000: refused at the limit, not after a million rows.
    data = _xlsx(["period", "value"], last_row=1_000_000)
    rows = spreadsheets.xlsx_rows(data, max_rows=5000)
    with pytest.raises(spreadsheets.FileRefused, match="5000"):
        for _row in rows:
            pass
    assert len(list(spreadsheets.xlsx_rows(_xlsx(["a"], *[[n] for n in range(5000)]), max_rows=5000))) == 5001
    with pytest.raises(spreadsheets.FileRefused, match="3"):
        spreadsheets.csv_rows(b"a\n1\n2\n3\n4\n", max_rows=3)


def test_a_csv_cell_too_long_to_read_is_refused_with_its_line():
    data = b"period;value;note\n2026-01;1;" + b"x" * 200_000 + b"\n"
    with pytest.raises(spreadsheets.FileRefused, match="Line 2") as refusal:
        spreadsheets.csv_rows(data, max_rows=10)
    assert "131072" in str(refusal.value)
