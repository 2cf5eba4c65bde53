"""The worker: runs enqueued tasks and enqueues the periodic jobs that are due, in one loop.

django-tasks-db's worker takes each task with a row lock (on SQLite in an exclusive transaction), so
any number of workers can run side by side. Its loop has no clock, so this one wraps it: it lets the
library's worker run every task that is ready, asks the scheduler (`periodic.enqueue_due`) when a
job is due, and sleeps `interval` seconds when there is nothing to do.
"""

import time
from datetime import datetime, timedelta

from django.db import close_old_connections
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks_db.management.commands.db_worker import Worker

from . import periodic

# A job another worker added, or a schedule changed by a new release, is seen within this time.
SCHEDULE_LOOK_AHEAD = timedelta(minutes=1)


def task_runner(worker_id: str | None = None) -> Worker:
    """The library's worker for every queue, in batch mode: each `run()` runs every ready task, then returns."""
    return Worker(
        queue_names=["*"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id or get_random_string(32),
    )


def run_once(runner: Worker, next_check: datetime | None = None) -> datetime:
    """Enqueue the periodic jobs that are due (if any can be, by `next_check`), then run every ready
    task; when to look at the schedule next."""
    now = timezone.now()
    if next_check is None or now >= next_check:
        due = periodic.enqueue_due(now)
        next_check = min(due or now + SCHEDULE_LOOK_AHEAD, now + SCHEDULE_LOOK_AHEAD)
    runner.run()
    return next_check


def run_forever(runner: Worker, *, interval: float) -> None:
    """Until the runner is told to stop (SIGTERM, SIGINT: `Worker.configure_signals`)."""
    next_check = None
    while runner.running:
        # A connection dropped by the database server while the worker slept is replaced, not used.
        close_old_connections()
        next_check = run_once(runner, next_check)
        time.sleep(interval)
