from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackgroundConfig(AppConfig):
    name = "fremdrift.background"
    verbose_name = _("Background work")

    def ready(self):
        from . import periodic

        # Every app's `jobs.py` declares its periodic jobs; the worker runs them all.
        periodic.collect()
