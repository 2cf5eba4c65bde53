from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fremdrift.importers import UnknownDocument, parse_path
from fremdrift.library.importing import import_document


class Command(BaseCommand):
    help = "Import source documents (recognised by content) into the case library. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)

    def handle(self, *args, paths, **options):
        failed = []
        for path in paths:
            try:
                parsed = parse_path(path)
            except (OSError, UnknownDocument) as error:
                self.stderr.write(f"{path}: {error}")
                failed.append(path)
                continue
            for line in import_document(parsed).lines():
                self.stdout.write(line)
        if failed:
            raise CommandError(f"{len(failed)} file(s) could not be imported.")
