from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "fremdrift.projects"
    verbose_name = _("Projects")

    def ready(self):
        from fremdrift import audit
        from fremdrift.core.demo import DEMO_LOADERS

        from . import models
        from .demo import load_projects_demo

        for model in (
            models.Project,
            models.PdsaCycle,
            models.Goal,
            models.StatusReport,
            models.ProgressEntry,
            models.Milestone,
            models.Evaluation,
            models.BusinessCase,
            models.ClosingDecision,
        ):
            audit.register(model, organisation=lambda obj: obj.organisation)
        for model in (models.CostLine, models.BenefitLine):
            audit.register(model, organisation=lambda line: line.business_case.project.organisation)
        if load_projects_demo not in DEMO_LOADERS:
            DEMO_LOADERS.append(load_projects_demo)
