import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the first platform administrator (or make an existing user one)."

    def add_arguments(self, parser):
        parser.add_argument("--email", help="E-mail address (asked for if not given).")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--no-input",
            action="store_true",
            help="Do not prompt; the password comes from FREMDRIFT_ADMIN_PASSWORD.",
        )

    def handle(self, *args, email, first_name, last_name, no_input, **options):
        email = (email or ("" if no_input else input("E-mail: "))).strip().lower()
        if not email:
            raise CommandError("An e-mail address is required.")
        password = os.environ.get("FREMDRIFT_ADMIN_PASSWORD") if no_input else getpass.getpass("Password: ")
        if not password:
            raise CommandError("A password is required (FREMDRIFT_ADMIN_PASSWORD with --no-input).")
        User = get_user_model()
        user = User.objects.filter(email__iexact=email).first() or User(username=email, email=email)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        user.first_name = first_name or user.first_name
        user.last_name = last_name or user.last_name
        user.is_platform_admin = user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(self.style.SUCCESS(f"{email} is a platform administrator."))
