import logging

from django.core.management.base import BaseCommand

from fremdrift.background import periodic, worker


class Command(BaseCommand):
    help = "Run background work: send e-mail, run the periodic jobs when they are due. Runs until stopped."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds to wait when there is nothing to do."
        )
        parser.add_argument(
            "--once",
            action="store_true",
            help="Run what is due and ready now, then stop (for a check or cron).",
        )
        parser.add_argument("--worker-id", help="A name unique among the workers (default: a random one).")

    def handle(self, *args, interval, once, worker_id, verbosity, **options):
        if verbosity >= 2:
            # One line per task run, and the e-mail retries.
            for name in ("django_tasks", "django_tasks_db", "fremdrift"):
                logging.getLogger(name).setLevel(logging.INFO)
        runner = worker.task_runner(worker_id)
        if once:
            worker.run_once(runner)
            return
        runner.configure_signals()
        if verbosity >= 1:
            self.stdout.write(
                f"Fremdrift worker {runner.worker_id}; periodic jobs: {', '.join(sorted(periodic.JOBS))}"
            )
        worker.run_forever(runner, interval=interval)
