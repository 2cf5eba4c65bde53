from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "fremdrift.core"
    verbose_name = _("Fremdrift")

    def ready(self):
        # Each app declares its workflows in its own `workflow` module; the engine knows them all.
        autodiscover_modules("workflow")
