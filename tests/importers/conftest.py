"""Fixtures for the importer tests: the real source documents, parsed once per session.

The documents are not copied into the project; they are read from the seeds folder
(``FREMDRIFT_SEEDS`` if set, else ``<repo root>/../shared/seeds``) and the tests are skipped
when it is absent.
"""

from pathlib import Path

import pytest

from fremdrift.importers import ParsedDocument, parse_path

# The seed files by the number their names start with; the parsers never look at names.
SEED_NUMBERS = {
    "aalborg_strategies": "000",
    "national_pool": "001",
    "coi_cases": "002",
    "hedensted_plan": "003",
    "dialogen": "004",
}


@pytest.fixture(autouse=True)
def _fast_passwords():
    """The suite-wide fixture of this name needs pytest-django; the importers do not."""


@pytest.fixture(scope="session")
def seed_path(seeds_dir):
    def find(kind: str) -> Path:
        matches = sorted(seeds_dir.glob(f"{SEED_NUMBERS[kind]}_*.txt"))
        if not matches:
            pytest.skip(f"seed document {SEED_NUMBERS[kind]}_*.txt not found in {seeds_dir}")
        return matches[0]

    return find


@pytest.fixture(scope="session")
def parsed(seed_path):
    cache: dict[str, ParsedDocument] = {}

    def parse(kind: str) -> ParsedDocument:
        if kind not in cache:
            cache[kind] = parse_path(seed_path(kind))
        return cache[kind]

    return parse
