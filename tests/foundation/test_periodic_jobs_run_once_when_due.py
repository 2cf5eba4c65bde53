"""Periodic jobs run by the clock of the installation's time zone, once however many workers ask, across
daylight-saving changes, and once after a time without any worker."""

import threading
import time as pytime
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection, connections
from django_tasks import task

from fremdrift.background import periodic

pytestmark = [pytest.mark.foundation]

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
RUNS = []


@task
def remember_run():
    RUNS.append(datetime.now(UTC))


@task
def remember_slow_run():
    """A job that takes a while, so the other worker looks while the first still holds the job."""
    pytime.sleep(0.5)
    RUNS.append(datetime.now(UTC))


@pytest.fixture
def jobs(monkeypatch, settings):
    """`jobs(*Job)`: only these periodic jobs are known; the runs of `remember_run` are in `RUNS`."""
    settings.TIME_ZONE = "Europe/Copenhagen"
    RUNS.clear()

    def only(*declared):
        monkeypatch.setattr(periodic, "JOBS", {job.name: job for job in declared})

    return only


def local(*args):
    return datetime(*args, tzinfo=COPENHAGEN)


def worker_looks_at(moment):
    with time_machine.travel(moment, tick=False):
        return periodic.enqueue_due()


def test_the_apps_declare_the_mail_sweep_and_the_clean_up():
    assert {"mail.sweep", "background.prune"} <= set(periodic.JOBS)
    assert periodic.JOBS["mail.sweep"].every == timedelta(minutes=1)


def test_a_job_says_when_it_runs():
    with pytest.raises(ValueError):
        periodic.Job("nothing", remember_run)
    with pytest.raises(ValueError):
        periodic.Job("both", remember_run, every=timedelta(hours=1), at=time(6))


@pytest.mark.parametrize(
    "after, expected",
    [
        # The clocks go forward on 29 March 2026 (02:00 → 03:00): 06:00 is an hour earlier in UTC.
        (local(2026, 3, 28, 6, 0), local(2026, 3, 29, 6, 0)),
        # They go back on 25 October 2026 (03:00 → 02:00): 06:00 is an hour later in UTC.
        (local(2026, 10, 24, 6, 0), local(2026, 10, 25, 6, 0)),
        (local(2026, 10, 24, 5, 59), local(2026, 10, 24, 6, 0)),
    ],
)
def test_a_job_at_six_runs_at_six_local_time_across_daylight_saving(after, expected):
    job = periodic.Job("morning", remember_run, at=time(6, 0))
    assert job.next_run(after, COPENHAGEN) == expected
    assert job.next_run(after, COPENHAGEN).utcoffset() == timedelta(0)  # stored in UTC


def test_a_job_at_a_time_the_clocks_skip_or_repeat_runs_once_that_night():
    job = periodic.Job("night", remember_run, at=time(2, 30))
    skipped = job.next_run(local(2026, 3, 29, 0, 0), COPENHAGEN)
    assert skipped == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # when the clocks jump over 02:30
    assert job.next_run(skipped, COPENHAGEN).astimezone(COPENHAGEN).date().day == 30
    repeated = job.next_run(local(2026, 10, 25, 0, 0), COPENHAGEN)
    assert repeated == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # the first 02:30, summer time
    assert job.next_run(repeated, COPENHAGEN).astimezone(COPENHAGEN).date().day == 26


def test_the_worker_runs_a_six_oclock_job_once_a_day_across_the_change_to_summer_time(db, jobs):
    jobs(periodic.Job("morning", remember_run, at=time(6, 0)))
    start = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False) as clock:
        # The worker looks every ten minutes for two and a half days.
        for _ in range(6 * 60):
            periodic.enqueue_due()
            clock.shift(timedelta(minutes=10))
    assert [run.astimezone(COPENHAGEN) for run in RUNS] == [
        local(2026, 3, 28, 6, 0),
        local(2026, 3, 29, 6, 0),
    ]
    assert [run.hour for run in RUNS] == [5, 4]  # UTC: winter time, then summer time


def test_two_workers_asking_at_once_run_a_job_once(db, jobs):
    jobs(periodic.Job("hourly", remember_run, every=timedelta(hours=1)))
    now = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
    assert worker_looks_at(now) == now + timedelta(hours=1)
    assert worker_looks_at(now) == now + timedelta(hours=1)
    assert RUNS == [now]


def test_a_job_missed_while_no_worker_ran_runs_once_when_one_starts(db, jobs):
    jobs(periodic.Job("hourly", remember_run, every=timedelta(hours=1)))
    monday = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
    worker_looks_at(monday)
    worker_looks_at(monday + timedelta(hours=5, minutes=30))
    assert RUNS == [monday, monday + timedelta(hours=5, minutes=30)]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite has no row locks (it lets one writer in at a time), so concurrent workers are tested on PostgreSQL.",
)
def test_two_worker_processes_at_the_same_moment_run_a_job_once(jobs):
    jobs(periodic.Job("hourly", remember_slow_run, every=timedelta(hours=1)))
    now = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
    worker_looks_at(now - timedelta(hours=1))  # the job's row exists and is due again at `now`
    barrier = threading.Barrier(2)

    def worker():
        try:
            barrier.wait()
            periodic.enqueue_due()
        finally:
            connections.close_all()  # the thread's own connection, or the test database stays in use

    with time_machine.travel(now, tick=False):
        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert RUNS == [now - timedelta(hours=1), now]
