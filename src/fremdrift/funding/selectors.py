"""Reads for the fund pages, narrowed by the same rules the services check.

Who sees a fund or an application is declared in `fremdrift.access` (roles and relations).
Reviews are read only through `visible_reviews`: never by applicants, a sealed review only by its
author.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Prefetch

from fremdrift import access
from fremdrift.organisations.roles import Role

from . import ledger, scoring
from .models import (
    ROUND_STEPS,
    Application,
    ApplicationStatus,
    Decision,
    Fund,
    FundBudgetYear,
    LedgerEntry,
    Review,
    ReviewAssignment,
    Round,
)


def funds_open_to(user, organisation) -> list:
    """The funds the user may apply to on behalf of the organisation."""
    return list(access.funds_open_to(user, visible_funds(user), organisation).order_by("name"))


def units_that_may_apply(user, fund):
    return access.units_that_may_apply(user, fund).order_by("path")


def visible_funds(user):
    return access.narrow(Fund.objects.select_related("organisation"), user, "fund.view")


def visible_applications(user):
    return access.narrow(Application.objects.all(), user, "application.view")


def visible_reviews(user, application):
    """The application's reviews the user may read (`access.narrow_reviews`)."""
    reviews = Review.objects.filter(assignment__application=application).select_related(
        "assignment__reviewer"
    )
    return access.narrow_reviews(reviews.prefetch_related("scores__criterion"), user, application)


def application_list_for(user):
    return (
        visible_applications(user)
        .select_related("fund", "round", "organisation", "project_lead")
        .prefetch_related("budget_lines")
        .order_by("-created_at", "-pk")
    )


def application_page(application):
    return (
        Application.objects.filter(pk=application.pk)
        .select_related("fund__organisation", "round", "organisation", "project_lead", "created_by")
        .prefetch_related(
            "budget_lines",
            "partners",
            "goals__indicators",
            "criteria",
            "themes",
            "attachments",
            "versions",
            Prefetch("decisions", queryset=Decision.objects.select_related("decided_by", "budget_year")),
            "recommendations",
            Prefetch("assignments", queryset=ReviewAssignment.objects.select_related("reviewer")),
        )
        .get()
    )


def current_decision(application) -> Decision | None:
    """The latest decision: a correction replaces what it corrects."""
    decisions = list(application.decisions.all())
    return decisions[-1] if decisions else None


def fund_balances(fund) -> list[tuple[FundBudgetYear, ledger.Balance]]:
    years = list(fund.budget_years.order_by("year"))
    by_year = defaultdict(list)
    for year_id, kind, amount in LedgerEntry.objects.filter(budget_year__fund=fund).values_list(
        "budget_year_id", "kind", "amount"
    ):
        by_year[year_id].append((kind, amount))
    return [(year, ledger.balance(by_year[year.pk])) for year in years]


def year_balance(budget_year) -> ledger.Balance:
    return ledger.balance(LedgerEntry.objects.filter(budget_year=budget_year).values_list("kind", "amount"))


def ledger_entries(fund):
    return (
        LedgerEntry.objects.filter(budget_year__fund=fund)
        .select_related("budget_year", "application", "recorded_by")
        .order_by("budget_year__year", "booked_on", "pk")
    )


def application_paid_and_returned(application) -> tuple[Decimal, Decimal, Decimal]:
    """(granted, paid, returned) for one application, summed over the fund's years."""
    totals = ledger.balance(application.ledger_entries.values_list("kind", "amount"))
    return totals.granted, totals.paid, totals.returned


def criterion_specs(fund) -> list[scoring.CriterionSpec]:
    return [scoring.CriterionSpec(c.pk, c.weight, c.scale_max) for c in fund.criteria.all()]


def round_overview(round_):
    """Applications of a round with requested amount, weighted score, spread and disagreement."""
    fund = round_.fund
    specs = criterion_specs(fund)
    applications = list(
        round_.applications.exclude(status=ApplicationStatus.DRAFT)
        .select_related("organisation", "project_lead")
        .prefetch_related(
            "budget_lines",
            "recommendations",
            "decisions",
            Prefetch(
                "assignments",
                queryset=ReviewAssignment.objects.select_related("review").prefetch_related("review__scores"),
            ),
        )
        .order_by("title")
    )
    rows = []
    for application in applications:
        reviews = []
        for assignment in application.assignments.all():
            review = getattr(assignment, "review", None)
            if review is not None and review.submitted_at is not None:
                reviews.append({s.criterion_id: s.value for s in review.scores.all()})
        recommendations = list(application.recommendations.all())
        decisions = list(application.decisions.all())
        rows.append(
            {
                "application": application,
                "requested": application.requested_amount,
                "assessment": scoring.assess(specs, reviews),
                "assigned": len(application.assignments.all()),
                "recommendation": recommendations[-1] if recommendations else None,
                "decision": decisions[-1] if decisions else None,
            }
        )
    return rows


def own_assignment(user, application):
    """The user's own review assignment on the application, from its prefetched assignments."""
    return next((a for a in application.assignments.all() if a.reviewer_id == user.pk), None)


def rounds_of(fund):
    return list(Round.objects.filter(fund=fund).order_by("deadline"))


def granted_projects(fund):
    """Applications whose current decision is a grant, for the political committee."""
    applications = (
        fund.applications.filter(status=ApplicationStatus.GRANTED)
        .select_related("organisation", "round", "project_lead")
        .prefetch_related("decisions")
        .order_by("title")
    )
    rows = []
    for application in applications:
        decisions = list(application.decisions.all())
        rows.append({"application": application, "decision": decisions[-1] if decisions else None})
    return rows


def reviewers_for(fund):
    """Users holding the reviewer role in the fund's organisation or above."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            memberships__role=Role.REVIEWER,
            memberships__organisation__path__in=access.paths_above(fund.organisation.path),
        )
        .distinct()
        .order_by("first_name", "last_name")
    )


def timeline(fund) -> list[dict]:
    """The fund's yearly cycle: every dated step of every round, in order. `kind` names the step
    (`ROUND_STEPS`)."""
    events = []
    for round_ in fund.rounds.all():
        for kind, what in ROUND_STEPS:
            when = getattr(round_, kind)
            if when is None:
                continue
            is_datetime = hasattr(when, "hour")
            local = when.astimezone(fund.zone) if is_datetime else when
            events.append(
                {
                    "kind": kind,
                    "when": local,
                    "date": local.date() if is_datetime else local,
                    "has_time": is_datetime,
                    "what": what,
                    "round": round_,
                }
            )
    return sorted(
        events,
        key=lambda event: (event["date"], event["when"].time() if event["has_time"] else datetime.time.min),
    )
