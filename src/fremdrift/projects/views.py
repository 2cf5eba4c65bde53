"""Project pages. Views are thin: they read through selectors, change through services, and
show the services' refusals and validation messages."""

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from fremdrift import access
from fremdrift.core import pdf
from fremdrift.core.formatting import money
from fremdrift.core.forms import add_service_errors
from fremdrift.core.requests import object_or_404
from fremdrift.core.views import take_step
from fremdrift.organisations.models import Organisation

from . import forms, selectors, services, workflow
from .models import (
    BusinessCase,
    ClosingDecision,
    Evaluation,
    Milestone,
    PdsaCycle,
    PdsaStage,
    Project,
    ProjectStatus,
)

# Lazy: the titles are read per request, in each user's language.
PART_TITLES = {
    "basics": gettext_lazy("Title, dates and budget"),
    "challenge": gettext_lazy("1. The challenge"),
    "bottom_lines": gettext_lazy("2. Bottom lines"),
    "activities": gettext_lazy("4. Activities and resources"),
    "evaluation": gettext_lazy("5. Evaluation"),
    "spread": gettext_lazy("6. Spread and implementation"),
}


def _may_edit(user, project) -> bool:
    return bool(access.has_permission(user, "project.edit", project)) and project.is_editable


def _project(request, pk, action="project.view"):
    return access.get_for(request.user, action, Project.objects.select_related("organisation"), pk=pk)


@login_required
def index(request):
    from fremdrift.funding.models import ApplicationStatus
    from fremdrift.funding.selectors import visible_applications

    ready = (
        visible_applications(request.user)
        .filter(status=ApplicationStatus.GRANTED, project__isnull=True)
        .select_related("organisation", "fund__organisation")
    )
    ready = [a for a in ready if access.may_make_project_from(request.user, a)]
    return render(
        request,
        "projects/index.html",
        {
            "projects": list(selectors.visible_projects(request.user)),
            "ready_applications": ready,
            "may_create": access.may_somewhere(request.user, "project.create"),
            "may_portfolio": access.may_somewhere(request.user, "project.portfolio"),
        },
    )


