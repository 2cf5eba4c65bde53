from django.core.management.base import BaseCommand

from fremdrift.library import export


class Command(BaseCommand):
    help = "Write every published case with all its fields (the open-data set) as JSON or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args, format, **options):
        rows = export.case_rows(export.published_cases())
        self.stdout.write(export.as_json(rows) if format == "json" else export.as_csv(rows), ending="")
