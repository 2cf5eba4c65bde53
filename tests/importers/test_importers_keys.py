"""Natural keys are stable and unique, and parsing is a pure function of the text."""

import dataclasses

import pytest

from fremdrift.importers import ParsedDocument, parse_document

pytestmark = pytest.mark.library

KINDS = ["aalborg_strategies", "coi_cases", "dialogen", "hedensted_plan", "national_pool"]


def records(value):
    """Every record (dataclass with a key) inside a parse result, however deeply nested."""
    if dataclasses.is_dataclass(value):
        if hasattr(value, "key"):
            yield value
        for field in dataclasses.fields(value):
            yield from records(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from records(item)


@pytest.mark.parametrize("kind", KINDS)
def test_parsing_twice_gives_equal_results_and_keys(kind, seed_path):
    text = seed_path(kind).read_text(encoding="utf-8")
    first, second = parse_document(text), parse_document(text)
    assert first == second
    assert hash(first) == hash(second)
    assert [r.key for r in records(first)] == [r.key for r in records(second)]


@pytest.mark.parametrize("kind", KINDS)
def test_keys_are_unique_tuples_of_short_strings(kind, parsed):
    keys = [r.key for r in records(parsed(kind))]
    assert keys and len(keys) == len(set(keys))
    for key in keys:
        assert isinstance(key, tuple) and all(isinstance(part, str) and part for part in key)


def test_results_are_frozen(parsed):
    document = parsed("hedensted_plan")
    assert isinstance(document, ParsedDocument)
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.kind = "other"
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.action_plan_rows[0].status = "Afsluttet"
