from django.core.management.base import BaseCommand, CommandError

from fremdrift.core import demo


class Command(BaseCommand):
    help = "Load the demo organisations, users and content into an empty database."

    def handle(self, *args, **options):
        if demo.has_data():
            raise CommandError(
                "The database already has organisations; demo data is only loaded into an empty one."
            )
        world = demo.load_demo_data()
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {len(world.organisations)} organisations and {len(world.users)} users."
            )
        )
