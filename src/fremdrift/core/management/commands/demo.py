import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from fremdrift.accounts.demo import DEMO_PASSWORD
from fremdrift.accounts.selectors import demo_accounts
from fremdrift.core import demo


class Command(BaseCommand):
    help = (
        "Set up the embedded database with demo data if it has none, and serve Fremdrift with a worker "
        "beside it (e-mail to the demo inbox, periodic jobs)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--no-serve", action="store_true", help="Prepare the database and stop.")

    def handle(self, *args, host, port, no_serve, **options):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        if not demo.has_data():
            self.stdout.write("Loading demo data …")
            demo.load_demo_data()
        self.stdout.write(self.style.SUCCESS(f"\nFremdrift demo: http://{host}:{port}/accounts/login/"))
        self.stdout.write(f"Every demo account has the password {DEMO_PASSWORD}")
        for account in demo_accounts():
            self.stdout.write(f"  {account['email']:32} {account['name']}: " + "; ".join(account["roles"]))
        if no_serve:
            return
        self.stdout.write(f"E-mail sent in the demo: http://{host}:{port}/demo/inbox/")
        # The worker runs as in production, in its own process with the same settings (the environment
        # `fremdrift demo` set up), and stops with the server.
        worker = subprocess.Popen([sys.executable, "-m", "fremdrift.cli", "worker", "--verbosity", "0"])
        # Stopped by `kill` as by Ctrl+C: the server ends through `finally`, and takes the worker along.
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
        try:
            call_command("runserver", f"{host}:{port}", use_reloader=False)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
