"""Thin views: fetch through the selectors (invisible → 404), ask `access` (not allowed → 403),
change state only through the services, and keep typed input when something is refused."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fremdrift import access
from fremdrift.accounts import calendar_feeds
from fremdrift.core import spreadsheets
from fremdrift.core import workflow as engine
from fremdrift.core.forms import add_service_errors, service_error_messages

from . import (
    applications,
    assessment,
    bookkeeping,
    calendar,
    decisions,
    exports,
    forms,
    funds,
    selectors,
    workflow,
)
from .models import Application, ApplicationStatus, Decision, Fund, Round


def _fund(user, pk) -> Fund:
    fund = selectors.visible_funds(user).filter(pk=pk).first()
    if fund is None:
        raise Http404
    return fund


def _application(user, pk) -> Application:
    if not selectors.visible_applications(user).filter(pk=pk).exists():
        raise Http404
    return selectors.application_page(Application(pk=pk))


def _round(user, pk) -> Round:
    round_ = get_object_or_404(Round.objects.select_related("fund__organisation"), pk=pk)
    _fund(user, round_.fund_id)
    return round_


# --- funds -------------------------------------------------------------------------------------------


@login_required
def fund_list(request):
    funds = list(selectors.visible_funds(request.user).order_by("name"))
    return render(
        request,
        "funding/fund_list.html",
        {"funds": funds, "may_create": access.may_somewhere(request.user, "fund.manage")},
    )


@login_required
def fund_create(request):
    organisations = access.visible_organisations(request.user, "fund.manage").order_by("path")
    if not organisations.exists():
        raise access.NotAllowed(access.Permission(False, _("Only the innovation unit creates funds.")))
    data = request.POST if request.method == "POST" else None
    form = forms.FundForm(data, organisations=organisations)
    criteria = forms.CriterionFormSet(data, prefix="criteria")
    if request.method == "POST" and form.is_valid() and criteria.is_valid():
        cleaned = dict(form.cleaned_data)
        cleaned["minimum_grant"] = cleaned.get("minimum_grant") or 0
        rows = [
            (row["name"], row["description"], row["weight"], row["scale_max"])
            for row in (f.cleaned_data for f in criteria.forms)
            if row
        ]
        try:
            fund = funds.create_fund(request.user, criteria=rows, **cleaned)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The fund was created. Add its budget and rounds."))
            return redirect("funding:fund", pk=fund.pk)
    return render(request, "funding/fund_form.html", {"form": form, "criteria": criteria})


@login_required
def fund_detail(request, pk):
    fund = _fund(request.user, pk)
    user = request.user
    may_ledger = access.has_permission(user, "ledger.view", fund)
    may_record = access.has_permission(user, "ledger.record", fund)
    budget_form = forms.BudgetForm(prefix="budget")
    carry_form = forms.CarryOverForm(prefix="carry", fund=fund)
    if request.method == "POST":
        access.require(user, "ledger.record", fund)
        try:
            if "add_budget" in request.POST:
                budget_form = forms.BudgetForm(request.POST, prefix="budget")
                if budget_form.is_valid():
                    bookkeeping.add_budget(user, fund=fund, **budget_form.cleaned_data)
                    messages.success(request, _("The budget was recorded."))
                    return redirect("funding:fund", pk=pk)
            elif "carry_over" in request.POST:
                carry_form = forms.CarryOverForm(request.POST, prefix="carry", fund=fund)
                if carry_form.is_valid():
                    bookkeeping.carry_over(user, **carry_form.cleaned_data)
                    messages.success(request, _("The amount was carried over."))
                    return redirect("funding:fund", pk=pk)
        except ValidationError as error:
            add_service_errors(budget_form if "add_budget" in request.POST else carry_form, error)
    units = selectors.units_that_may_apply(user, fund)
    context = {
        "fund": fund,
        "rounds": selectors.rounds_of(fund),
        "criteria": list(fund.criteria.all()),
        "themes": list(fund.themes.all()),
        "may_manage": access.has_permission(user, "fund.manage", fund),
        "may_apply": units.exists(),
        "may_ledger": may_ledger,
        "may_record": may_record,
        "may_assess": access.has_permission(user, "application.assess", fund),
        "balances": selectors.fund_balances(fund) if may_ledger else [],
        "entries": selectors.ledger_entries(fund) if may_ledger else [],
        "timeline": selectors.timeline(fund),
        "public_cycle": calendar.public_subscription(fund),
        "budget_form": budget_form,
        "carry_form": carry_form,
    }
    return render(request, "funding/fund_detail.html", context)


def fund_calendar(request, pk):
    """The yearly cycle to download, or to subscribe to without logging in when the fund makes it public."""
    fund = Fund.objects.select_related("organisation").filter(pk=pk).first()
    if fund is None or not access.has_permission(request.user, "fund.cycle", fund):
        if not request.user.is_authenticated:  # whether the fund exists is no business of theirs
            return redirect_to_login(request.get_full_path())
        raise Http404
    return _calendar_response(fund)


def fund_calendar_feed(request, pk, token):
    """A person's subscription (`calendar_feeds`): the fund's cycle while the person may see it at this
    fetch. A token that opens nothing, and a fund the person may not see, are 404 alike."""
    person = calendar_feeds.person_of(token)
    fund = Fund.objects.select_related("organisation").filter(pk=pk).first()
    if person is None or fund is None or not access.has_permission(person, "fund.cycle", fund):
        raise Http404
    with translation.override(person.language):
        response = _calendar_response(fund)
    patch_cache_control(response, private=True)
    return response


def _calendar_response(fund):
    response = HttpResponse(calendar.fund_calendar(fund), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="fund-{fund.pk}.ics"'
    return response


@login_required
def granted_list(request, pk):
    fund = _fund(request.user, pk)
    return render(request, "funding/granted.html", {"fund": fund, "rows": selectors.granted_projects(fund)})


@login_required
def export_applications(request, pk, fmt):
    fund = _fund(request.user, pk)
    access.require(request.user, "application.assess", fund)
    applications = selectors.application_list_for(request.user).filter(fund=fund).exclude(status="draft")
    return spreadsheets.download(exports.application_rows(applications), f"applications-{fund.pk}.{fmt}")


@login_required
def export_ledger(request, pk, fmt):
    fund = _fund(request.user, pk)
    access.require(request.user, "ledger.view", fund)
    return spreadsheets.download(
        exports.ledger_rows(selectors.ledger_entries(fund), fund.currency), f"ledger-{fund.pk}.{fmt}"
    )


# --- rounds ------------------------------------------------------------------------------------------


@login_required
def round_create(request, pk):
    fund = _fund(request.user, pk)
    access.require(request.user, "fund.manage", fund)
    form = forms.RoundForm(request.POST or None, fund=fund)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = funds.create_round(request.user, fund=fund, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The round was created."))
            return redirect("funding:round", pk=round_.pk)
    return render(request, "funding/round_form.html", {"fund": fund, "form": form})


@login_required
def round_detail(request, pk):
    round_ = _round(request.user, pk)
    fund = round_.fund
    access.require(request.user, "application.assess", fund)
    rows = selectors.round_overview(round_)
    balances = (
        selectors.fund_balances(fund) if access.has_permission(request.user, "ledger.view", fund) else []
    )
    requested = sum((row["requested"] for row in rows), 0)
    may_read_scores = access.has_permission(request.user, "review.read", fund)
    if not may_read_scores:
        for row in rows:
            row["own"] = selectors.own_assignment(request.user, row["application"])
    return render(
        request,
        "funding/round_detail.html",
        {
            "round": round_,
            "fund": fund,
            "rows": rows,
            "requested": requested,
            "balances": balances,
            "may_decide": access.has_permission(request.user, "application.decide_board", fund),
            # Reviewers see the round's applications, not the others' scores: reviews are sealed.
            "may_read_scores": may_read_scores,
        },
    )


@login_required
def meeting(request, pk):
    """The board's meeting list: every recommended application of the round, decided from one page."""
    round_ = _round(request.user, pk)
    fund = round_.fund
    access.require(request.user, "application.decide_board", fund)
    rows = [row for row in selectors.round_overview(round_) if row["application"].status == "recommended"]
    budget_years = list(fund.budget_years.all())
    for row in rows:
        recommendation = row["recommendation"]
        initial = {}
        if recommendation:
            initial = {
                "outcome": "rejected" if recommendation.outcome == "reject" else "granted",
                "amount": recommendation.amount,
                "conditions": recommendation.conditions,
                "reasons": recommendation.reasons,
            }
        prefix = f"a{row['application'].pk}"
        row["form"] = forms.DecisionForm(
            request.POST if request.POST.get("decide") == prefix else None,
            prefix=prefix,
            fund=fund,
            budget_years=budget_years,
            initial=initial,
        )
    if request.method == "POST":
        for row in rows:
            form = row["form"]
            if not form.is_bound:
                continue
            if form.is_valid():
                try:
                    decisions.decide(request.user, application=row["application"], **form.cleaned_data)
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(request, _("%(title)s was decided.") % {"title": row["application"]})
                    return redirect("funding:meeting", pk=pk)
    return render(request, "funding/meeting.html", {"round": round_, "fund": fund, "rows": rows})


