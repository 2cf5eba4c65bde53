import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fremdrift import access
from fremdrift.audit.presenting import ShownChange
from fremdrift.core import spreadsheets
from fremdrift.core.forms import add_service_errors
from fremdrift.core.requests import object_or_404

from . import selectors, services, workflow, xlsx
from .forms import ActionPlanForm, BeaconForm, EffortForm, ImportForm, RowForm, StrategyForm
from .models import ActionPlan, ActionPlanRow, Beacon, Strategy

PROBLEMS = {
    "missing-effort": lambda: _("The effort (Indsats) is empty."),
    "unreadable-time-frame": lambda: _(
        'The time frame cannot be read as dates. Write for example "Jan – juni 2016" or '
        '"01.03.2016 – 31.12.2016", or describe it without dates, like "Løbende".'
    ),
    "unknown-status": lambda: (
        _(
            "Unknown status. Use one of: %(words)s (Danish, Swedish or English, any case), "
            "optionally followed by a dash and a note."
        )
        % {"words": ", ".join(xlsx.status_word(s, "da") for s in xlsx.STATUSES)}
    ),
    "forbidden-transition": lambda: _(
        "The status cannot change like this (see the allowed changes of status)."
    ),
}
# The file's columns as the page names them; a row's dates are read from its time frame and its
# note from its status.
COLUMNS = {
    "focus_area": gettext_lazy("Focus area"),
    "effort": gettext_lazy("Effort"),
    "goal": gettext_lazy("Goal"),
    "expected_effect": gettext_lazy("Expected effect"),
    "financing": gettext_lazy("Financing"),
    "time_frame": gettext_lazy("Time frame"),
    "status": gettext_lazy("Status"),
}
COLUMN_OF = {"starts_on": "time_frame", "ends_on": "time_frame", "status_note": "status"}


@login_required
def index(request):
    return render(
        request,
        "strategy/index.html",
        {
            "strategies": list(selectors.visible_strategies(request.user).order_by("organisation__path")),
            "plans": list(selectors.visible_plans(request.user)),
            "may_create_strategy": access.may_somewhere(request.user, "strategy.manage"),
            "may_create_plan": access.may_somewhere(request.user, "action_plan.edit"),
        },
    )


