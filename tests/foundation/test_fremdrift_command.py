import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = [pytest.mark.foundation]

FREMDRIFT = shutil.which("fremdrift") or str(Path(__file__).resolve().parents[2] / ".venv/bin/fremdrift")


def run(*args, cwd, env=None):
    import os

    full_env = {**os.environ, "FREMDRIFT_DATA_DIR": str(cwd), **(env or {})}
    full_env.pop("DATABASE_URL", None)
    return subprocess.run(
        [FREMDRIFT, *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=120
    )


def test_demo_prepares_an_embedded_database_once(tmp_path):
    first = run("demo", "--no-serve", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "medarbejder@nordfjord.demo" in first.stdout
    assert (tmp_path / "fremdrift.sqlite3").exists()
    second = run("demo", "--no-serve", cwd=tmp_path)
    assert second.returncode == 0
    assert "Loading demo data" not in second.stdout


def test_check_and_django_commands_are_reachable(tmp_path):
    assert run("check", cwd=tmp_path).returncode == 0
    shown = run("showmigrations", "organisations", cwd=tmp_path)
    assert "0001_initial" in shown.stdout
