import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls in our tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db):
    """The demo world: two municipalities, a national body and a user for every role."""
    from fremdrift.core.demo import load_demo_data

    return load_demo_data()


@pytest.fixture
def client_for(client, world):
    """A test client logged in as the demo user with the given e-mail address."""

    def log_in(email):
        client.force_login(world.users[email])
        return client

    return log_in


REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """``FREMDRIFT_SEEDS`` if set, else ``<repo root>/../shared/seeds``; tests skip when it is absent."""
    path = Path(os.environ.get("FREMDRIFT_SEEDS") or REPO_ROOT.parent / "shared" / "seeds")
    if not path.is_dir():
        pytest.skip(f"seed documents not found in {path}")
    return path
