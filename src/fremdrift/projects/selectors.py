"""Reads for project pages and the portfolio: flat queries, narrowed by `fremdrift.access`."""

import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from fremdrift import access
from fremdrift.measurement import charting
from fremdrift.measurement.models import Indicator, Measurement

from . import business_case
from .models import Goal, Project, ProjectStatus, StatusReport


def _indicator_prefetch():
    return Prefetch(
        "goals",
        queryset=Goal.objects.prefetch_related(
            Prefetch(
                "indicators",
                queryset=Indicator.objects.select_related("owner").prefetch_related(
                    Prefetch(
                        "measurements",
                        queryset=Measurement.objects.current().order_by("period"),
                        to_attr="current",
                    ),
                    "phase_changes",
                ),
            )
        ),
    )


def visible_projects(user):
    return (
        access.narrow(Project.objects.all(), user, "project.view")
        .select_related("organisation", "project_lead", "fund")
        .order_by("organisation__path", "title")
    )


@dataclass
class IndicatorSummary:
    indicator: Indicator
    count: int
    latest: object
    signal: bool
    improving: bool | None


def summarise_indicator(indicator) -> IndicatorSummary:
    measurements = getattr(indicator, "current", None)
    if measurements is None:
        measurements = list(indicator.measurements.current().order_by("period"))
    result = charting.analyse_indicator(indicator, measurements, indicator.phase_changes.all())
    signal, improving = False, None
    if result is not None:
        signal = charting.has_signal(result[0])
        improving = charting.improving(indicator, result[0])
    return IndicatorSummary(
        indicator, len(measurements), measurements[-1] if measurements else None, signal, improving
    )


def project_page(project):
    project = (
        Project.objects.select_related(
            "organisation", "project_lead", "fund", "application", "receiving_organisation"
        )
        .prefetch_related(
            "team",
            "criteria",
            "themes",
            _indicator_prefetch(),
            "milestones",
            Prefetch("status_reports", queryset=StatusReport.objects.select_related("created_by")),
            "progress_entries__created_by",
            "evaluations",
            "pdsa_cycles__indicator",
            "closing_decisions__receiving_organisation",
            "closing_decisions__spread_to",
            "closing_decisions__decided_by",
        )
        .get(pk=project.pk)
    )
    goals = [
        (goal, [summarise_indicator(indicator) for indicator in goal.indicators.all()])
        for goal in project.goals.all()
    ]
    reports = list(project.status_reports.all())
    return {
        "project": project,
        "goals": goals,
        "latest_report": reports[0] if reports else None,
        "reports": reports,
        "cycles": list(project.pdsa_cycles.all()),
        "decisions": list(project.closing_decisions.all()),
    }


def project_report(project):
    """What the project's PDF report shows: the project page's reads, each indicator's chart (the
    run chart the indicator page shows first) and the latest evaluation."""
    context = project_page(project)
    project = context["project"]
    context["charts"] = [
        (
            summary,
            charting.indicator_chart(
                summary.indicator,
                summary.indicator.current,
                summary.indicator.phase_changes.all(),
                chart_id=f"chart-{summary.indicator.pk}",
            ),
        )
        for _goal, summaries in context["goals"]
        for summary in summaries
    ]
    evaluations = list(project.evaluations.all())
    context["latest_evaluation"] = evaluations[-1] if evaluations else None
    return context


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 → 28 Feb)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


@dataclass
class ReportDue:
    on: datetime.date
    overdue: bool


def next_report_due(project, today: datetime.date) -> ReportDue | None:
    """When the project's next status report is due on its fund's schedule: the fund's interval after
    the latest status report, or after the start when there is none. None without a fund or once the
    project is closed.

    Reads the status reports already fetched (`project_page`'s and `portfolio`'s prefetch), so it adds
    no queries to a page that lists projects."""
    if project.fund_id is None or project.status == ProjectStatus.CLOSED:
        return None
    reports = getattr(project, "reports", None)
    if reports is None:
        reports = project.status_reports.all()
    last = max((report.reported_on for report in reports), default=None)
    if last is None:
        last = project.starts_on or project.created_at.date()
    due = add_months(last, project.fund.report_every_months)
    return ReportDue(due, due < today)


def business_case_summary(case):
    if case is None:
        return None
    costs = [(line.year, line.amount) for line in case.costs.all()]
    benefits = [
        (
            line.year,
            line.actual
            if line.actual is not None
            else (line.forecast if line.forecast is not None else line.target),
        )
        for line in case.benefits.all()
        if line.kind == "economic"
    ]
    return business_case.summarise(case.first_year, case.discount_rate, costs, benefits)


def indicator_actual(indicator, year: int) -> Decimal | None:
    """A benefit's actual from an indicator: the mean of the year's current values, as shown."""
    values = [
        m.shown_value
        for m in indicator.measurements.current().filter(period__year=year)
        if m.shown_value is not None
    ]
    if not values:
        return None
    return Decimal(str(round(sum(values) / len(values), 2)))


@dataclass
class PortfolioRow:
    project: Project
    report: StatusReport | None
    spent: Decimal
    share_spent: int | None
    indicators: list
    report_due: ReportDue | None


def portfolio(user, *, fund=None, organisation=None, theme=None, criterion=None, status=None, today=None):
    """Every project the user oversees, with what the portfolio shows, in a fixed number of queries."""
    today = today or timezone.localdate()
    projects = access.narrow(Project.objects.all(), user, "project.portfolio").select_related(
        "organisation", "project_lead", "fund"
    )
    if fund:
        projects = projects.filter(fund=fund)
    if organisation:
        projects = projects.filter(organisation__path__startswith=organisation.path)
    if theme:
        projects = projects.filter(themes=theme)
    if criterion:
        projects = projects.filter(criteria=criterion)
    if status:
        projects = projects.filter(status=status)
    projects = (
        projects.distinct()
        .order_by("organisation__path", "title")
        .prefetch_related(
            Prefetch(
                "status_reports",
                queryset=StatusReport.objects.order_by("-reported_on", "-pk"),
                to_attr="reports",
            ),
            _indicator_prefetch(),
        )
    )
    rows = []
    for project in projects:
        report = project.reports[0] if project.reports else None
        spent = report.spent if report else Decimal("0")
        share = project.share_spent(spent)
        indicators = [summarise_indicator(i) for goal in project.goals.all() for i in goal.indicators.all()]
        rows.append(PortfolioRow(project, report, spent, share, indicators, next_report_due(project, today)))
    return rows
