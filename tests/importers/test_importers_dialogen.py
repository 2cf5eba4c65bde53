"""DIALOGEN (Jönköping, in Swedish): 100 initiatives in 12 chapters."""

import re

import pytest

pytestmark = pytest.mark.library


@pytest.fixture(scope="module")
def document(parsed):
    return parsed("dialogen")


def test_one_hundred_initiatives_numbered_once_each(document):
    assert document.language == "sv"
    assert [i.number for i in document.initiatives] == list(range(1, 101))
    assert len({i.key for i in document.initiatives}) == 100
    assert document.warnings == ()


def test_twelve_chapters_give_the_kind_of_work(document):
    assert [c.number for c in document.chapters] == list(range(1, 13))
    chapters = {c.number: c.title for c in document.chapters}
    assert chapters[5] == "Ständiga förbättringar"
    assert chapters[11] == "Lära av sådant som gått fel"
    for initiative in document.initiatives:
        assert chapters[initiative.chapter_number] == initiative.chapter_title
    assert {i.chapter_number for i in document.initiatives} == set(range(2, 13)) - {3}


def test_sample_initiatives(document):
    initiatives = {i.number: i for i in document.initiatives}
    assert initiatives[1].title == "Kan man mäta hälsa?"
    assert initiatives[19].title == "Hemtjänsten i Bankeryd fokuserar på att göra bättre"
    assert initiatives[19].text.startswith("Bankeryds hemtjänst har sammantaget")
    assert initiatives[100].title == "Först ut med första hjälpen till psykisk hälsa"
    assert initiatives[100].chapter_number == 12


def test_page_artefacts_do_not_leak_into_titles_or_texts(document):
    headers = {c.title.upper() for c in document.chapters}
    for initiative in document.initiatives:
        assert initiative.title and initiative.text
        assert not re.search(r"\b\d+\b", initiative.title), initiative.title
        for text in (initiative.title, initiative.text):
            assert "INITIATIV" not in text
            assert "en långsiktig strategi för att utveckla" not in text
            assert not any(h in text for h in headers), text[:60]


def test_the_teasers_after_the_report_are_not_initiatives(document):
    text = " ".join(i.text for i in document.initiatives)
    assert "Läs mer" not in text
    assert "ÖVERTORNEÅ" not in text
    assert "Avslutande kommentarer" not in text