@login_required
def meeting_papers(request, pk):
    round_ = _round(request.user, pk)
    access.require(request.user, "review.read", round_.fund)
    rows = selectors.round_overview(round_)
    return exports.meeting_papers_pdf(request, round_, rows)


# --- applications ------------------------------------------------------------------------------------


@login_required
def application_list(request):
    return render(
        request,
        "funding/application_list.html",
        {"applications": selectors.application_list_for(request.user)},
    )


@login_required
def application_create(request, pk):
    fund = _fund(request.user, pk)
    units = selectors.units_that_may_apply(request.user, fund)
    if not units.exists():
        raise access.NotAllowed(access.Permission(False, _("You cannot apply to this fund for any unit.")))
    rounds = fund.rounds.filter(deadline__gt=timezone.now())
    form = forms.ApplicationStartForm(request.POST or None, units=units, rounds=rounds)
    if request.method == "POST" and form.is_valid():
        try:
            application = applications.create_application(request.user, fund=fund, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("funding:application_edit", pk=application.pk)
    return render(request, "funding/application_start.html", {"fund": fund, "form": form})


@login_required
@require_POST
def application_from_idea(request, idea_pk):
    from fremdrift.ideas.models import Idea

    idea = access.get_for(request.user, "idea.view", Idea.objects.select_related("organisation"), pk=idea_pk)
    fund_pk = request.POST.get("fund", "")
    if not fund_pk.isdigit():
        messages.error(request, _("Choose a fund."))
        return redirect("ideas:detail", pk=idea.pk)
    fund = _fund(request.user, int(fund_pk))
    try:
        application = applications.application_from_idea(request.user, idea=idea, fund=fund)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("ideas:detail", pk=idea.pk)
    messages.success(request, _("The idea is now a draft application. Fill in the rest and submit it."))
    return redirect("funding:application_edit", pk=application.pk)


def _initial(application):
    main = {name: getattr(application, name) for name in applications.DRAFT_FIELDS}
    main["criteria"] = list(application.criteria.all())
    main["themes"] = list(application.themes.all())
    main["sdgs"] = application.sdgs
    indicators = [
        {
            "goal": goal.description,
            "name": i.name,
            "definition": i.definition,
            "unit": i.unit,
            "baseline": i.baseline,
            "target": i.target,
            "data_collection": i.data_collection,
        }
        for goal in application.goals.all()
        for i in goal.indicators.all()
    ]
    partners = [
        {"name": p.name, "kind": p.kind, "contribution": p.contribution} for p in application.partners.all()
    ]
    lines = [
        {"description": b.description, "year": b.year, "amount": b.amount, "co_financing": b.co_financing}
        for b in application.budget_lines.all()
    ]
    return main, indicators, partners, lines


def _rows(formset):
    return [f.cleaned_data for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


def _save_draft_from_forms(user, application, form, goal_set, partner_set, budget_set) -> bool:
    """Validate the application form and its formsets and save the draft through the service.

    Shared by the "Save the draft" button and the autosave request, so both validate and save the
    same way. On refusal the errors are put on the forms (at the field) and False is returned."""
    valid = all([form.is_valid(), goal_set.is_valid(), partner_set.is_valid(), budget_set.is_valid()])
    if valid:
        starts, ends = form.cleaned_data.get("starts_on"), form.cleaned_data.get("ends_on")
        for line_form in budget_set.forms:
            year = line_form.cleaned_data.get("year")
            if year and starts and ends and not starts.year <= year <= ends.year:
                line_form.add_error(
                    "year",
                    _("%(year)s lies outside the project period %(start)s–%(end)s.")
                    % {"year": year, "start": starts.year, "end": ends.year},
                )
                valid = False
    if not valid:
        return False
    goals = {}
    for row in _rows(goal_set):
        goal = goals.setdefault(row["goal"], {"description": row["goal"], "indicators": []})
        goal["indicators"].append({k: v for k, v in row.items() if k != "goal"})
    cleaned = form.cleaned_data
    try:
        applications.save_draft(
            user,
            application=application,
            fields={k: cleaned[k] for k in applications.DRAFT_FIELDS},
            criteria=cleaned["criteria"],
            themes=cleaned.get("themes"),
            sdgs=cleaned.get("sdgs"),
            goals=list(goals.values()),
            partners=_rows(partner_set),
            budget_lines=[{**r, "co_financing": r.get("co_financing") or 0} for r in _rows(budget_set)],
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    return True


def _form_errors(form, *formsets) -> dict[str, list[str]]:
    """{name of the input as posted: messages}: "__all__" for the form's own errors, a formset's
    rows under their prefixed names ("budget-0-year"), a formset's own errors under its prefix."""
    errors = {name: [str(text) for text in texts] for name, texts in form.errors.items()}
    for formset in formsets:
        if formset.non_form_errors():
            errors[formset.prefix] = [str(text) for text in formset.non_form_errors()]
        for row in formset.forms:
            for name, texts in row.errors.items():
                errors[row.add_prefix(name)] = [str(text) for text in texts]
    return errors


def _is_autosave(request) -> bool:
    return request.headers.get("X-Autosave") == "1"


@login_required
def application_edit(request, pk):
    application = _application(request.user, pk)
    access.require(request.user, "application.edit", application)
    autosave = request.method == "POST" and _is_autosave(request)
    if application.status != ApplicationStatus.DRAFT:
        frozen = str(applications.FROZEN)
        if autosave:
            return JsonResponse({"saved": False, "errors": {"__all__": [frozen]}}, status=400)
        messages.error(request, frozen)
        return redirect("funding:application", pk=pk)
    fund = application.fund
    main, indicators, partners, lines = _initial(application)
    data = request.POST if request.method == "POST" else None
    form = forms.ApplicationForm(data, fund=fund, initial=main)
    # Posted rows are read as posted, not compared with the rows saved now: an autosave may have
    # saved a new row since the page was drawn, and an unchanged-from-saved extra row would be dropped.
    posted = data is not None
    goal_set = forms.IndicatorFormSet(data, prefix="goals", initial=None if posted else indicators)
    partner_set = forms.PartnerFormSet(data, prefix="partners", initial=None if posted else partners)
    budget_set = forms.BudgetLineFormSet(data, prefix="budget", initial=None if posted else lines)
    attachment_form = forms.AttachmentForm()
    if request.method == "POST":
        saved = _save_draft_from_forms(request.user, application, form, goal_set, partner_set, budget_set)
        if autosave:
            # Answered to the page's script: never a redirect and never a flash message.
            if saved:
                return JsonResponse({"saved": True, "at": timezone.localtime().strftime("%H:%M")})
            errors = _form_errors(form, goal_set, partner_set, budget_set)
            return JsonResponse({"saved": False, "errors": errors}, status=400)
        if saved:
            if "submit" in request.POST:
                return redirect("funding:application_submit", pk=pk)
            messages.success(request, _("The draft was saved."))
            return redirect("funding:application_edit", pk=pk)
        messages.error(request, _("The draft was not saved. Correct the fields marked below."))
    return render(
        request,
        "funding/application_form.html",
        {
            "application": application,
            "fund": fund,
            "form": form,
            "goal_set": goal_set,
            "partner_set": partner_set,
            "budget_set": budget_set,
            "attachment_form": attachment_form,
        },
    )


@login_required
@require_POST
def attachment_add(request, pk):
    application = _application(request.user, pk)
    form = forms.AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            applications.add_attachment(
                request.user, application=application, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The attachment was added."))
            return redirect("funding:application_edit", pk=pk)
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect("funding:application_edit", pk=pk)


@login_required
def application_submit(request, pk):
    application = _application(request.user, pk)
    access.require(request.user, "application.edit", application)
    missing = applications.completeness(application) if application.status == ApplicationStatus.DRAFT else {}
    error_messages = {}
    if request.method == "POST":
        try:
            applications.submit_application(request.user, application=application)
        except ValidationError as error:
            error_messages = service_error_messages(error)
        else:
            messages.success(request, _("The application was submitted."))
            return redirect("funding:application", pk=pk)
    labels = {
        name: field.label for name, field in forms.ApplicationForm(fund=application.fund).fields.items()
    }
    labels.update(
        {"goals": _("Goals and indicators"), "budget_lines": _("Budget"), "__all__": _("Application")}
    )
    report = [
        (labels.get(name, name), name, message)
        for name, message in {**missing, **{k: " ".join(v) for k, v in error_messages.items()}}.items()
    ]
    return render(
        request,
        "funding/application_submit.html",
        {"application": application, "report": report, "requested": application.requested_amount},
    )


@login_required
@require_POST
def application_withdraw(request, pk):
    application = _application(request.user, pk)
    try:
        applications.withdraw_application(
            request.user, application=application, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The application was withdrawn."))
    return redirect("funding:application", pk=pk)


@login_required
def application_detail(request, pk):
    application = _application(request.user, pk)
    user = request.user
    fund = application.fund
    on_fund_side = access.has_permission(user, "application.assess", fund)
    assign_form = forms.AssignForm(prefix="assign", reviewers=selectors.reviewers_for(fund))
    return_form = forms.ReasonForm(prefix="return")
    payment_form = forms.PaymentForm(prefix="pay")
    giveback_form = forms.ReturnForm(prefix="giveback", fund=fund)
    if request.method == "POST":
        try:
            if "assign" in request.POST:
                assign_form = forms.AssignForm(
                    request.POST, prefix="assign", reviewers=selectors.reviewers_for(fund)
                )
                if assign_form.is_valid():
                    assessment.assign_reviewer(user, application=application, **assign_form.cleaned_data)
                    messages.success(request, _("The reviewer was assigned."))
                    return redirect("funding:application", pk=pk)
            elif "return" in request.POST:
                return_form = forms.ReasonForm(request.POST, prefix="return")
                if return_form.is_valid():
                    applications.return_for_revision(
                        user, application=application, **return_form.cleaned_data
                    )
                    messages.success(request, _("The application was returned for revision."))
                    return redirect("funding:application", pk=pk)
            elif "pay" in request.POST:
                payment_form = forms.PaymentForm(request.POST, prefix="pay")
                if payment_form.is_valid():
                    bookkeeping.record_payment(user, application=application, **payment_form.cleaned_data)
                    messages.success(request, _("The payment was recorded."))
                    return redirect("funding:application", pk=pk)
            elif "giveback" in request.POST:
                giveback_form = forms.ReturnForm(request.POST, prefix="giveback", fund=fund)
                if giveback_form.is_valid():
                    bookkeeping.return_unspent(user, application=application, **giveback_form.cleaned_data)
                    messages.success(request, _("The returned money was recorded."))
                    return redirect("funding:application", pk=pk)
        except ValidationError as error:
            target = {
                "assign": assign_form,
                "return": return_form,
                "pay": payment_form,
                "giveback": giveback_form,
            }
            for key, form in target.items():
                if key in request.POST:
                    add_service_errors(form, error)
    decision = selectors.current_decision(application)
    reviews = list(selectors.visible_reviews(user, application)) if on_fund_side else []
    own_assignment = selectors.own_assignment(user, application)
    specs = selectors.criterion_specs(fund)
    from . import scoring

    for review in reviews:
        review.percent = scoring.weighted_percent(
            specs, {s.criterion_id: s.value for s in review.scores.all()}
        )
    granted = paid = returned = None
    if application.status == ApplicationStatus.GRANTED and access.has_permission(user, "ledger.view", fund):
        granted, paid, returned = selectors.application_paid_and_returned(application)
    transitions = engine.available(user, application)
    steps = {transition.name for transition in transitions}
    context = {
        "application": application,
        "fund": fund,
        "decision": decision,
        "decisions": list(application.decisions.all()),
        "recommendation": (list(application.recommendations.all()) or [None])[-1] if on_fund_side else None,
        "is_applicant": access.is_applicant(user, application),
        "on_fund_side": on_fund_side,
        "reviews": reviews,
        "own_assignment": own_assignment,
        "assignments": list(application.assignments.all()) if on_fund_side else [],
        "may_assign": "assign_reviewer" in steps,
        "may_return": "return_for_revision" in steps,
        "may_correct": decision is not None and "correct_decision" in steps,
        "may_withdraw": "withdraw" in steps,
        "transitions": transitions,
        "may_record": application.status == ApplicationStatus.GRANTED
        and access.has_permission(user, "ledger.record", fund),
        "granted": granted,
        "paid": paid,
        "returned": returned,
        "assign_form": assign_form,
        "return_form": return_form,
        "payment_form": payment_form,
        "giveback_form": giveback_form,
        "sdg_labels": [label for value, label in _sdg_choices() if value in application.sdgs],
    }
    return render(request, "funding/application_detail.html", context)


def _sdg_choices():
    from .models import Sdg

    return Sdg.choices


@login_required
def review(request, pk):
    application = _application(request.user, pk)
    assignment = application.assignments.filter(reviewer=request.user).select_related("review").first()
    if assignment is None:
        raise access.NotAllowed(access.Permission(False, _("You are not a reviewer of this application.")))
    criteria = list(application.fund.criteria.all())
    existing = getattr(assignment, "review", None)
    initial = {}
    if existing is not None:
        initial["comment"] = existing.comment
        for score in existing.scores.all():
            initial[f"score_{score.criterion_id}"] = score.value
            initial[f"comment_{score.criterion_id}"] = score.comment
    conflict_form = forms.ConflictForm(
        prefix="conflict",
        initial={"has_conflict": {True: "yes", False: "no"}.get(assignment.has_conflict)},
    )
    form = forms.ReviewForm(prefix="review", criteria=criteria, initial=initial)
    if request.method == "POST":
        try:
            if "declare" in request.POST:
                conflict_form = forms.ConflictForm(request.POST, prefix="conflict")
                if conflict_form.is_valid():
                    assessment.declare_conflict(
                        request.user,
                        assignment=assignment,
                        has_conflict=conflict_form.cleaned_data["has_conflict"],
                        note=conflict_form.cleaned_data["conflict_note"],
                    )
                    return redirect("funding:review", pk=pk)
            else:
                form = forms.ReviewForm(request.POST, prefix="review", criteria=criteria)
                if form.is_valid():
                    submit = "submit_review" in request.POST
                    assessment.submit_review(
                        request.user,
                        assignment=assignment,
                        scores=form.scores(),
                        comment=form.cleaned_data["comment"],
                        submit=submit,
                    )
                    messages.success(
                        request, _("The review was submitted.") if submit else _("The review was saved.")
                    )
                    return redirect("funding:review", pk=pk)
        except ValidationError as error:
            add_service_errors(conflict_form if "declare" in request.POST else form, error)
    return render(
        request,
        "funding/review.html",
        {
            "application": application,
            "assignment": assignment,
            "review": existing,
            "form": form,
            "conflict_form": conflict_form,
            "open_for_review": workflow.APPLICATION.transition("review", application) is not None,
        },
    )


@login_required
def recommend(request, pk):
    application = _application(request.user, pk)
    engine.require(request.user, application, "recommend")
    form = forms.RecommendationForm(request.POST or None, initial={"amount": application.requested_amount})
    if request.method == "POST" and form.is_valid():
        try:
            decisions.recommend(
                request.user,
                application=application,
                **{**form.cleaned_data, "amount": form.cleaned_data.get("amount") or 0},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The recommendation was recorded."))
            return redirect("funding:application", pk=pk)
    return render(request, "funding/recommend.html", {"application": application, "form": form})


@login_required
def decide(request, pk):
    application = _application(request.user, pk)
    engine.require(request.user, application, "decide")
    recommendation = (list(application.recommendations.all()) or [None])[-1]
    initial = {"amount": recommendation.amount if recommendation else application.requested_amount}
    if recommendation:
        initial.update(
            outcome="rejected" if recommendation.outcome == "reject" else "granted",
            conditions=recommendation.conditions,
            reasons=recommendation.reasons,
        )
    form = forms.DecisionForm(request.POST or None, fund=application.fund, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            decisions.decide(
                request.user,
                application=application,
                **{**form.cleaned_data, "amount": form.cleaned_data.get("amount") or 0},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The decision was recorded and the applicant is told by e-mail."))
            return redirect("funding:application", pk=pk)
    return render(
        request,
        "funding/decide.html",
        {
            "application": application,
            "form": form,
            "recommendation": recommendation,
            "balances": selectors.fund_balances(application.fund),
        },
    )


@login_required
def correct(request, pk):
    decision = get_object_or_404(Decision, pk=pk)
    application = _application(request.user, decision.application_id)
    engine.require(request.user, application, "correct_decision")
    form = forms.DecisionForm(
        request.POST or None,
        fund=application.fund,
        initial={
            "outcome": decision.outcome,
            "amount": decision.amount,
            "budget_year": decision.budget_year_id,
            "conditions": decision.conditions,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            decisions.correct_decision(
                request.user,
                decision=decision,
                **{**form.cleaned_data, "amount": form.cleaned_data.get("amount") or 0},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The correction was recorded as a new decision."))
            return redirect("funding:application", pk=application.pk)
    return render(
        request, "funding/correct.html", {"application": application, "decision": decision, "form": form}
    )
