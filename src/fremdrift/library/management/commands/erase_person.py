from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from fremdrift import access
from fremdrift.library.services import erase_person


class Command(BaseCommand):
    help = "Delete a person's contact data from every case at once (a GDPR erasure request)."

    def add_arguments(self, parser):
        parser.add_argument("--email", default="")
        parser.add_argument("--name", default="")
        parser.add_argument("--by", required=True, help="E-mail of the platform administrator doing it.")
        parser.add_argument(
            "--reason", required=True, help="Why, for the audit trail (e.g. the request's date)."
        )

    def handle(self, *args, email, name, by, reason, **options):
        actor = get_user_model().objects.filter(email__iexact=by).first()
        if actor is None:
            raise CommandError(f"No user {by}.")
        try:
            erased = erase_person(actor, email=email, name=name, reason=reason)
        except (ValidationError, access.NotAllowed) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from error
        self.stdout.write(self.style.SUCCESS(f"Erased {erased} contact record(s)."))
