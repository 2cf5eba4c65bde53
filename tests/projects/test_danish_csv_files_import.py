"""A CSV file as Danish and Swedish Excel and LibreOffice save it (";" between cells, a decimal comma,
a ";" inside a quoted note, with or without a byte-order mark) imports through the upload page, as
does one separated by tabs or commas; the page says which separator it read."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fremdrift.core import spreadsheets
from projects.conftest import LEAD

pytestmark = [pytest.mark.projects]

DANISH = 'period;value;note\r\n2030-01;2,5;"Nattevagt; to på vagt"\r\n2030-02;4;"Sagt ""stop"""\r\n'


@pytest.mark.parametrize(
    ("data", "separator"),
    [
        (b"\xef\xbb\xbf" + DANISH.encode(), "semikolon (;)"),
        (DANISH.encode(), "semikolon (;)"),
        (DANISH.replace(";", "\t").replace("Nattevagt\t", "Nattevagt;").encode(), "tabulator"),
        (
            DANISH.replace(";", ",").replace("2,5", '"2,5"').replace("Nattevagt,", "Nattevagt;").encode(),
            "komma (,)",
        ),
    ],
    ids=["semicolon-with-bom", "semicolon", "tab", "comma"],
)
def test_a_danish_csv_imports_through_the_upload_page(client_for, falls_indicator, data, separator):
    page = client_for(LEAD).post(
        reverse("measurement:import", args=[falls_indicator.pk]),
        {"file": SimpleUploadedFile("målinger.csv", data, content_type="text/csv")},
        follow=True,
    )
    assert page.redirect_chain, page.content.decode()
    assert f"2 værdier importeret. Skilletegn: {separator}" in page.content.decode()
    imported = falls_indicator.measurements.filter(period__year=2030).order_by("period")
    assert [(m.period, m.value, m.note) for m in imported] == [
        (datetime.date(2030, 1, 1), Decimal("2.5"), "Nattevagt; to på vagt"),
        (datetime.date(2030, 2, 1), Decimal("4"), 'Sagt "stop"'),
    ]


def test_the_page_names_the_separator_when_a_row_is_wrong(client_for, falls_indicator):
    data = b"period;value;note\r\n2030-01;2,5;ok\r\n2030-02;fire;\r\n"
    page = client_for(LEAD).post(
        reverse("measurement:import", args=[falls_indicator.pk]),
        {"file": SimpleUploadedFile("m.csv", data, content_type="text/csv")},
    )
    html = page.content.decode()
    assert "Skilletegn: semikolon (;)" in html and "<td>3</td>" in html
    assert falls_indicator.measurements.filter(period__year=2030).count() == 0


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        # A header that a comma does not split: its commas are decimal commas in the rows.
        ('period;value;note\n2026-01;2,5;"a;b"\n2026-02;1,25;"c, d"\n', ";"),
        # Rows shorter than the header (no empty note at the end) still read by the header's separator.
        ("period;value;note\n2026-01;2,5\n2026-02;3\n", ";"),
        ('"period","value","note"\n"2026-01","2,5","a;b;c"\n', ","),
        ("period\tvalue\tnote\n2026-01\t2,5\ta;b, c\n", "\t"),
        ("period\n2026-01\n", ","),
    ],
)
def test_the_separator_is_the_one_that_splits_the_header_and_the_rows_alike(text, delimiter):
    assert spreadsheets.detect_delimiter(text) == delimiter
