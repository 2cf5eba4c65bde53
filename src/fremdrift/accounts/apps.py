from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "fremdrift.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from fremdrift import audit

        from .models import User

        audit.register(User, organisation=lambda user: None, exclude={"last_login"})
