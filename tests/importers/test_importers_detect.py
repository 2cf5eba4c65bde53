"""Documents are recognised by their content, never by their file name."""

import shutil

import pytest

from fremdrift.importers import UnknownDocument, detect_kind, parse_document, parse_path

pytestmark = pytest.mark.library

KINDS = ["aalborg_strategies", "coi_cases", "dialogen", "hedensted_plan", "national_pool"]


@pytest.mark.parametrize("kind", KINDS)
def test_each_seed_is_recognised(kind, seed_path):
    assert detect_kind(seed_path(kind).read_text(encoding="utf-8")) == kind


@pytest.mark.parametrize("kind", KINDS)
def test_a_copy_under_another_name_is_still_recognised(kind, seed_path, tmp_path):
    # Give each document the name of a different seed, so a name-based guess would be wrong.
    other = KINDS[(KINDS.index(kind) + 1) % len(KINDS)]
    copy = tmp_path / seed_path(other).name
    shutil.copyfile(seed_path(kind), copy)
    assert parse_path(copy).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Referat af bestyrelsesmøde\n\nPunkt 1: Godkendelse af dagsorden.",
        "Strategisk pejlemærke 1: Noget\nmen intet andet der ligner Aalborgs side.",
    ],
)
def test_an_unknown_text_raises_with_a_clear_message(text):
    with pytest.raises(UnknownDocument, match="not a known source document"):
        parse_document(text)
