"""Indicator pages: the chart with its explanation, the quick entry grid, import, export, changes."""

import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fremdrift import access
from fremdrift.core import spreadsheets
from fremdrift.core.formatting import editable
from fremdrift.core.forms import add_service_errors, service_error_messages
from fremdrift.core.requests import whole_number

from . import charting, forms, services, tabular
from .models import Indicator, Measurement, PhaseChange


def _indicator(request, pk, action="project.view"):
    indicator = Indicator.objects.select_related("goal__project__organisation", "owner").filter(pk=pk).first()
    if indicator is None:
        raise Http404
    access.get_for(
        request.user, action, type(indicator.goal.project).objects.all(), pk=indicator.goal.project_id
    )
    return indicator


def _people(project):
    root = project.organisation.ancestor_ids[0]
    return (
        get_user_model()
        .objects.filter(memberships__organisation__path__startswith=f"/{root}/")
        .distinct()
        .order_by("first_name")
    )


def _may_edit(user, indicator) -> bool:
    project = indicator.goal.project
    return bool(access.has_permission(user, "project.edit", project)) and project.is_editable


@login_required
def indicator_new(request, goal_pk):
    # The goal is reached through the relation the indicator declares ("projects.Goal"): the
    # measurement app sits below projects and does not import it.
    goals = Indicator._meta.get_field("goal").related_model.objects
    goal = get_object_or_404(goals.select_related("project__organisation"), pk=goal_pk)
    project = access.get_for(
        request.user, "project.edit", type(goal.project).objects.all(), pk=goal.project_id
    )
    form = forms.IndicatorForm(
        request.POST or None, people=_people(project), initial={"owner": request.user.pk}
    )
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.add_indicator(request.user, goal=goal, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The indicator was added. Enter its measurements."))
            return redirect("measurement:indicator", pk=indicator.pk)
    return render(
        request,
        "measurement/form_page.html",
        {
            "form": form,
            "title": _("New indicator"),
            "subject": goal,
            "project": project,
            "submit": _("Add the indicator"),
        },
    )


@login_required
def indicator_edit(request, pk):
    indicator = _indicator(request, pk, "project.edit")
    form = forms.IndicatorForm(
        request.POST or None, instance=indicator, people=_people(indicator.goal.project)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_indicator(
                request.user, indicator=Indicator.objects.get(pk=pk), fields=form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("measurement:indicator", pk=pk)
    return render(
        request,
        "measurement/form_page.html",
        {
            "form": form,
            "title": _("Edit %(title)s") % {"title": indicator.name},
            "project": indicator.goal.project,
            "submit": _("Save"),
        },
    )


@login_required
def indicator(request, pk):
    indicator = _indicator(request, pk)
    current = list(indicator.measurements.current().select_related("recorded_by").order_by("period"))
    changes = list(indicator.phase_changes.all())
    chart = charting.indicator_chart(indicator, current, changes, request.GET.get("chart", "run"))
    corrections = list(
        Measurement.objects.filter(indicator=indicator, superseded_by__isnull=False)
        .select_related("recorded_by", "superseded_by")
        .order_by("period", "recorded_at")
    )
    may_edit = _may_edit(request.user, indicator)
    return render(
        request,
        "measurement/indicator.html",
        {
            "indicator": indicator,
            "project": indicator.goal.project,
            "measurements": current,
            "changes": changes,
            "chart": chart,
            "corrections": corrections,
            "may_edit": may_edit,
            "change_form": forms.ChangeForm(),
            "freeze_form": forms.FreezeForm(initial={"frozen_baseline": indicator.frozen_baseline}),
        },
    )


@login_required
def chart_svg(request, pk):
    indicator = _indicator(request, pk)
    chart = charting.indicator_chart(
        indicator,
        list(indicator.measurements.current()),
        list(indicator.phase_changes.all()),
        request.GET.get("chart", "run"),
    )
    if chart is None:
        raise Http404
    return HttpResponse(chart.svg, content_type="image/svg+xml; charset=utf-8")


def _next_period(period: datetime.date, frequency: str) -> datetime.date:
    if frequency == "weekly":
        return period + datetime.timedelta(days=7)
    months = 3 if frequency == "quarterly" else 1
    month = period.month - 1 + months
    return datetime.date(period.year + month // 12, month % 12 + 1, 1)


def _first_period(indicator) -> datetime.date:
    start = indicator.baseline_starts_on or indicator.goal.project.starts_on or datetime.date.today()
    if indicator.frequency == "weekly":
        return start - datetime.timedelta(days=start.weekday())
    if indicator.frequency == "quarterly":
        return datetime.date(start.year, (start.month - 1) // 3 * 3 + 1, 1)
    return start.replace(day=1)


def grid_periods(indicator, current, empty_rows: int) -> list:
    rows = [(m.period, m) for m in current]
    period = _next_period(current[-1].period, indicator.frequency) if current else _first_period(indicator)
    for _number in range(empty_rows):
        rows.append((period, None))
        period = _next_period(period, indicator.frequency)
    return rows


@login_required
def entry(request, pk):
    """The quick entry grid: one row per period, big inputs, works on a phone."""
    indicator = _indicator(request, pk, "project.edit")
    current = list(indicator.measurements.current().order_by("period"))
    try:
        empty_rows = min(max(int(request.GET.get("rows", 0)), 0), 60) or (6 if current else 24)
    except ValueError:
        empty_rows = 6
    rows = grid_periods(indicator, current, empty_rows)
    errors = {}
    if request.method == "POST":
        submitted = []
        count = whole_number(request.POST.get("count"), default=0)
        for i in range(min(count, 200)):
            try:
                period = datetime.date.fromisoformat(request.POST.get(f"period-{i}", ""))
            except ValueError:
                continue
            submitted.append(
                {
                    "period": period,
                    "value": request.POST.get(f"value-{i}", "").strip(),
                    "numerator": request.POST.get(f"numerator-{i}", "").strip(),
                    "denominator": request.POST.get(f"denominator-{i}", "").strip(),
                }
            )
        try:
            result = services.record_grid(request.user, indicator=indicator, rows=submitted)
        except ValidationError as error:
            errors = service_error_messages(error)
            messages.error(request, _("Nothing was saved. Correct the marked values."))
        else:
            messages.success(
                request,
                _("%(saved)s values saved, %(corrected)s corrected.")
                % {"saved": len(result.saved), "corrected": len(result.corrected)},
            )
            return redirect("measurement:indicator", pk=pk)
    posted = request.POST if request.method == "POST" else {}

    def shown(name, i, saved):
        if posted:
            return posted.get(f"{name}-{i}", "")
        return editable(saved)

    grid = []
    for i, (period, measurement) in enumerate(rows):
        grid.append(
            {
                "i": i,
                "period": period,
                "label": charting.period_label(period, indicator.frequency),
                "value": shown("value", i, getattr(measurement, "value", None)),
                "numerator": shown("numerator", i, getattr(measurement, "numerator", None)),
                "denominator": shown("denominator", i, getattr(measurement, "denominator", None)),
                "errors": [m for key, msgs in errors.items() if key.startswith(f"{i}-") for m in msgs],
            }
        )
    return render(
        request,
        "measurement/entry.html",
        {"indicator": indicator, "project": indicator.goal.project, "grid": grid, "count": len(grid)},
    )


@login_required
def import_file(request, pk):
    indicator = _indicator(request, pk, "project.edit")
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = services.import_measurements(
            request.user, indicator=indicator, data=upload.read(), filename=upload.name
        )
        if not result.problems:
            done = _("%(count)s values imported.") % {"count": result.imported}
            if result.separator:
                done += " " + _("Separator: %(separator)s") % {"separator": result.separator}
            messages.success(request, done)
            return redirect("measurement:indicator", pk=pk)
    return render(
        request,
        "measurement/import.html",
        {
            "indicator": indicator,
            "project": indicator.goal.project,
            "form": form,
            "result": result,
            "columns": tabular.columns_for(indicator),
        },
    )


@login_required
def export(request, pk, fmt):
    indicator = _indicator(request, pk)
    rows = services.export_table(indicator)
    filename = spreadsheets.file_name(indicator.name, fmt, fallback="indicator")
    return spreadsheets.download(rows, filename, title=indicator.name)


@login_required
@require_POST
def add_change(request, pk):
    indicator = _indicator(request, pk, "project.edit")
    form = forms.ChangeForm(request.POST)
    if form.is_valid():
        try:
            services.add_change(request.user, indicator=indicator, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The change is marked on the chart."))
    else:
        messages.error(request, _("Give the date and what changed."))
    return redirect("measurement:indicator", pk=pk)


@login_required
@require_POST
def remove_change(request, pk, change_pk):
    indicator = _indicator(request, pk, "project.edit")
    change = get_object_or_404(PhaseChange, pk=change_pk, indicator=indicator)
    services.remove_change(request.user, change=change)
    return redirect("measurement:indicator", pk=pk)


@login_required
@require_POST
def freeze(request, pk):
    indicator = _indicator(request, pk, "project.edit")
    form = forms.FreezeForm(request.POST)
    if form.is_valid():
        try:
            services.freeze_baseline(
                request.user, indicator=indicator, points=form.cleaned_data["frozen_baseline"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Saved."))
    return redirect("measurement:indicator", pk=pk)


@login_required
def correct(request, pk, measurement_pk):
    indicator = _indicator(request, pk, "project.edit")
    measurement = get_object_or_404(
        Measurement, pk=measurement_pk, indicator=indicator, superseded_by__isnull=True
    )
    initial = {
        "value": editable(measurement.value),
        "numerator": editable(measurement.numerator),
        "denominator": editable(measurement.denominator),
        "note": measurement.note,
    }
    form = forms.CorrectionForm(request.POST or None, indicator=indicator, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.correct_measurement(
                request.user,
                measurement=measurement,
                value=data.get("value"),
                numerator=data.get("numerator"),
                denominator=data.get("denominator"),
                note=data["note"],
                reason=data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Corrected; the previous value is kept."))
            return redirect("measurement:indicator", pk=pk)
    title = _("Correct %(period)s") % {
        "period": charting.period_label(measurement.period, indicator.frequency)
    }
    return render(
        request,
        "measurement/form_page.html",
        {
            "form": form,
            "title": title,
            "subject": indicator,
            "project": indicator.goal.project,
            "submit": _("Save the correction"),
        },
    )
