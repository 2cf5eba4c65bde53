from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasurementConfig(AppConfig):
    name = "fremdrift.measurement"
    verbose_name = _("Measurement")

    def ready(self):
        from fremdrift import audit

        from . import models

        audit.register(models.Indicator, organisation=lambda indicator: indicator.goal.project.organisation)
        for model in (models.Measurement, models.PhaseChange):
            audit.register(model, organisation=lambda obj: obj.indicator.goal.project.organisation)