@login_required
def strategy_create(request):
    organisations = access.visible_organisations(request.user, "strategy.manage")
    form = StrategyForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            strategy = services.create_strategy(request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The strategy was created. Now add its beacons."))
            return redirect("strategy:edit", pk=strategy.pk)
    if not organisations.exists():
        raise access.NotAllowed(
            access.Permission(False, _("Only organisation administrators manage strategies."))
        )
    return render(request, "strategy/strategy_form.html", {"form": form})


@login_required
def strategy_tree(request, pk):
    strategy = access.get_for(
        request.user, "strategy.view", Strategy.objects.select_related("organisation"), pk=pk
    )
    return render(
        request,
        "strategy/tree.html",
        {
            "strategy": strategy,
            "may_manage": access.has_permission(request.user, "strategy.manage", strategy),
            **selectors.strategy_tree(strategy, request.user),
        },
    )


@login_required
def strategy_edit(request, pk):
    strategy = access.get_for(request.user, "strategy.manage", Strategy.objects.all(), pk=pk)
    beacons = list(strategy.beacons.prefetch_related("efforts"))
    form = StrategyForm(instance=strategy, prefix="strategy")
    beacon_form = BeaconForm(prefix="beacon")
    # Each beacon has its own "add effort" form, so the page's ids and a form's errors stay with it.
    effort_forms = {beacon.pk: EffortForm(prefix=f"effort-{beacon.pk}") for beacon in beacons}
    if request.method == "POST":
        try:
            if "save_strategy" in request.POST:
                form = StrategyForm(request.POST, instance=Strategy.objects.get(pk=pk), prefix="strategy")
                if form.is_valid():
                    services.update_strategy(request.user, strategy=strategy, **form.cleaned_data)
                    messages.success(request, _("The strategy was saved."))
                    return redirect("strategy:edit", pk=pk)
            elif "add_beacon" in request.POST:
                beacon_form = BeaconForm(request.POST, prefix="beacon")
                if beacon_form.is_valid():
                    services.add_beacon(request.user, strategy=strategy, **beacon_form.cleaned_data)
                    messages.success(request, _("The beacon was added."))
                    return redirect("strategy:edit", pk=pk)
            elif "add_effort" in request.POST:
                beacon = object_or_404(Beacon, request.POST.get("beacon"), strategy=strategy)
                effort_form = effort_forms[beacon.pk] = EffortForm(request.POST, prefix=f"effort-{beacon.pk}")
                if effort_form.is_valid():
                    services.add_effort(request.user, beacon=beacon, **effort_form.cleaned_data)
                    messages.success(request, _("The effort was added."))
                    return redirect("strategy:edit", pk=pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return render(
        request,
        "strategy/strategy_edit.html",
        {
            "strategy": strategy,
            "form": form,
            "beacon_form": beacon_form,
            "beacons": [(beacon, effort_forms[beacon.pk]) for beacon in beacons],
        },
    )


@login_required
def plan_create(request):
    organisations = access.visible_organisations(request.user, "action_plan.edit")
    if not organisations.exists():
        raise access.NotAllowed(
            access.Permission(False, _("Quality consultants and project leads keep the action plans."))
        )
    above = {pk for organisation in organisations for pk in organisation.ancestor_ids}
    strategies = Strategy.objects.filter(organisation_id__in=above)
    form = ActionPlanForm(
        request.POST or None,
        organisations=organisations,
        strategies=strategies,
        initial={"organisation": request.GET.get("organisation")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.create_action_plan(request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("strategy:plan", pk=plan.pk)
    return render(request, "strategy/plan_form.html", {"form": form})


def _plan(request, pk, action="action_plan.view"):
    return access.get_for(
        request.user, action, ActionPlan.objects.select_related("organisation", "strategy"), pk=pk
    )


@login_required
def plan_detail(request, pk, view="unit"):
    plan = _plan(request, pk)
    page = selectors.plan_page(plan, rolled_up=view == "rolled_up")
    context = {
        "plan": plan,
        "view": view,
        "may_edit": access.has_permission(request.user, "action_plan.edit", plan),
        "today": dt.date.today(),
        **page,
    }
    if view == "by_beacon":
        context["groups"] = selectors.rows_by_beacon(page["rows"])
    return render(request, "strategy/plan.html", context)


@login_required
def row_edit(request, pk, row_pk=None):
    plan = _plan(request, pk, "action_plan.edit")
    row = get_object_or_404(ActionPlanRow, pk=row_pk, plan=plan) if row_pk else None
    beacons = services.beacons_for(plan)
    form = RowForm(request.POST or None, instance=row, beacons=beacons)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in RowForm.Meta.fields}
        try:
            services.save_row(
                request.user, plan=plan, row=ActionPlanRow.objects.get(pk=row.pk) if row else None, **values
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The row was saved."))
            return redirect("strategy:plan", pk=plan.pk)
    return render(
        request,
        "strategy/row_form.html",
        {
            "plan": plan,
            "row": row,
            "form": form,
        },
    )


@login_required
def plan_export(request, pk):
    plan = _plan(request, pk)
    rows = [services.plain_row(row) for row in plan.rows.select_related("beacon").order_by("position", "pk")]
    language = plan.organisation.language
    filename = spreadsheets.file_name(f"{plan.organisation.name} {plan.title}", "xlsx", fallback="handleplan")
    return spreadsheets.attachment(
        xlsx.write_rows(rows, title=plan.organisation.name, language=language), filename
    )


def _encode(rows):
    return [
        [
            line,
            {
                **row.__dict__,
                "starts_on": row.starts_on and row.starts_on.isoformat(),
                "ends_on": row.ends_on and row.ends_on.isoformat(),
            },
        ]
        for line, row in rows
    ]


def _decode(data):
    rows = []
    for line, values in data:
        values = dict(values)
        for name in ("starts_on", "ends_on"):
            values[name] = dt.date.fromisoformat(values[name]) if values[name] else None
        rows.append((line, xlsx.PlanRow(**values)))
    return rows


def _salt(plan, user):
    return f"fremdrift.strategy.import.{plan.pk}.{user.pk}"


@login_required
def plan_import(request, pk):
    plan = _plan(request, pk, "action_plan.edit")
    form = ImportForm()
    report = None
    if request.method == "POST" and "confirm" in request.POST:
        try:
            rows = _decode(
                signing.loads(request.POST.get("payload", ""), salt=_salt(plan, request.user), max_age=3600)
            )
        except (signing.BadSignature, ValueError, TypeError):
            messages.error(request, _("The preview has expired. Upload the file again."))
            return redirect("strategy:import", pk=pk)
        try:
            preview = services.import_rows(request.user, plan=plan, rows=rows, reason=_("Imported from XLSX"))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("strategy:import", pk=pk)
        counts = preview.counts
        messages.success(
            request,
            _("Imported: %(new)s new and %(changed)s changed rows.")
            % {"new": counts["new"], "changed": counts["changed"]},
        )
        return redirect("strategy:plan", pk=pk)
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                result = xlsx.read_rows(form.cleaned_data["file"].read())
            except xlsx.XlsxError as error:
                report = _file_problem(error)
            else:
                preview = services.preview_import(plan, result.rows)
                problems = sorted(result.problems + preview.problems, key=lambda p: p.line)
                report = {
                    "problems": [
                        {
                            "line": p.line,
                            "column": COLUMNS.get(COLUMN_OF.get(p.column, p.column), p.column),
                            "message": PROBLEMS[p.message](),
                        }
                        for p in problems
                    ],
                    "preview": preview,
                    "changes": [_in_words(change) for change in preview.changes],
                    "payload": ""
                    if problems
                    else signing.dumps(_encode(result.rows), salt=_salt(plan, request.user), compress=True),
                }
    return render(
        request,
        "strategy/import.html",
        {"plan": plan, "form": form, "report": report, "columns": xlsx.HEADERS["da"]},
    )


def _column_text(row: xlsx.PlanRow, column: str) -> str:
    """A column of a row as the page shows it: the status by its label, dates in the reader's format."""
    if column == "status":
        label = str(workflow.STATES[row.status])
        return f"{label} – {row.status_note}" if row.status_note else label
    if column == "time_frame" and (row.starts_on or row.ends_on):
        dates = " – ".join(
            formats.date_format(day, "SHORT_DATE_FORMAT") if day else "…"
            for day in (row.starts_on, row.ends_on)
        )
        return f"{row.time_frame} ({dates})".strip()
    return getattr(row, column)


def _in_words(change: xlsx.Change) -> dict:
    """A row of the preview: the columns it changes, each before → after, as the page shows them."""
    columns = list(dict.fromkeys(COLUMN_OF.get(name, name) for name in change.fields))
    return {
        "change": change,
        "time_frame": _column_text(change.row, "time_frame"),
        "status": _column_text(change.row, "status"),
        "labels": [COLUMNS[column] for column in columns],
        "differences": [
            ShownChange(
                COLUMNS[column], _column_text(change.before, column), _column_text(change.row, column)
            )
            for column in columns
        ],
    }


def _file_problem(error):
    code = error.args[0]
    if code == "no-header":
        found = error.args[1] if len(error.args) > 1 else []
        message = _(
            "The columns are not those of an action plan. Expected: %(expected)s. Found: %(found)s."
        ) % {
            "expected": ", ".join(xlsx.HEADERS["da"]),
            "found": ", ".join(found) or _("nothing"),
        }
    else:
        message = error.args[1]
    return {"file_problem": message}
