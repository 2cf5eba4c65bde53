import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.foundation]

SCRIPT = Path(__file__).with_name("sqlite_writers.py")


def test_two_saves_of_a_draft_at_once_both_succeed_on_the_embedded_database(tmp_path):
    """The embedded database is configured for concurrent writers (settings.py), so a save while the
    autosave is in flight waits its turn instead of failing with "database is locked".

    The test database is in memory and shared by one connection, so the writers run in their own
    process against a file database built from the real settings."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "DJANGO_SETTINGS_MODULE": "fremdrift.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fremdrift.sqlite3'}",
        "FREMDRIFT_DATA_DIR": str(tmp_path),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    result = subprocess.run(
        [sys.executable, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
