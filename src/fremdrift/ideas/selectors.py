"""Reads for ideas, boards, campaigns and learning reviews: flat queries, narrowed by `fremdrift.access`."""

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from fremdrift import access
from fremdrift.organisations.models import OrganisationKind

from . import workflow
from .models import Campaign, Idea, LearningReview, Support

# The kinds of organisation that keep an improvement board.
BOARD_KINDS = (OrganisationKind.UNIT, OrganisationKind.TEAM, OrganisationKind.DEPARTMENT)


def boards_taking_ideas_from(user):
    """The boards the user may propose an idea to: the idea form offers these, and a page offers the
    form only when there is one."""
    return access.visible_organisations(user, "idea.submit").filter(kind__in=BOARD_KINDS)


def campaigns_open_to(boards):
    """The campaigns running today in or above the boards, which an idea for one of them may join."""
    above = {pk for board in boards for pk in board.ancestor_ids}
    today = timezone.localdate()
    return Campaign.objects.filter(organisation_id__in=above, starts_on__lte=today, ends_on__gte=today)


def _ideas(user):
    queryset = Idea.objects.select_related("organisation", "author", "beacon", "campaign").annotate(
        support_count=Count("supports", distinct=True), comment_count=Count("comments", distinct=True)
    )
    if user.is_authenticated:
        queryset = queryset.annotate(supported=Exists(Support.objects.filter(idea=OuterRef("pk"), user=user)))
    return queryset


def visible_ideas(user):
    return access.narrow(_ideas(user), user, "idea.view")


def board(organisation, user):
    """The columns of an organisation's improvement board (its own ideas and those of its teams)."""
    ideas = list(
        visible_ideas(user)
        .filter(organisation__path__startswith=organisation.path)
        .order_by("-support_count", "-created_at")
    )
    columns = []
    # Those who approve ideas from the public see them first in line (`access.HELD` lets them).
    may_approve = access.has_permission(user, "idea.approve", organisation)
    states = workflow.IDEA.states if may_approve else workflow.STATES
    for state, label in states.items():
        columns.append({"state": state, "label": label, "ideas": [i for i in ideas if i.status == state]})
    for idea in ideas:
        idea.move_targets = workflow.IDEA.targets(idea)
    return columns


def ideas_serving(strategy, user) -> dict:
    by_beacon: dict = {}
    for idea in visible_ideas(user).filter(beacon__strategy=strategy).order_by("status", "-created_at"):
        by_beacon.setdefault(idea.beacon_id, []).append(idea)
    return by_beacon


def idea_page(idea):
    return {
        "moves": list(idea.moves.select_related("moved_by")),
        "comments": list(idea.comments.select_related("author")),
    }


def visible_campaigns(user):
    return access.narrow(Campaign.objects.select_related("organisation"), user, "idea.view").annotate(
        idea_count=Count("ideas")
    )


def campaign_by_theme(campaign, user) -> list[tuple[str, list]]:
    groups: dict = {}
    for idea in visible_ideas(user).filter(campaign=campaign).order_by("theme", "-created_at"):
        groups.setdefault(idea.theme or campaign.theme, []).append(idea)
    return sorted(groups.items(), key=lambda pair: pair[0].casefold())


def visible_reviews(user):
    return access.narrow(LearningReview.objects.select_related("organisation"), user, "learning_review.view")


def review_page(review):
    from .models import CauseCategory

    causes = list(review.causes.all())
    return {
        "bones": [
            {"category": label, "causes": [c for c in causes if c.category == value]}
            for value, label in CauseCategory.choices
        ],
        "actions": list(review.actions.select_related("action_plan_row__plan__organisation")),
    }
