"""Every PDF is tagged PDF/UA in the reader's language, with a title, its headings as bookmarks, tables
with header cells and charts with a text alternative, as poppler (the PDF tools on Debian) reads it.

One PDF of each kind is made once for the module, inside a transaction that is rolled back."""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from unittest import mock

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

pytestmark = [pytest.mark.foundation, pytest.mark.django_db]

POPPLER = ("pdfinfo", "pdftotext", "pdftohtml")


@dataclass(frozen=True)
class Printed:
    html: str  # what was handed to WeasyPrint
    path: Path
    language: str


def _meeting_papers():
    from fremdrift.funding.models import Round

    return reverse("funding:papers", args=[Round.objects.get(name="Forår 2026").pk])


def _project_report():
    from fremdrift.projects.models import Project

    return reverse("projects:report_pdf", args=[Project.objects.get(title="Færre fald på Lindely").pk])


# kind: (who prints it, in which language, the address)
KINDS = {
    "meeting papers": ("direktion@nordfjord.demo", "da", _meeting_papers),
    "project report": ("projektleder@nordfjord.demo", "sv", _project_report),
}


@pytest.fixture(scope="module")
def printed(django_db_setup, django_db_blocker, tmp_path_factory) -> dict[str, Printed]:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"poppler-utils is not installed ({', '.join(missing)} missing): PDF tags not checked")
    from django.contrib.auth import get_user_model
    from weasyprint import HTML

    folder = tmp_path_factory.mktemp("pdfs")
    documents = {}
    with django_db_blocker.unblock(), transaction.atomic():
        for kind, (email, language, address) in KINDS.items():
            user = get_user_model().objects.get(email=email)
            user.language = language
            user.save(update_fields=["language"])
            client = Client()
            client.force_login(user)
            handed = []

            def recording(*args, _handed=handed, **kwargs):
                _handed.append(kwargs["string"])
                return HTML(*args, **kwargs)

            with mock.patch("weasyprint.HTML", side_effect=recording):
                response = client.get(address())
            assert response["Content-Type"] == "application/pdf"
            path = folder / f"{kind}.pdf"
            path.write_bytes(response.content)
            documents[kind] = Printed(html=handed[0], path=path, language=language)
        transaction.set_rollback(True)
    return documents


def _run(*command) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=60).stdout


def _info(path) -> dict[str, str]:
    lines = _run("pdfinfo", str(path)).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def _text(html: str) -> str:
    """An HTML fragment as the words a reader hears."""
    from html import unescape

    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _string_entries(path, key: str) -> list[str]:
    """Every `/key (…)` or `/key <…>` string in the file, compressed object streams included."""
    data = path.read_bytes()
    chunks = [data]
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            chunks.append(zlib.decompressobj().decompress(stream.group(1)))
        except zlib.error:
            continue  # not a Flate stream (fonts are, images may not be)
    pattern = re.compile(rb"/" + key.encode() + rb"\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9a-fA-F]*)>)")
    values = []
    for chunk in chunks:
        for literal, hexadecimal in pattern.findall(chunk):
            if hexadecimal:
                values.append(bytes.fromhex(hexadecimal.decode()).decode("utf-16"))
            else:
                values.append(re.sub(rb"\\(.)", rb"\1", literal).decode("latin-1"))
    return values


@pytest.mark.parametrize("kind", KINDS)
def test_every_pdf_is_tagged_pdf_ua(printed, kind):
    path = printed[kind].path
    assert _info(path)["Tagged"] == "yes"
    assert 'pdfuaid:part="1"' in _run("pdfinfo", "-meta", str(path))


@pytest.mark.parametrize("kind", KINDS)
def test_every_pdf_has_a_title_and_is_in_the_readers_language(printed, kind):
    document = printed[kind]
    title = _text(re.search(r"<title>(.*?)</title>", document.html, re.S).group(1))
    assert title
    assert _info(document.path)["Title"] == title
    assert _string_entries(document.path, "Lang") == [document.language]


@pytest.mark.parametrize("kind", KINDS)
def test_the_headings_are_the_bookmarks_in_order(printed, kind):
    document = printed[kind]
    headings = [
        (int(level), _text(text)) for level, text in re.findall(r"<h([1-6])>(.*?)</h\1>", document.html, re.S)
    ]
    assert headings[0][0] == 1
    assert all(later <= earlier + 1 for (earlier, _), (later, _) in pairwise(headings))
    outline = ET.fromstring(_run("pdftohtml", "-xml", "-i", "-q", "-stdout", str(document.path))).find(
        "outline"
    )

    def bookmarks(node, level=1):
        for child in node:
            if child.tag == "item":
                yield level, " ".join("".join(child.itertext()).split())
            elif child.tag == "outline":
                yield from bookmarks(child, level + 1)

    assert list(bookmarks(outline)) == headings


def test_the_table_header_is_read_before_its_rows_and_each_cell_knows_its_header(printed):
    document = printed["meeting papers"]
    heading = _text(re.search(r"<h1>(.*?)</h1>", document.html, re.S).group(1))
    columns = [_text(cell) for cell in re.findall(r'<th scope="col">(.*?)</th>', document.html)]
    first_title = _text(re.search(r"<tbody><tr><td>(.*?)</td>", document.html).group(1))
    # What a screen reader follows: the structure tree.
    structure = _run("pdfinfo", "-struct-text", str(document.path))
    assert _quoted_text(structure[: structure.index("Table")]).startswith(heading)
    head, body = structure.split("THead", 1)[1].split("TBody", 1)
    assert [_quoted_text(cell) for cell in re.split(r"\n\s*TH\b", head)[1:]] == columns
    cells = re.split(r"\n\s*TD:", body)[1:]
    assert _quoted_text(cells[0]) == first_title
    assert all(re.match(r"\s*/Headers \[\(", cell) for cell in cells)
    # What a text extractor makes of the page.
    text = " ".join(_run("pdftotext", str(document.path), "-").split())
    assert text.index(heading) < text.index(columns[0]) < text.index(first_title)


def _quoted_text(structure_part: str) -> str:
    return " ".join(" ".join(re.findall(r'^\s*"(.*)"$', structure_part, re.M)).split())


def test_each_chart_is_a_figure_named_by_its_title_with_its_explanation_after_it(printed):
    document = printed["project report"]
    charts = re.findall(r"<svg\b.*?</svg>", document.html, re.S)
    assert charts
    titles = [_text(re.search(r"<title[^>]*>(.*?)</title>", chart, re.S).group(1)) for chart in charts]
    assert _string_entries(document.path, "Alt") == titles
    explanations = [
        _text(caption) for caption in re.findall(r"<figcaption>(.*?)</figcaption>", document.html, re.S)
    ]
    structure = _run("pdfinfo", "-struct-text", str(document.path))
    figures = re.split(r"\n\s*Figure:", structure)[1:]
    assert len(figures) == len(charts)
    for figure, explanation in zip(figures, explanations, strict=True):
        caption = figure[figure.index("Caption") :].split("Figure")[0]
        assert _quoted_text(caption).startswith(explanation[:60])
