import os
from pathlib import Path

import hypothesis
import pytest

from demo_world import FAST_HASHERS, demo_world, fremdrift_tables

# Playwright's sync API runs an event loop in the test thread; the ORM calls in our tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Speed is measured by the benchmarks, not by timing tests: on a loaded 2-core machine hypothesis's
# per-example deadline would fail correct code.
hypothesis.settings.register_profile("fremdrift", deadline=None)
hypothesis.settings.load_profile("fremdrift")


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """A task runs when it is enqueued, so e-mail queued by `core.mail.send` is delivered (to the outbox)
    when the test's on-commit callbacks run. The tests of the worker itself switch back to the database."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _fresh_throttles():
    """Throttles count in the cache, which would otherwise carry over from one test to the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        demo_world()


@pytest.fixture
def world(db):
    """The demo world: two municipalities, a national body and a user for every role."""
    return demo_world()


@pytest.fixture
def empty_database(db):
    """For tests that count what they make from nothing: the demo world is removed until the test ends."""
    from django.db import connection

    # Foreign keys are checked when the test's transaction ends, so the order of deletion does not matter.
    with connection.cursor() as cursor:
        for table in fremdrift_tables():
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


@pytest.fixture
def client_for(client, world):
    """A test client logged in as the demo user with the given e-mail address."""

    def log_in(email):
        client.force_login(world.users[email])
        return client

    return log_in


@pytest.fixture
def installation(settings):
    """The installation's address and sender, as production sets them; e-mails are made from them."""
    from mails import SENDER, SITE_URL

    settings.SITE_URL = SITE_URL
    settings.DEFAULT_FROM_EMAIL = SENDER


REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """``FREMDRIFT_SEEDS`` if set, else ``<repo root>/../shared/seeds``; tests skip when it is absent."""
    path = Path(os.environ.get("FREMDRIFT_SEEDS") or REPO_ROOT.parent / "shared" / "seeds")
    if not path.is_dir():
        pytest.skip(f"seed documents not found in {path}")
    return path
