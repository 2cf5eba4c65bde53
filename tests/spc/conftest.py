import pytest


@pytest.fixture(autouse=True)
def _fast_passwords():
    """The SPC engine has no Django: this replaces the root conftest's fixture, which needs settings."""
