from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "fremdrift.strategy"
    verbose_name = _("Strategy")

    def ready(self):
        from fremdrift import audit
        from fremdrift.core.demo import DEMO_LOADERS

        from .demo import load_strategy_demo
        from .models import ActionPlan, ActionPlanRow, Beacon, Effort, Strategy

        audit.register(Strategy, organisation=lambda strategy: strategy.organisation)
        audit.register(Beacon, organisation=lambda beacon: beacon.strategy.organisation)
        audit.register(Effort, organisation=lambda effort: effort.beacon.strategy.organisation)
        audit.register(ActionPlan, organisation=lambda plan: plan.organisation)
        audit.register(ActionPlanRow, organisation=lambda row: row.plan.organisation)
        if load_strategy_demo not in DEMO_LOADERS:
            DEMO_LOADERS.append(load_strategy_demo)
