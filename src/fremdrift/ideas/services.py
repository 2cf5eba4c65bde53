"""State changes of ideas, boards, campaigns and learning reviews: one function each, checked and audited."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fremdrift import access, audit
from fremdrift.core import workflow as engine
from fremdrift.strategy import services as strategy_services

from . import workflow
from .models import Campaign, Comment, Idea, IdeaMove, LearningAction, LearningCause, LearningReview, Support

IDEA_FIELDS = ("title", "problem", "proposal", "helps", "beacon", "theme", "campaign")


def _check_idea_links(idea):
    errors = {}
    if idea.beacon_id and not idea.organisation.is_within(idea.beacon.strategy.organisation):
        errors["beacon"] = _("This beacon belongs to a strategy of another part of the organisation.")
    if idea.campaign_id:
        if not idea.organisation.is_within(idea.campaign.organisation):
            errors["campaign"] = _("This campaign belongs to another part of the organisation.")
        elif not idea.campaign.is_open_on(timezone.localdate()):
            errors["campaign"] = _("The campaign is not open.")
        elif not idea.theme:
            idea.theme = idea.campaign.theme
    if errors:
        raise ValidationError(errors)


@audit.service
@transaction.atomic
def submit_idea(
    actor,
    *,
    organisation,
    title,
    problem,
    proposal,
    helps="",
    beacon=None,
    theme="",
    campaign=None,
    reason="",
):
    access.require(actor, "idea.submit", organisation)
    idea = Idea(
        organisation=organisation,
        author=actor,
        title=title,
        problem=problem,
        proposal=proposal,
        helps=helps,
        beacon=beacon,
        theme=theme,
        campaign=campaign,
    )
    _check_idea_links(idea)
    idea.full_clean()
    idea.save()
    return idea


@audit.service
@transaction.atomic
def submit_public_idea(actor, *, organisation, public_name, title, problem, proposal, helps="", reason=""):
    """An idea from someone without an account, where the organisation allows it. It waits for
    approval before anyone but those who may approve it sees it."""
    if not organisation.allows_public_ideas:
        raise access.NotAllowed(
            access.Permission(False, _("This organisation does not take ideas from the public."))
        )
    if not public_name.strip():
        raise ValidationError({"public_name": _("Tell us your name.")})
    idea = Idea(
        organisation=organisation,
        public_name=public_name.strip(),
        status=workflow.AWAITING_APPROVAL,
        title=title,
        problem=problem,
        proposal=proposal,
        helps=helps,
    )
    idea.full_clean()
    idea.save()
    return idea


@audit.service
@transaction.atomic
def support_idea(actor, *, idea, reason=""):
    access.require(actor, "idea.support", idea)
    if Support.objects.filter(idea=idea, user=actor).exists():
        return None
    try:
        with transaction.atomic():
            return Support.objects.create(idea=idea, user=actor)
    except IntegrityError:  # two clicks at once
        return None


@audit.service
@transaction.atomic
def withdraw_support(actor, *, idea, reason=""):
    access.require(actor, "idea.support", idea)
    for support in Support.objects.filter(idea=idea, user=actor):
        support.delete()


@audit.service
@transaction.atomic
def comment_on(actor, *, idea, body, reason=""):
    access.require(actor, "idea.comment", idea)
    comment = Comment(idea=idea, author=actor, body=body)
    comment.full_clean()
    comment.save()
    return comment


@audit.service
@transaction.atomic
def move_idea(actor, *, idea, to_status, reason=""):
    """Move an idea on its board. Prioritising and dropping record why."""
    try:
        step = engine.begin(actor, idea, target=to_status)
    except ValidationError:
        # The engine's refusal, said at the field the board posts.
        raise ValidationError(
            {
                "to_status": _("An idea cannot move from %(from)s to %(to)s.")
                % {
                    "from": workflow.IDEA.states[idea.status],
                    "to": workflow.IDEA.states.get(to_status, to_status),
                }
            }
        ) from None
    reason = (reason or "").strip()
    if to_status in workflow.REASON_REQUIRED and not reason:
        raise ValidationError({"reason": _("Say why: it is recorded with the decision.")})
    move = IdeaMove.objects.create(
        idea=step.obj, from_status=step.before, to_status=to_status, moved_by=actor, reason=reason
    )
    step.finish(reason=reason)
    return move


@audit.service
@transaction.atomic
def add_to_action_plan(actor, *, idea, plan, reason=""):
    """Turn an idea into a row of an action plan; the idea keeps the link, the row shows the idea."""
    access.require(actor, "idea.move", idea)
    if idea.action_plan_row_id:
        raise ValidationError(_("This idea is already in an action plan."))
    if not idea.organisation.is_within(plan.organisation) and not plan.organisation.is_within(
        idea.organisation
    ):
        raise ValidationError({"plan": _("The plan belongs to another part of the organisation.")})
    beacon = idea.beacon
    if beacon is not None and beacon.pk not in {b.pk for b in strategy_services.beacons_for(plan)}:
        beacon = None
    row = strategy_services.save_row(
        actor,
        plan=plan,
        beacon=beacon,
        focus_area="" if beacon else (idea.theme or ""),
        effort=idea.title,
        goal=idea.proposal,
        expected_effect=idea.helps,
        status_note=_("From the idea “%(title)s”.") % {"title": idea.title},
        reason=reason,
    )
    idea.action_plan_row = row
    idea.save()
    return row


@audit.service
@transaction.atomic
def create_campaign(actor, *, organisation, title, theme, starts_on, ends_on, description="", reason=""):
    access.require(actor, "campaign.manage", organisation)
    campaign = Campaign(
        organisation=organisation,
        title=title,
        theme=theme,
        description=description,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    campaign.full_clean()
    campaign.save()
    return campaign


@audit.service
@transaction.atomic
def create_learning_review(
    actor, *, organisation, title, what_happened, occurred_in="", follow_up_on=None, reason=""
):
    access.require(actor, "learning_review.edit", organisation)
    review = LearningReview(
        organisation=organisation,
        title=title,
        what_happened=what_happened,
        occurred_in=occurred_in,
        follow_up_on=follow_up_on,
        created_by=actor,
    )
    review.full_clean()
    review.save()
    return review


def _require_open_review(actor, review):
    access.require(actor, "learning_review.edit", review)
    if not review.is_open:
        raise ValidationError(_("The learning review is closed; reopen it to change it."))


@audit.service
@transaction.atomic
def take_review_step(actor, *, review, name, reason=""):
    """Act on the causes found (once both causes and actions are written down), close the review
    when it has been followed up, or reopen it (`workflow.LEARNING_REVIEW`)."""
    step = engine.begin(actor, review, name, by_click=True)
    if name == "act" and not (step.obj.causes.exists() and step.obj.actions.exists()):
        raise ValidationError(_("Write down at least one cause and one action first."))
    return step.finish(reason=reason)


@audit.service
@transaction.atomic
def add_cause(actor, *, review, category, description, reason=""):
    _require_open_review(actor, review)
    cause = LearningCause(review=review, category=category, description=description)
    cause.full_clean()
    cause.save()
    return cause


@audit.service
@transaction.atomic
def add_action(actor, *, review, description, responsible="", due_on=None, action_plan_row=None, reason=""):
    _require_open_review(actor, review)
    if action_plan_row is not None:
        access.require(actor, "action_plan.view", action_plan_row)
        row_org = action_plan_row.plan.organisation
        if not (review.organisation.is_within(row_org) or row_org.is_within(review.organisation)):
            raise ValidationError(
                {"action_plan_row": _("The row is in another part of the organisation's plans.")}
            )
    action = LearningAction(
        review=review,
        description=description,
        responsible=responsible,
        due_on=due_on,
        action_plan_row=action_plan_row,
    )
    action.full_clean()
    action.save()
    return action
