from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from fremdrift import access
from fremdrift.core.forms import add_service_errors
from fremdrift.core.requests import client_address, posted_next
from fremdrift.core.views import take_step
from fremdrift.organisations.models import Organisation
from fremdrift.strategy.models import ActionPlan, ActionPlanRow, Beacon

from . import selectors, services, workflow
from .forms import (
    ActionForm,
    CampaignForm,
    CauseForm,
    CommentForm,
    IdeaForm,
    LearningReviewForm,
    MoveForm,
    PublicIdeaForm,
    ToPlanForm,
)
from .models import Campaign, Idea, LearningReview


def _back(request, fallback):
    return redirect(posted_next(request) or fallback)


@login_required
def index(request):
    ideas = selectors.visible_ideas(request.user)
    status = request.GET.get("status")
    if status in workflow.STATES:
        ideas = ideas.filter(status=status)
    page = Paginator(ideas.order_by("-created_at", "-pk"), 50).get_page(request.GET.get("page"))
    boards = (
        access.visible_organisations(request.user, "idea.view")
        .filter(kind__in=selectors.BOARD_KINDS)
        .order_by("path")
    )
    return render(
        request,
        "ideas/index.html",
        {
            "page": page,
            "boards": list(boards),
            "campaigns": list(selectors.visible_campaigns(request.user)[:10]),
            "states": workflow.STATES,
            "status": status,
            "may_propose": selectors.boards_taking_ideas_from(request.user).exists(),
        },
    )


def _idea_form(request, data=None):
    organisations = selectors.boards_taking_ideas_from(request.user)
    above = {pk for organisation in organisations for pk in organisation.ancestor_ids}
    beacons = Beacon.objects.filter(strategy__organisation_id__in=above).select_related("strategy")
    initial = {"organisation": request.GET.get("organisation"), "campaign": request.GET.get("campaign")}
    return IdeaForm(
        data,
        organisations=organisations.order_by("path"),
        beacons=beacons,
        campaigns=selectors.campaigns_open_to(organisations),
        initial=initial,
    )


