"""The pure search terms: stemming per language, and the passage shown with a hit."""

import pytest

from fremdrift.textsearch import document_terms, highlight_passage, query_terms

pytestmark = [pytest.mark.library]


def test_queries_are_stemmed_in_every_library_language():
    assert "pårør" in query_terms("pårørendes") and "anhör" in query_terms("anhöriga")


def test_titles_weigh_more_than_text():
    weights = document_terms([("Demens", 3.0), ("demens og musik", 1.0)], "da")
    assert weights["dem"] > weights["musik"]  # "demens" stems to "dem" in Danish


def test_the_passage_never_starts_or_ends_inside_a_word():
    text = " ".join(["indledning"] * 40 + ["Flere beboere med demens rejste sig"] + ["afslutning"] * 40)
    before, match, after = highlight_passage(text, "demens")
    assert match == "demens"
    assert before.startswith("…") and f" {before[1:]}" in text
    assert after.endswith("…") and f"{after[:-1]} " in text


def test_no_passage_without_a_match():
    assert highlight_passage("Ingenting her", "demens") is None