@login_required
def create(request):
    organisations = access.visible_organisations(request.user, "project.create")
    if not organisations.exists():
        raise access.NotAllowed(
            access.Permission(
                False, _("Project leads, quality consultants and the innovation unit start projects.")
            )
        )
    form = forms.ProjectForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.create_project(request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The project was created. Describe it element by element."))
            return redirect("projects:detail", pk=project.pk)
    return render(
        request,
        "projects/form_page.html",
        {"form": form, "title": _("New project"), "submit": _("Create the project")},
    )


@login_required
@require_POST
def from_application(request, application_pk):
    from fremdrift.funding.selectors import visible_applications

    application = get_object_or_404(visible_applications(request.user), pk=application_pk)
    try:
        project = services.project_from_application(request.user, application=application)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("projects:index")
    messages.success(request, _("The granted application is now a project, with its goals and indicators."))
    return redirect("projects:detail", pk=project.pk)


@login_required
@require_POST
def from_idea(request, idea_pk):
    from fremdrift.ideas.models import Idea

    idea = access.get_for(request.user, "idea.view", Idea.objects.all(), pk=idea_pk)
    try:
        project = services.project_from_idea(request.user, idea=idea)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("ideas:detail", pk=idea.pk)
    messages.success(request, _("The idea is now a project."))
    return redirect("projects:detail", pk=project.pk)


@login_required
def detail(request, pk):
    project = _project(request, pk)
    context = selectors.project_page(project)
    project = context["project"]
    try:
        business_case = project.business_case
    except BusinessCase.DoesNotExist:
        business_case = None
    context.update(
        {
            "may_edit": _may_edit(request.user, project),
            "may_return": bool(
                project.fund_id and access.has_permission(request.user, "ledger.return", project.fund)
            ),
            "parts": PART_TITLES,
            "goal_form": forms.GoalForm(),
            "progress_form": forms.ProgressForm(initial={"happened_on": timezone.localdate()}),
            "milestone_form": forms.MilestoneForm(),
            "business_case": business_case,
            "summary": selectors.business_case_summary(business_case),
            "report_due": selectors.next_report_due(project, timezone.localdate()),
            "may_tell_as_case": project.status in workflow.FINISHED_STATES
            and not hasattr(project, "case")
            and bool(access.has_permission(request.user, "case.edit", project.organisation)),
        }
    )
    return render(request, "projects/detail.html", context)


def report_html(request, project) -> str:
    """The project report as HTML: what `report_pdf` hands to the PDF renderer."""
    context = selectors.project_report(project)
    context["parts"] = PART_TITLES
    context["report_due"] = selectors.next_report_due(context["project"], timezone.localdate())
    return render_to_string("projects/report_pdf.html", context, request=request)


@login_required
def report_pdf(request, pk):
    project = _project(request, pk)
    return pdf.pdf_response(request, report_html(request, project), f"project-{project.pk}.pdf")


@login_required
def edit_part(request, pk, part):
    if part not in services.PARTS:
        from django.http import Http404

        raise Http404
    project = _project(request, pk, "project.edit")
    form_class = forms.part_form_class(part)
    form = form_class(request.POST or None, instance=project, initial={"version": project.version})
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.PARTS[part]}
        try:
            services.update_project(
                request.user, project=project, part=part, fields=fields, version=form.cleaned_data["version"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("projects:detail", pk=project.pk)
    return render(
        request,
        "projects/form_page.html",
        {"form": form, "title": PART_TITLES[part], "project": project, "submit": _("Save")},
    )


@login_required
def team(request, pk):
    project = _project(request, pk, "project.edit")
    root = project.organisation.root
    people = (
        get_user_model()
        .objects.filter(memberships__organisation__path__startswith=root.path)
        .distinct()
        .order_by("first_name", "last_name")
    )
    form = forms.TeamForm(request.POST or None, people=people, initial={"members": project.team.all()})
    if request.method == "POST" and form.is_valid():
        services.set_team(request.user, project=project, members=list(form.cleaned_data["members"]))
        messages.success(request, _("The team was saved."))
        return redirect("projects:detail", pk=pk)
    return render(
        request,
        "projects/form_page.html",
        {"form": form, "title": _("Team"), "project": project, "submit": _("Save")},
    )


@login_required
@require_POST
def add_goal(request, pk):
    project = _project(request, pk, "project.edit")
    form = forms.GoalForm(request.POST)
    if form.is_valid():
        try:
            services.add_goal(request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The goal was added. Now give it an indicator."))
    else:
        messages.error(request, _("Describe the goal."))
    return redirect("projects:detail", pk=pk)


@login_required
@require_POST
def step(request, pk, name):
    return take_step(
        request,
        services.take_step,
        project=_project(request, pk, "project.edit"),
        name=name,
        done=lambda project: (
            _("The project is now %(status)s.") % {"status": project.get_status_display().lower()}
        ),
        then=reverse("projects:detail", args=[pk]),
    )


# --- PDSA -------------------------------------------------------------------------------------------


@login_required
def pdsa_new(request, pk=None, idea_pk=None):
    """Plan a test of change for a project, or for an idea on an improvement board."""
    project, idea = _pdsa_owner(request, pk, idea_pk)
    previous = None
    after = request.GET.get("after") or request.POST.get("after")
    if after:
        previous = object_or_404(PdsaCycle, after, project=project, idea=idea)
    initial = {}
    if previous is not None:
        initial = {
            "title": previous.title,
            "indicator": previous.indicator_id,
            "plan_who": previous.plan_who,
            "plan_where": previous.plan_where,
        }
    form = forms.PdsaForm(request.POST or None, project=project, stage="plan", initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            cycle = services.start_pdsa(request.user, project=project, idea=idea, previous=previous, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The PDSA cycle was planned."))
            return redirect("projects:pdsa", pk=cycle.pk)
    return render(
        request,
        "projects/form_page.html",
        {
            "form": form,
            "title": _("Next PDSA cycle") if previous else _("New PDSA cycle"),
            "project": project,
            "idea": idea,
            "submit": _("Save the plan"),
            "hidden": {"after": previous.pk} if previous else {},
        },
    )


def _pdsa_owner(request, pk, idea_pk):
    """(project, None) or (None, idea) for planning a cycle, checked for the user."""
    if pk is not None:
        return _project(request, pk, "project.edit"), None
    from fremdrift.ideas.models import Idea

    return None, access.get_for(
        request.user, "idea.move", Idea.objects.select_related("organisation"), pk=idea_pk
    )


def _ramp(cycle):
    chain = [cycle]
    while chain[0].previous_id:
        chain.insert(0, chain[0].previous)
    following = cycle
    while True:
        nxt = following.next_cycles.order_by("pk").first()
        if nxt is None:
            break
        chain.append(nxt)
        following = nxt
    return chain


@login_required
def pdsa(request, pk):
    cycle = get_object_or_404(
        PdsaCycle.objects.select_related("project__organisation", "idea__organisation", "indicator"), pk=pk
    )
    if cycle.project_id:
        project, idea = _project(request, cycle.project_id), None
    else:
        from fremdrift.ideas.models import Idea

        project = None
        idea = access.get_for(request.user, "idea.view", Idea.objects.all(), pk=cycle.idea_id)
    may_edit = bool(access.has_permission(request.user, "pdsa.edit", cycle)) and (
        project is None or project.is_editable
    )
    form = None
    if may_edit and cycle.stage != PdsaStage.DONE:
        form = forms.PdsaForm(
            request.POST or None,
            instance=cycle,
            project=project,
            stage=cycle.stage,
            initial={"version": cycle.version},
        )
        if request.method == "POST" and form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            try:
                services.update_pdsa(
                    request.user, cycle=cycle, fields=fields, version=form.cleaned_data["version"]
                )
                if "advance" in request.POST:
                    services.advance_pdsa(request.user, cycle=cycle)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("projects:pdsa", pk=pk)
    chart = None
    if cycle.indicator_id and cycle.stage in (PdsaStage.STUDY, PdsaStage.ACT, PdsaStage.DONE):
        from fremdrift.measurement import charting

        indicator = cycle.indicator
        chart = charting.indicator_chart(
            indicator,
            list(indicator.measurements.current()),
            list(indicator.phase_changes.all()),
            chart_id=f"pdsa-{cycle.pk}",
        )
    return render(
        request,
        "projects/pdsa.html",
        {
            "cycle": cycle,
            "project": project,
            "idea": idea,
            "form": form,
            "step": workflow.PDSA.transition("advance", cycle),
            "ramp": _ramp(cycle),
            "may_edit": may_edit,
            "chart": chart,
            "stages": [s for s in PdsaStage],
        },
    )


# --- progress, reports, evaluations --------------------------------------------------------------------


@login_required
def report_new(request, pk):
    project = _project(request, pk, "project.edit")
    form = forms.StatusReportForm(
        request.POST or None,
        initial={"reported_on": timezone.localdate(), "spent": services.latest_spent(project)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_status_report(request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The status report was submitted."))
            return redirect("projects:detail", pk=pk)
    return render(
        request,
        "projects/form_page.html",
        {
            "form": form,
            "title": _("Status report"),
            "project": project,
            "submit": _("Submit the report"),
            "intro": _("Budget: %(budget)s") % {"budget": money(project.budget, project.currency)},
        },
    )


@login_required
@require_POST
def log_progress(request, pk):
    project = _project(request, pk, "project.edit")
    form = forms.ProgressForm(request.POST)
    if form.is_valid():
        try:
            services.log_progress(request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Logged."))
    else:
        messages.error(request, _("Write what moved forward, and when."))
    return redirect("projects:detail", pk=pk)


@login_required
@require_POST
def add_milestone(request, pk):
    project = _project(request, pk, "project.edit")
    form = forms.MilestoneForm(request.POST)
    if form.is_valid():
        try:
            services.add_milestone(request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The milestone was added."))
    else:
        messages.error(request, _("Name the milestone and its date."))
    return redirect("projects:detail", pk=pk)


@login_required
@require_POST
def reach_milestone(request, pk, milestone_pk):
    project = _project(request, pk, "project.edit")
    milestone = get_object_or_404(Milestone, pk=milestone_pk, project=project)
    services.reach_milestone(request.user, milestone=milestone)
    return redirect("projects:detail", pk=pk)


@login_required
def evaluation(request, pk, evaluation_pk=None):
    project = _project(request, pk)
    instance = get_object_or_404(Evaluation, pk=evaluation_pk, project=project) if evaluation_pk else None
    may_edit = _may_edit(request.user, project)
    if instance is not None and (request.method != "POST" and not request.GET.get("edit") or not may_edit):
        return render(
            request,
            "projects/evaluation.html",
            {"project": project, "evaluation": instance, "may_edit": may_edit},
        )
    access.require(request.user, "project.edit", project)
    initial = (
        {"version": instance.version}
        if instance
        else {"kind": "final" if project.status == ProjectStatus.EVALUATING else "mid_term"}
    )
    form = forms.EvaluationForm(request.POST or None, instance=instance, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version, kind = data.pop("version", None), data.pop("kind")
        try:
            saved = services.save_evaluation(
                request.user, project=project, kind=kind, fields=data, evaluation=instance, version=version
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The evaluation was saved."))
            return redirect("projects:evaluation", pk=pk, evaluation_pk=saved.pk)
    return render(
        request,
        "projects/form_page.html",
        {
            "form": form,
            "title": _("Evaluation"),
            "project": project,
            "submit": _("Save the evaluation"),
            "intro": _(
                "Were the goals and indicators reached? What did the data show, what did you learn, and which dead ends should others avoid?"
            ),
        },
    )


# --- business case ------------------------------------------------------------------------------------


@login_required
def business_case(request, pk):
    project = _project(request, pk)
    case = (
        BusinessCase.objects.filter(project=project).prefetch_related("costs", "benefits__indicator").first()
    )
    may_edit = _may_edit(request.user, project)
    if request.method != "POST" and not request.GET.get("edit"):
        benefits = []
        if case is not None:
            for line in case.benefits.all():
                from_indicator = (
                    selectors.indicator_actual(line.indicator, line.year) if line.indicator_id else None
                )
                benefits.append((line, from_indicator))
        return render(
            request,
            "projects/business_case.html",
            {
                "project": project,
                "case": case,
                "benefits": benefits,
                "summary": selectors.business_case_summary(case),
                "may_edit": may_edit,
            },
        )
    access.require(request.user, "project.edit", project)
    CostFormSet = django_forms.formset_factory(forms.CostLineForm, extra=3)
    BenefitFormSet = django_forms.formset_factory(forms.BenefitLineForm, extra=3)
    if case is not None:
        head_initial = {
            "version": case.version,
            "first_year": case.first_year,
            "discount_rate": case.discount_rate,
            "notes": case.notes,
        }
        cost_initial = [
            {f: getattr(c, f) for f in ("year", "kind", "description", "amount")} for c in case.costs.all()
        ]
        benefit_initial = [
            {
                f: getattr(b, f)
                for f in (
                    "year",
                    "kind",
                    "description",
                    "unit",
                    "owner",
                    "target",
                    "forecast",
                    "actual",
                    "indicator",
                )
            }
            for b in case.benefits.all()
        ]
    else:
        head_initial = {
            "first_year": services.default_first_year(project),
            "discount_rate": BusinessCase._meta.get_field("discount_rate").default,
        }
        cost_initial, benefit_initial = [], []
    data = request.POST if request.method == "POST" else None
    head = forms.BusinessCaseForm(data, initial=head_initial)
    costs = CostFormSet(data, initial=cost_initial, prefix="costs")
    benefits = BenefitFormSet(
        data, initial=benefit_initial, prefix="benefits", form_kwargs={"project": project}
    )
    if request.method == "POST" and head.is_valid() and costs.is_valid() and benefits.is_valid():
        cost_lines = [f.cleaned_data for f in costs if f.cleaned_data]
        benefit_lines = [f.cleaned_data for f in benefits if f.cleaned_data]
        try:
            services.save_business_case(
                request.user,
                project=project,
                discount_rate=head.cleaned_data["discount_rate"],
                first_year=head.cleaned_data["first_year"],
                notes=head.cleaned_data["notes"],
                version=head.cleaned_data.get("version"),
                costs=cost_lines,
                benefits=benefit_lines,
            )
        except ValidationError as error:
            add_service_errors(head, error)
        else:
            messages.success(request, _("The business case was saved."))
            return redirect("projects:business_case", pk=pk)
    return render(
        request,
        "projects/business_case_form.html",
        {"project": project, "head": head, "costs": costs, "benefits": benefits},
    )


# --- the board ----------------------------------------------------------------------------------------


@login_required
def closing(request, pk):
    project = _project(request, pk, "project.decide")
    root = project.organisation.ancestor_ids[0]
    organisations = Organisation.objects.filter(path__startswith=f"/{root}/").order_by("path")
    suggested = services.suggested_return(project) if project.application_id else None
    form = forms.ClosingForm(
        request.POST or None, organisations=organisations, initial={"to_return": suggested}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.decide_closing(
                request.user,
                project=project,
                outcome=data["outcome"],
                reasons=data["reasons"],
                receiving_organisation=data["receiving_organisation"],
                spread_to=list(data["spread_to"]),
                new_ends_on=data["new_ends_on"],
                new_budget=data["new_budget"],
                to_return=data["to_return"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The decision was recorded."))
            return redirect("projects:detail", pk=pk)
    context = selectors.project_page(project)
    latest_report = context["latest_report"]
    context.update(
        {
            "form": form,
            "open": any(t.page == "projects:closing" for t in workflow.PROJECT.open_from(project)),
            "suggested": suggested,
            "granted": services.granted_money(project),
            "spent": latest_report.spent if latest_report else services.ZERO,
            "evaluations": list(project.evaluations.all()),
        }
    )
    return render(request, "projects/closing.html", context)


@login_required
@require_POST
def return_money(request, pk, decision_pk):
    project = _project(request, pk)
    decision = get_object_or_404(ClosingDecision, pk=decision_pk, project=project)
    try:
        services.return_unspent_money(request.user, decision=decision)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The unspent money was booked back into the fund's ledger."))
    return redirect("projects:detail", pk=pk)


@login_required
def portfolio(request):
    from fremdrift.funding.models import Criterion, Fund, Theme

    organisations = access.visible_organisations(request.user, "project.portfolio")
    if not access.may_somewhere(request.user, "project.portfolio"):
        raise access.NotAllowed(
            access.Permission(False, _("The portfolio is for the innovation unit and the board."))
        )
    projects = access.narrow(Project.objects.all(), request.user, "project.portfolio")
    funds = Fund.objects.filter(pk__in=projects.values("fund")).order_by("name")
    form = forms.PortfolioFilterForm(
        request.GET or None,
        funds=funds,
        organisations=organisations.filter(pk__in=projects.values("organisation")).order_by("path"),
        themes=Theme.objects.filter(fund__in=funds).select_related("fund"),
        criteria=Criterion.objects.filter(fund__in=funds).select_related("fund"),
    )
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    rows = selectors.portfolio(request.user, **{k: v for k, v in filters.items() if v})
    return render(request, "projects/portfolio.html", {"form": form, "rows": rows})
