"""Run by test_sqlite_takes_concurrent_writers in a fresh process against a file database.

Two threads, each with its own connection, save the same application draft at once, as the
autosave and the save button do. Prints each failure and exits non-zero when any write failed.
"""

import sys
import threading
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' own helpers

WRITERS = 2
SAVES_EACH = 15


def main():
    django.setup()
    from django.apps import apps
    from django.core.management import call_command
    from django.db import connection, connections
    from django.test import override_settings

    from demo_world import demo_world
    from fremdrift.funding import applications
    from fremdrift.funding.models import Application, ApplicationStatus

    assert connection.vendor == "sqlite" and connection.settings_dict["NAME"] != ":memory:"
    # The tables straight from the models (the migrations are tested elsewhere): a tenth of the time.
    with override_settings(MIGRATION_MODULES={app.label: None for app in apps.get_app_configs()}):
        call_command("migrate", run_syncdb=True, verbosity=0)
    demo_world()
    application = Application.objects.filter(status=ApplicationStatus.DRAFT).first()
    applicant = application.created_by
    connections.close_all()

    failures = []
    start = threading.Barrier(WRITERS)

    def write(writer):
        start.wait()
        try:
            for n in range(SAVES_EACH):
                try:
                    draft = Application.objects.get(pk=application.pk)
                    applications.save_draft(
                        applicant, application=draft, fields={"challenge": f"writer {writer}, save {n}"}
                    )
                except Exception as error:  # every failure is the finding, whatever its kind
                    failures.append(f"writer {writer}, save {n}: {type(error).__name__}: {error}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(writer,)) for writer in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print("\n".join(failures) or "no failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
