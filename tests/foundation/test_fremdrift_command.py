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


def test_the_worker_runs_the_periodic_jobs_that_are_due(tmp_path):
    import sqlite3

    assert run("migrate", cwd=tmp_path).returncode == 0
    worked = run("worker", "--once", cwd=tmp_path)
    assert worked.returncode == 0, worked.stderr
    with sqlite3.connect(tmp_path / "fremdrift.sqlite3") as database:
        jobs = dict(database.execute("SELECT name, last_run_at IS NOT NULL FROM background_periodicjob"))
        tasks = database.execute(
            "SELECT task_path, status FROM django_tasks_database_dbtaskresult"
        ).fetchall()
    # The sweep runs at once and every minute; the clean-up waits for its time of day.
    assert jobs == {"mail.sweep": 1, "background.prune": 0}
    assert tasks == [("fremdrift.core.mail.sweep", "SUCCESSFUL")]
