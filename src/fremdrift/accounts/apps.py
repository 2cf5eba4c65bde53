from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "fremdrift.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from fremdrift import audit

        from .models import CalendarFeed, User

        audit.register(User, organisation=lambda user: None, exclude={"last_login"})
        # The hash stays out of the trail; a fetch (last use) is no change.
        audit.register(CalendarFeed, organisation=lambda feed: None, exclude={"token_hash", "last_used_at"})
