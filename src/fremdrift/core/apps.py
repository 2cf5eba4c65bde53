from django.apps import AppConfig
from django.urls import register_converter
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "fremdrift.core"
    verbose_name = _("Fremdrift")

    def ready(self):
        # Each app declares its workflows in its own `workflow` module; the engine knows them all.
        autodiscover_modules("workflow")
        from .spreadsheets import FormatConverter

        # `<sheet:fmt>` in a URL: only the formats `spreadsheets.download` writes; any other is a 404.
        register_converter(FormatConverter, "sheet")
