from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "fremdrift.funding"
    verbose_name = _("Funding")

    def ready(self):
        from fremdrift import audit
        from fremdrift.accounts import calendar_feeds
        from fremdrift.core.demo import DEMO_LOADERS

        from . import calendar, models
        from .demo import load_funding_demo

        by_fund = lambda obj: obj.fund.organisation  # noqa: E731
        by_application = lambda obj: obj.application.fund.organisation  # noqa: E731
        audit.register(models.Fund, organisation=lambda fund: fund.organisation)
        audit.register(models.FundBudgetYear, organisation=by_fund)
        audit.register(models.Criterion, organisation=by_fund)
        audit.register(models.Theme, organisation=by_fund)
        # The calendar's revision number is bookkeeping; the dates it follows are in the trail.
        audit.register(models.Round, organisation=by_fund, exclude={"sequence"})
        # An application belongs to the applicant unit's trail; what the fund does with it to the fund's.
        audit.register(models.Application, organisation=lambda application: application.organisation)
        for model in (models.Goal,):
            audit.register(model, organisation=lambda goal: goal.application.organisation)
        audit.register(
            models.Indicator, organisation=lambda indicator: indicator.goal.application.organisation
        )
        for model in (models.Partner, models.BudgetLine, models.ApplicationVersion):
            audit.register(model, organisation=lambda obj: obj.application.organisation)
        audit.register(models.Attachment, organisation=lambda obj: obj.application.organisation)
        for model in (models.ReviewAssignment, models.Recommendation, models.Decision):
            audit.register(model, organisation=by_application)
        audit.register(
            models.Review, organisation=lambda review: review.assignment.application.fund.organisation
        )
        audit.register(
            models.Score, organisation=lambda score: score.review.assignment.application.fund.organisation
        )
        audit.register(models.LedgerEntry, organisation=lambda entry: entry.budget_year.fund.organisation)
        if calendar.subscriptions not in calendar_feeds.ADDRESSES:
            calendar_feeds.ADDRESSES.append(calendar.subscriptions)
        if load_funding_demo not in DEMO_LOADERS:
            DEMO_LOADERS.append(load_funding_demo)
