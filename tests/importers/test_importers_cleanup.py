"""The shared clean-up on small synthetic strings."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fremdrift.importers.cleanup import (
    clean,
    drop_artifact_lines,
    join_broken,
    join_hyphenation,
    normalize,
    paragraphs,
    slugify,
    strip_emphasis,
)

pytestmark = pytest.mark.library


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ud-\nvikling", "udvikling"),
        ("en ny ud-\n  vikling her", "en ny udvikling her"),
        ("Ældre-\nog Sundhedsministeriet", "Ældre- og Sundhedsministeriet"),
        ("social-\neller sundhedsfaglig", "social- eller sundhedsfaglig"),
        ("en PDSA-\ncyklus", "en PDSA-cyklus"),
        ("3-6-\nårige", "3-6-årige"),
        ("Syd-\nDanmark", "Syd-Danmark"),
        ("ingen\nbindestreg", "ingen\nbindestreg"),
    ],
)
def test_words_hyphenated_at_a_line_end_are_joined_and_real_hyphens_kept(text, expected):
    assert join_hyphenation(text) == expected


def test_fragments_of_a_broken_cell_are_joined_like_lines():
    assert join_broken("Sikre fælles ind-", "gang til") == "Sikre fælles indgang til"
    assert join_broken("Marts – sept. –", "16.") == "Marts – sept. – 16."
    assert join_broken("", "alene") == "alene"


def test_markup_and_entities_are_removed_but_links_kept():
    text = "<p>Roller &amp; ansvar</p>\n<b>Se</b> <http://www.example.dk/kontakt/>&nbsp;nu"
    assert normalize(text) == "Roller & ansvar\nSe http://www.example.dk/kontakt/ nu"


def test_navigation_and_page_number_lines_are_dropped():
    text = "Skip til hoved indholdet\n    Hjem Om kommunen Politikker\nTekst.\nSide 12\n7\nSide 35 ¥+0\nMere tekst."
    assert drop_artifact_lines(text) == "Tekst.\nMere tekst."


def test_page_numbers_inside_sentences_are_kept():
    assert drop_artifact_lines("Der er 12 borgere.\n2020 og 2021") == "Der er 12 borgere.\n2020 og 2021"


def test_wrapped_lines_become_one_paragraph_and_list_items_stay_apart():
    text = "En linje der\nfortsætter her.\n\n- første punkt\n- andet punkt\n  der fortsætter\n1. nummer et"
    assert paragraphs(text) == [
        "En linje der fortsætter her.",
        "- første punkt",
        "- andet punkt der fortsætter",
        "1. nummer et",
    ]


def test_an_open_italic_paragraph_swallows_lines_that_look_like_items():
    assert paragraphs("*I fællesskab\n– for sammen er vi stærkere.*") == [
        "*I fællesskab – for sammen er vi stærkere.*"
    ]


def test_clean_runs_the_whole_pipeline():
    assert clean("Skip til hoved indholdet\r\nud-\r\nvikling &amp; drift\r\n") == "udvikling & drift\n"


def test_emphasis_markers_are_removed():
    assert strip_emphasis("** Indsigt:** En *sensor*") == "Indsigt: En sensor"


def test_slugs_spell_out_danish_and_swedish_letters():
    assert slugify("Furesø Fremtidsværksted") == "furesoe-fremtidsvaerksted"
    assert slugify("Läsa på gården") == "laesa-paa-gaarden"


@given(st.text())
def test_slugs_are_plain_ascii(text):
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*|", slugify(text))


@given(st.text(alphabet=st.sampled_from("ab -\n*•1.")))
def test_paragraphs_are_never_empty_or_padded(text):
    for paragraph in paragraphs(text):
        assert paragraph and paragraph == paragraph.strip()
