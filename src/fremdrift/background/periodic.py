"""Periodic jobs: work that runs by the clock, not because someone clicked.

An app declares its jobs as data in its `jobs.py`, each a task and when it runs:

    # <app>/jobs.py
    from datetime import time, timedelta

    from fremdrift.background.periodic import Job

    from . import reminders

    PERIODIC = [
        Job("funding.deadline_reminders", reminders.send_deadline_reminders, at=time(6, 0)),
        Job("funding.overdue_reports", reminders.mark_overdue_reports, every=timedelta(hours=1)),
    ]

`at` is a time of day in the installation's `TIME_ZONE`, kept across daylight-saving changes (a job at
06:00 runs at 06:00 in winter and in summer, once a day); `every` is an interval from the last run. The
task is a `django_tasks` task without arguments. The worker (`fremdrift worker`) calls `enqueue_due`
between tasks; a job is enqueued once however many workers run, and a job missed while no worker ran is
enqueued once when one starts again.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from importlib import import_module
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.module_loading import module_has_submodule
from django_tasks.base import Task

from .models import PeriodicJob


@dataclass(frozen=True)
class Job:
    name: str
    task: Task  # taking no arguments
    every: timedelta | None = None
    at: time | None = None

    def __post_init__(self):
        if (self.every is None) == (self.at is None):
            raise ValueError(f"Periodic job {self.name!r}: give `every` or `at`, one of them.")

    def next_run(self, after: datetime, zone: ZoneInfo) -> datetime:
        """The first time after `after` the job is due again."""
        if self.every is not None:
            return after + self.every
        after = after.astimezone(UTC)
        day = after.astimezone(zone).date()
        # A time the clocks skip (02:30 when they go forward) is read as the moment the clocks jump over
        # it, a time they pass twice as its first occurrence: either way once a day.
        while (candidate := datetime.combine(day, self.at, tzinfo=zone)) <= after:
            day += timedelta(days=1)
        return candidate.astimezone(UTC)

    def first_run(self, now: datetime, zone: ZoneInfo) -> datetime:
        """An interval job runs as soon as a worker sees it; a job at a time of day waits for that time."""
        return now if self.every is not None else self.next_run(now, zone)


# name -> Job, from every installed app's `jobs.PERIODIC`; filled when the apps are ready.
JOBS: dict[str, Job] = {}


def collect() -> None:
    JOBS.clear()
    for app in apps.get_app_configs():
        if not module_has_submodule(app.module, "jobs"):
            continue
        for job in import_module(f"{app.name}.jobs").PERIODIC:
            if job.name in JOBS:
                raise ValueError(f"Two periodic jobs are named {job.name!r}.")
            JOBS[job.name] = job


def enqueue_due(now: datetime | None = None) -> datetime | None:
    """Enqueue every job whose time has come; the time the next one is due.

    The job's row is taken with `select_for_update(skip_locked=True)`, so of two workers asking at once
    one enqueues the job and the other skips it; SQLite, which has no row locks, lets one writer at a
    time in (`transaction_mode` IMMEDIATE), and the second sees the job's next run already moved on.
    """
    now = now or timezone.now()
    zone = ZoneInfo(settings.TIME_ZONE)
    rows = PeriodicJob.objects.filter(name__in=JOBS)
    known = set(rows.values_list("name", flat=True))
    if known != set(JOBS):
        PeriodicJob.objects.bulk_create(
            [PeriodicJob(name=name, next_run_at=job.first_run(now, zone)) for name, job in JOBS.items()],
            ignore_conflicts=True,
        )
    if rows.filter(next_run_at__lte=now).exists():
        with transaction.atomic():
            for row in rows.filter(next_run_at__lte=now).select_for_update(skip_locked=True):
                job = JOBS[row.name]
                job.task.enqueue()
                row.last_run_at = now
                row.next_run_at = job.next_run(now, zone)
                row.save(update_fields=["last_run_at", "next_run_at"])
    return rows.aggregate(next=Min("next_run_at"))["next"]