@login_required
def idea_create(request):
    form = _idea_form(request, request.POST or None)
    if not form.fields["organisation"].queryset.exists():
        raise access.NotAllowed(access.Permission(False, _("You have no role in a unit that takes ideas.")))
    if request.method == "POST" and form.is_valid():
        try:
            idea = services.submit_idea(request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you! Your idea is on the improvement board."))
            return redirect("ideas:detail", pk=idea.pk)
    return render(request, "ideas/idea_form.html", {"form": form})


# A person with several ideas sends a few; a script sends hundreds.
PUBLIC_IDEAS_PER_HOUR = 5


def public_idea_create(request, organisation_pk):
    organisation = get_object_or_404(Organisation, pk=organisation_pk)
    if not organisation.allows_public_ideas:
        raise Http404
    form = PublicIdeaForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if is_ratelimited(
            request,
            group="public-idea",
            key=client_address,
            rate=f"{PUBLIC_IDEAS_PER_HOUR}/h",
            increment=True,
        ):
            # The text stays in the form, so nothing written is lost.
            form.add_error(None, _("You have sent many ideas in a short time. Try again in an hour."))
            status = 429
        elif form.is_from_a_robot:
            # Thanked too, so it learns nothing that would teach it to leave the field empty.
            return render(request, "ideas/public_thanks.html", {"organisation": organisation})
        else:
            try:
                services.submit_public_idea(request.user, organisation=organisation, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return render(request, "ideas/public_thanks.html", {"organisation": organisation})
    return render(
        request, "ideas/public_form.html", {"form": form, "organisation": organisation}, status=status
    )


def _idea(request, pk, action="idea.view"):
    return access.get_for(
        request.user,
        action,
        Idea.objects.select_related("organisation", "author", "beacon", "campaign", "action_plan_row__plan"),
        pk=pk,
    )


def _plans_for(user, idea):
    """Plans of the idea's unit and the levels above it that the user may edit."""
    return access.narrow(
        ActionPlan.objects.filter(organisation_id__in=idea.organisation.ancestor_ids).select_related(
            "organisation"
        ),
        user,
        "action_plan.edit",
    )


@login_required
def idea_detail(request, pk):
    idea = _idea(request, pk)
    may_move = access.has_permission(request.user, "idea.move", idea)
    plans = (
        _plans_for(request.user, idea)
        if may_move and not idea.action_plan_row_id
        else ActionPlan.objects.none()
    )
    return render(
        request,
        "ideas/idea_detail.html",
        {
            "idea": idea,
            "support_count": idea.supports.count(),
            "supported": idea.supports.filter(user=request.user).exists(),
            "may_move": may_move,
            "move_form": MoveForm(targets=workflow.IDEA.targets(idea)),
            "comment_form": CommentForm(),
            "to_plan_form": ToPlanForm(plans=plans) if plans.exists() else None,
            # What grew from the idea, as far as the user may see it.
            "projects": list(access.narrow(idea.projects.all(), request.user, "project.view")),
            "pdsa_cycles": list(idea.pdsa_cycles.order_by("pk")),
            "applications": list(
                access.narrow(idea.applications.select_related("fund"), request.user, "application.view")
            ),
            "may_make_project": access.has_permission(request.user, "project.create", idea.organisation),
            **selectors.idea_page(idea),
        },
    )


@login_required
@require_POST
def support(request, pk):
    idea = _idea(request, pk, "idea.support")
    if request.POST.get("withdraw"):
        services.withdraw_support(request.user, idea=idea)
    else:
        services.support_idea(request.user, idea=idea)
    return _back(request, idea_url(idea))


def idea_url(idea):
    return reverse("ideas:detail", args=[idea.pk])


@login_required
@require_POST
def comment(request, pk):
    idea = _idea(request, pk, "idea.comment")
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_on(request.user, idea=idea, body=form.cleaned_data["body"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("ideas:detail", pk=pk)


@login_required
@require_POST
def move(request, pk):
    idea = _idea(request, pk, "idea.move")
    form = MoveForm(request.POST, targets=workflow.IDEA.targets(idea))
    if form.is_valid():
        try:
            services.move_idea(
                request.user,
                idea=idea,
                to_status=form.cleaned_data["to_status"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(
                request,
                _("%(idea)s was not moved: %(why)s") % {"idea": idea.title, "why": " ".join(error.messages)},
            )
        else:
            messages.success(
                request,
                _("%(idea)s moved to %(column)s.")
                % {"idea": idea.title, "column": workflow.STATES[form.cleaned_data["to_status"]]},
            )
    else:
        messages.error(request, _("%(idea)s was not moved: choose where to.") % {"idea": idea.title})
    return _back(request, idea_url(idea))


@login_required
@require_POST
def to_action_plan(request, pk):
    idea = _idea(request, pk, "idea.move")
    form = ToPlanForm(request.POST, plans=_plans_for(request.user, idea))
    if form.is_valid():
        try:
            row = services.add_to_action_plan(request.user, idea=idea, plan=form.cleaned_data["plan"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The idea is now a row of the action plan."))
            return redirect("strategy:plan", pk=row.plan_id)
    return redirect("ideas:detail", pk=pk)


@login_required
def board(request, organisation_pk):
    organisation = access.get_for(request.user, "idea.view", Organisation.objects.all(), pk=organisation_pk)
    return render(
        request,
        "ideas/board.html",
        {
            "organisation": organisation,
            "columns": selectors.board(organisation, request.user),
            "may_move": access.has_permission(request.user, "idea.move", organisation),
            "may_submit": access.has_permission(request.user, "idea.submit", organisation),
            "reason_required": workflow.REASON_REQUIRED,
        },
    )


@login_required
def campaign_list(request):
    return render(
        request,
        "ideas/campaigns.html",
        {
            "campaigns": list(selectors.visible_campaigns(request.user)),
            "may_create": access.may_somewhere(request.user, "campaign.manage"),
        },
    )


@login_required
def campaign_create(request):
    organisations = access.visible_organisations(request.user, "campaign.manage").order_by("path")
    if not organisations.exists():
        raise access.NotAllowed(access.Permission(False, _("You may not start campaigns.")))
    form = CampaignForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.create_campaign(request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("ideas:campaign", pk=campaign.pk)
    return render(request, "ideas/campaign_form.html", {"form": form})


@login_required
def campaign_detail(request, pk):
    campaign = access.get_for(
        request.user, "idea.view", Campaign.objects.select_related("organisation"), pk=pk
    )
    return render(
        request,
        "ideas/campaign.html",
        {
            "campaign": campaign,
            "themes": selectors.campaign_by_theme(campaign, request.user),
            "may_propose": selectors.campaigns_open_to(selectors.boards_taking_ideas_from(request.user))
            .filter(pk=campaign.pk)
            .exists(),
        },
    )


@login_required
def review_list(request):
    return render(
        request,
        "ideas/reviews.html",
        {
            "reviews": list(selectors.visible_reviews(request.user)),
            "may_create": access.may_somewhere(request.user, "learning_review.edit"),
        },
    )


@login_required
def review_create(request):
    organisations = access.visible_organisations(request.user, "learning_review.edit").order_by("path")
    if not organisations.exists():
        raise access.NotAllowed(
            access.Permission(False, _("Quality consultants and project leads record learning reviews."))
        )
    form = LearningReviewForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            review = services.create_learning_review(request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("ideas:review", pk=review.pk)
    return render(request, "ideas/review_form.html", {"form": form})


@login_required
@require_POST
def review_step(request, pk, name):
    return take_step(
        request,
        services.take_review_step,
        review=access.get_for(request.user, "learning_review.view", LearningReview.objects.all(), pk=pk),
        name=name,
        done=lambda review: (
            _("The learning review is now: %(status)s.") % {"status": review.get_status_display().lower()}
        ),
        then=reverse("ideas:review", args=[pk]),
    )


@login_required
def review_detail(request, pk):
    review = access.get_for(
        request.user, "learning_review.view", LearningReview.objects.select_related("organisation"), pk=pk
    )
    may_edit = bool(access.has_permission(request.user, "learning_review.edit", review)) and (review.is_open)
    rows = access.narrow(
        ActionPlanRow.objects.filter(
            plan__organisation_id__in=review.organisation.ancestor_ids
        ).select_related("plan__organisation"),
        request.user,
        "action_plan.view",
        "plan__organisation",
    )
    cause_form, action_form = CauseForm(prefix="cause"), ActionForm(prefix="action", rows=rows)
    if request.method == "POST":
        access.require(request.user, "learning_review.edit", review)
        try:
            if "add_cause" in request.POST:
                cause_form = CauseForm(request.POST, prefix="cause")
                if cause_form.is_valid():
                    services.add_cause(request.user, review=review, **cause_form.cleaned_data)
                    return redirect("ideas:review", pk=pk)
            elif "add_action" in request.POST:
                action_form = ActionForm(request.POST, prefix="action", rows=rows)
                if action_form.is_valid():
                    services.add_action(request.user, review=review, **action_form.cleaned_data)
                    return redirect("ideas:review", pk=pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return render(
        request,
        "ideas/review.html",
        {
            "review": review,
            "may_edit": may_edit,
            "cause_form": cause_form,
            "action_form": action_form,
            **selectors.review_page(review),
        },
    )
