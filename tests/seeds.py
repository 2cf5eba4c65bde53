"""The real source documents, read from the seeds folder next to the repository (never copied into it)."""

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """``FREMDRIFT_SEEDS`` if set, else ``<repo root>/../shared/seeds``; tests skip when it is absent."""
    path = Path(os.environ.get("FREMDRIFT_SEEDS") or REPO_ROOT.parent / "shared" / "seeds")
    if not path.is_dir():
        pytest.skip(f"seed documents not found in {path}")
    return path
