from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "fremdrift.ideas"
    verbose_name = _("Ideas")

    def ready(self):
        from fremdrift import audit
        from fremdrift.core.demo import DEMO_LOADERS

        from . import models
        from .demo import load_ideas_demo

        audit.register(models.Campaign, organisation=lambda campaign: campaign.organisation)
        audit.register(models.Idea, organisation=lambda idea: idea.organisation)
        for model in (
            models.IdeaMove,
            models.Support,
            models.Comment,
            models.LearningCause,
            models.LearningAction,
        ):
            audit.register(model, organisation=lambda obj: obj.organisation)
        audit.register(models.LearningReview, organisation=lambda review: review.organisation)
        if load_ideas_demo not in DEMO_LOADERS:
            DEMO_LOADERS.append(load_ideas_demo)
