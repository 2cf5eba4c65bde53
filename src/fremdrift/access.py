"""Who may do what: the one place every view, API endpoint, service and command asks.

Two kinds of rule, each declared once:
- Roles (`RULES`): a role held in an organisation applies to its whole sub-tree. Each action names
  the roles that grant it, held in the target's organisation or above; for some actions on an
  object the roles are held on a related object (`ROLE_SCOPES`: the fund's people act on an
  application).
- Relations (`RELATIONS`): a person's own tie to one object (the applicant of an application, the
  lead and team of a project, a unit below a fund's owner), each both a predicate on one object
  and a queryset filter.
`has_permission` (one object, with a reason that can be shown or logged), `narrow` (a queryset)
and `get_for` (a detail page: 404 for what the user cannot see, 403 for what they may not do) are
all built from these declarations, so a list and a detail page cannot disagree.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fremdrift.organisations.roles import Role

EVERY_ROLE = frozenset(Role)

# action -> roles that grant it in the target's organisation or above.
RULES: dict[str, frozenset[Role]] = {
    "organisation.view": EVERY_ROLE,
    "organisation.manage": frozenset({Role.ORG_ADMIN}),
    "membership.manage": frozenset({Role.ORG_ADMIN}),
    # Inviting a person by e-mail to a role in the organisation, and re-sending or revoking the
    # invitation. Accepting it is the invited person's own (`RELATIONS`).
    "invitation.send": frozenset({Role.ORG_ADMIN}),
    "invitation.manage": frozenset({Role.ORG_ADMIN}),
    "audit.view": frozenset({Role.ORG_ADMIN}),
    # --- strategy and action plans ---
    "strategy.view": frozenset(
        {Role.BOARD_MEMBER, Role.INNOVATION_UNIT, Role.QUALITY_CONSULTANT, Role.ORG_ADMIN}
    ),
    "strategy.manage": frozenset({Role.ORG_ADMIN}),
    "action_plan.view": EVERY_ROLE,
    "action_plan.edit": frozenset({Role.QUALITY_CONSULTANT, Role.PROJECT_LEAD}),
    # --- ideas and improvement boards ---
    "idea.view": EVERY_ROLE,
    "idea.submit": EVERY_ROLE,
    "idea.support": EVERY_ROLE,
    "idea.comment": EVERY_ROLE,
    "idea.move": frozenset({Role.QUALITY_CONSULTANT, Role.PROJECT_LEAD}),
    # Letting an idea from the public onto the board (or not): those who curate the board.
    "idea.approve": frozenset({Role.QUALITY_CONSULTANT, Role.PROJECT_LEAD}),
    "campaign.manage": frozenset({Role.QUALITY_CONSULTANT, Role.INNOVATION_UNIT, Role.ORG_ADMIN}),
    "learning_review.view": EVERY_ROLE,
    "learning_review.edit": frozenset({Role.QUALITY_CONSULTANT, Role.PROJECT_LEAD}),
    # --- funding ---
    # On a fund (its owner organisation). Units below the owner and, for a national pool, everyone
    # logged in see it too (`RELATIONS`).
    "fund.view": EVERY_ROLE,
    # Its yearly cycle (the rounds' dates, as a calendar): whoever sees the fund, and anyone, logged in
    # or not, once the fund makes it public (`PUBLIC_ACTIONS`).
    "fund.cycle": EVERY_ROLE,
    "fund.manage": frozenset({Role.INNOVATION_UNIT}),
    "application.assess": frozenset({Role.INNOVATION_UNIT, Role.BOARD_MEMBER, Role.REVIEWER}),
    "application.assign": frozenset({Role.INNOVATION_UNIT}),
    "application.review": frozenset({Role.REVIEWER}),
    "review.read": frozenset({Role.INNOVATION_UNIT, Role.BOARD_MEMBER}),
    "application.recommend": frozenset({Role.INNOVATION_UNIT}),
    "application.decide_board": frozenset({Role.BOARD_MEMBER}),
    "application.decide_small": frozenset({Role.INNOVATION_UNIT}),
    "ledger.view": frozenset({Role.INNOVATION_UNIT, Role.BOARD_MEMBER}),
    "ledger.record": frozenset({Role.INNOVATION_UNIT}),
    # Money back into the fund: its ledger keeper, or the board that granted it and stops the project.
    "ledger.return": frozenset({Role.INNOVATION_UNIT, Role.BOARD_MEMBER}),
    # On the applicant unit: who may apply for it, and who in it sees its applications and decisions.
    "application.create": frozenset({Role.PROJECT_LEAD, Role.STAFF}),
    "application.view": frozenset({Role.ORG_ADMIN, Role.BOARD_MEMBER, Role.INNOVATION_UNIT}),
    # --- projects and measurement ---
    # On the owning unit. A project's lead and team members also view and edit it, whatever their
    # role (`RELATIONS`).
    "project.view": frozenset(
        {Role.INNOVATION_UNIT, Role.BOARD_MEMBER, Role.QUALITY_CONSULTANT, Role.ORG_ADMIN}
    ),
    "project.create": frozenset({Role.PROJECT_LEAD, Role.QUALITY_CONSULTANT, Role.INNOVATION_UNIT}),
    "project.edit": frozenset(),
    "project.decide": frozenset({Role.BOARD_MEMBER}),
    "project.portfolio": frozenset({Role.INNOVATION_UNIT, Role.BOARD_MEMBER}),
    # --- library ---
    "knowledge.write": EVERY_ROLE,
    # Taking a knowledge post down again: its author (`RELATIONS`) or the organisation's moderators.
    "knowledge.withdraw": frozenset({Role.INNOVATION_UNIT, Role.ORG_ADMIN}),
    # A post written here goes public once its organisation's innovation unit approves it.
    "knowledge.publish": frozenset({Role.INNOVATION_UNIT}),
    "case.view": EVERY_ROLE,
    "case.edit": frozenset(
        {Role.PROJECT_LEAD, Role.INNOVATION_UNIT, Role.QUALITY_CONSULTANT, Role.ORG_ADMIN}
    ),
    "case.publish": frozenset({Role.INNOVATION_UNIT, Role.ORG_ADMIN}),
    # Adopting a case starts a project in the adopting organisation, so the same roles as project.create.
    "case.adopt": frozenset({Role.PROJECT_LEAD, Role.INNOVATION_UNIT, Role.QUALITY_CONSULTANT}),
}

# Actions anyone may take, logged in or not, on something that has been published: the action and
# the target's attribute that says so.
PUBLIC_ACTIONS = {"case.view": "is_published", "fund.cycle": "cycle_is_public"}

# Actions on an application taken by the fund's people: their roles are held on the fund's owner.
FUND_SIDE_ACTIONS = frozenset(
    {
        "application.assess",
        "application.assign",
        "application.review",
        "application.recommend",
        "application.decide_small",
        "application.decide_board",
        "review.read",
        "ledger.view",
        "ledger.record",
        "ledger.return",
    }
)
# model -> (the related object whose organisation counts, the actions this applies to)
ROLE_SCOPES = {"funding.application": ("fund", FUND_SIDE_ACTIONS)}

# Objects that belong to another: permission is asked of their owner (the first one set), with the
# owner's action. model -> ((owner attribute, {action: the owner's action}), ...)
OWNED_BY = {
    "projects.pdsacycle": (
        ("project", {"pdsa.edit": "project.edit", "pdsa.view": "project.view"}),
        ("idea", {"pdsa.edit": "idea.move", "pdsa.view": "idea.view"}),
    ),
}


@dataclass(frozen=True)
class Held:
    """Objects held back until someone approves them: while in `states`, seeing one (its action in
    `VIEW_ACTIONS`) takes the `approve` action instead."""

    states: frozenset
    approve: str


HELD = {
    "ideas.idea": Held(frozenset({"awaiting_approval"}), "idea.approve"),
}

# What seeing an object takes: without it a detail page is a 404, with it a 403.
VIEW_ACTIONS = {
    "ideas.idea": "idea.view",
    "projects.project": "project.view",
    "funding.application": "application.view",
    "funding.fund": "fund.view",
    "ideas.campaign": "idea.view",
    "strategy.actionplan": "action_plan.view",
    "library.case": "case.view",
    "organisations.invitation": "invitation.manage",
}


@dataclass(frozen=True)
class Permission:
    allowed: bool
    reason: str

    def __bool__(self):
        return self.allowed


class NotAllowed(PermissionDenied):
    """Raised by services; carries the reason so the caller can show it."""

    def __init__(self, permission: Permission):
        super().__init__(permission.reason)
        self.permission = permission


@dataclass(frozen=True)
class HeldRole:
    path: str
    role: Role
    organisation_name: str


def held_roles(user) -> list[HeldRole]:
    """The user's memberships, loaded once per user object."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_fremdrift_held_roles", None)
    if cached is None:
        cached = [
            HeldRole(path, Role(role), name)
            for path, role, name in user.memberships.values_list(
                "organisation__path", "role", "organisation__name"
            )
        ]
        user._fremdrift_held_roles = cached
    return cached


def is_platform_admin(user) -> bool:
    return bool(user.is_authenticated and (user.is_platform_admin or user.is_superuser))


def paths_above(path: str) -> list[str]:
    """The paths of the organisation at `path` and of every organisation above it ("/1/", "/1/4/")."""
    parts = [p for p in path.strip("/").split("/") if p]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


# --- relations -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Relation:
    """A person's own tie to one object, granting actions on it whatever role they hold."""

    model: str  # app label and model name, as "projects.project"
    grants: frozenset
    reason: str  # shown when the relation is what allows
    holds: Callable  # (user, obj) -> bool, for one object
    filter: Callable  # (user) -> Q on the model, for a queryset
    refusal: str = ""  # shown when only this relation could have allowed
    # Only the person themself, never on their behalf: not even a platform administrator.
    personal: bool = False


def is_applicant(user, application) -> bool:
    return user.pk in (application.created_by_id, application.project_lead_id)


def _any_related(obj, name: str, **match) -> bool:
    """Whether a related row of obj matches: read from the prefetched rows when a page loaded them
    (a service's locked, refreshed object has none, and asks the database)."""
    cache = getattr(obj, "_prefetched_objects_cache", {})
    if name in cache:
        return any(all(getattr(row, key) == value for key, value in match.items()) for row in cache[name])
    return getattr(obj, name).filter(**match).exists()


def _is_team_member(user, project) -> bool:
    return _any_related(project, "team", pk=user.pk)


def _assesses(user, application) -> bool:
    return (
        application.status != "draft"
        and application.version > 0
        and bool(has_permission(user, "application.assess", application.fund))
    )


def _assessor_filter(user) -> Q:
    return (
        Q(fund__organisation__in=visible_organisations(user, "application.assess"))
        & ~Q(status="draft")
        & Q(version__gt=0)
    )


def _below_fund_owner(user, fund) -> bool:
    return fund.is_open_to_all or any(
        held.path.startswith(fund.organisation.path) for held in held_roles(user)
    )


def _below_fund_owner_filter(user) -> Q:
    paths = {above for held in held_roles(user) for above in paths_above(held.path)}
    return Q(kind="national_pool") | Q(organisation__path__in=sorted(paths))


def _is_invited(user, invitation) -> bool:
    return user.email.lower() == invitation.email


RELATIONS = [
    # An invitation is accepted by the person it was sent to, known by her e-mail address; no one
    # accepts a role on another's behalf.
    Relation(
        "organisations.invitation",
        frozenset({"invitation.accept"}),
        gettext_lazy("The invitation is addressed to you."),
        _is_invited,
        lambda user: Q(email=user.email.lower()),
        refusal=gettext_lazy("This invitation is addressed to someone else."),
        personal=True,
    ),
    Relation(
        "funding.application",
        frozenset({"application.view", "application.edit", "application.submit", "application.withdraw"}),
        gettext_lazy("You are the applicant."),
        is_applicant,
        lambda user: Q(created_by=user) | Q(project_lead=user),
        refusal=gettext_lazy("Only the applicant and the project lead can do this."),
    ),
    # The fund's side sees an application once it has been submitted, never a draft.
    Relation(
        "funding.application",
        frozenset({"application.view"}),
        gettext_lazy("You assess the fund's applications."),
        _assesses,
        _assessor_filter,
    ),
    # Those who apply to a fund see it and its cycle: every unit below its owner; everyone, for a
    # national pool.
    Relation(
        "funding.fund",
        frozenset({"fund.view", "fund.cycle"}),
        gettext_lazy("You may apply to this fund."),
        _below_fund_owner,
        _below_fund_owner_filter,
    ),
    # A reviewer scores, and declares conflicts of interest, only in their own assignment.
    Relation(
        "funding.reviewassignment",
        frozenset({"review.write"}),
        gettext_lazy("You are the assigned reviewer."),
        lambda user, assignment: assignment.reviewer_id == user.pk,
        lambda user: Q(reviewer=user),
        refusal=gettext_lazy("This review is assigned to someone else."),
        personal=True,
    ),
    Relation(
        "library.knowledgepost",
        frozenset({"knowledge.withdraw"}),
        gettext_lazy("You wrote it."),
        lambda user, post: post.author_id == user.pk,
        lambda user: Q(author=user),
    ),
    Relation(
        "projects.project",
        frozenset({"project.view", "project.edit"}),
        gettext_lazy("You lead this project."),
        lambda user, project: project.project_lead_id == user.pk,
        lambda user: Q(project_lead=user),
    ),
    Relation(
        "projects.project",
        frozenset({"project.view", "project.edit"}),
        gettext_lazy("You are on the project team."),
        _is_team_member,
        lambda user: Q(team=user),
    ),
]


# --- conflicts of interest -------------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    """A tie to one object that disqualifies a person from actions on it, whatever role they hold
    (a platform administrator's included): nobody assesses or decides their own case."""

    model: str
    refuses: frozenset
    holds: Callable  # (user, obj) -> bool
    reason: str


def _declared_conflict(user, application) -> bool:
    return _any_related(application, "assignments", reviewer_id=user.pk, has_conflict=True)


# Every assessing and deciding step on an application, the reading of its reviews included.
ASSESSING_ACTIONS = FUND_SIDE_ACTIONS - {"ledger.view", "ledger.record", "ledger.return"}

CONFLICTS = [
    Conflict(
        "funding.application",
        ASSESSING_ACTIONS,
        is_applicant,
        gettext_lazy("You applied for it or lead its project, so you cannot assess or decide it."),
    ),
    Conflict(
        "funding.application",
        ASSESSING_ACTIONS,
        _declared_conflict,
        gettext_lazy("You declared a conflict of interest in it, so you cannot assess or decide it."),
    ),
]


def conflict_of(user, action: str, target) -> Permission | None:
    """The refusal, when a conflict of interest bars the user from the action on the target."""
    if not user.is_authenticated:
        return None
    label = _label(target)
    for conflict in CONFLICTS:
        if conflict.model == label and action in conflict.refuses and conflict.holds(user, target):
            return Permission(False, str(conflict.reason))
    return None


def _label(model) -> str:
    return model._meta.label_lower


def relations_for(model, action: str) -> list[Relation]:
    label = _label(model)
    return [r for r in RELATIONS if r.model == label and action in r.grants]


# --- roles -------------------------------------------------------------------------------------------


def _scope(model, action: str | None) -> str | None:
    """The related object whose organisation counts for the action on the model (`ROLE_SCOPES`)."""
    scope = ROLE_SCOPES.get(_label(model))
    return scope[0] if scope is not None and action in scope[1] else None


def organisation_of(target, action: str | None = None):
    from fremdrift.organisations.models import Organisation

    if isinstance(target, Organisation):
        return target
    related = _scope(target, action)
    return getattr(target, related).organisation if related else target.organisation


def _by_role(user, action: str, organisation) -> Permission:
    allowed_roles = RULES.get(action, frozenset())
    for held in held_roles(user):
        if held.role in allowed_roles and organisation.path.startswith(held.path):
            return Permission(
                True,
                _("You are %(role)s in %(organisation)s.")
                % {"role": held.role.label, "organisation": held.organisation_name},
            )
    needed = ", ".join(str(role.label) for role in sorted(RULES.get(action, ())))
    return Permission(
        False,
        _("This needs one of the roles %(roles)s in %(organisation)s or above.")
        % {"roles": needed or "–", "organisation": organisation},
    )


def has_permission(user, action: str, target) -> Permission:
    published = PUBLIC_ACTIONS.get(action)
    if published and getattr(target, published, False):
        return Permission(True, _("It is published."))
    if not user.is_authenticated:
        return Permission(False, _("You must log in."))
    held = HELD.get(_label(target))
    if held and action == VIEW_ACTIONS.get(_label(target)) and target.status in held.states:
        action = held.approve
    for attribute, actions in OWNED_BY.get(_label(target), ()):
        owner = getattr(target, attribute)
        if owner is not None and action in actions:
            return has_permission(user, actions[action], owner)
    conflict = conflict_of(user, action, target)
    if conflict is not None:
        return conflict
    relations = relations_for(type(target), action)
    if relations and all(relation.personal for relation in relations) and not RULES.get(action):
        holding = next((relation for relation in relations if relation.holds(user, target)), None)
        return (
            Permission(True, str(holding.reason)) if holding else Permission(False, str(relations[0].refusal))
        )
    if is_platform_admin(user):
        return Permission(True, _("You are a platform administrator."))
    for relation in relations:
        if relation.holds(user, target):
            return Permission(True, str(relation.reason))
    if not RULES.get(action) and relations and relations[0].refusal:
        return Permission(False, str(relations[0].refusal))
    organisation = organisation_of(target, action)
    if organisation is None:
        # Shared by the installation itself (imported): only a platform administrator acts on it.
        return Permission(False, _("Only a platform administrator can do this."))
    return _by_role(user, action, organisation)


def require(user, action: str, target) -> Permission:
    permission = has_permission(user, action, target)
    if not permission:
        raise NotAllowed(permission)
    return permission


def visible_organisations(user, action: str = "organisation.view"):
    """Every organisation in which the user may take the action by role."""
    from fremdrift.organisations.models import Organisation

    if is_platform_admin(user):
        return Organisation.objects.all()
    roles = RULES.get(action, frozenset())
    paths = [held.path for held in held_roles(user) if held.role in roles]
    if not paths:
        return Organisation.objects.none()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return Organisation.objects.filter(condition)


def narrow(queryset, user, action: str, organisation_field: str | None = None):
    """Only the rows on which the user may take the action: by role, or by a relation to the row."""
    if is_platform_admin(user):
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    model = queryset.model
    if organisation_field is None:
        related = _scope(model, action)
        organisation_field = f"{related}__organisation" if related else "organisation"
    condition = Q(**{f"{organisation_field}__in": visible_organisations(user, action)}) | _related(
        model, user, action
    )
    held = HELD.get(_label(model))
    if held and action == VIEW_ACTIONS.get(_label(model)):
        is_held = Q(status__in=held.states)
        approvers = Q(**{f"{organisation_field}__in": visible_organisations(user, held.approve)})
        condition = (~is_held & condition) | (is_held & approvers)
    return queryset.filter(condition)


def _related(model, user, action: str) -> Q:
    """The rows to which the user has a relation that grants the action."""
    condition = Q(pk__in=[])
    for relation in relations_for(model, action):
        # A subquery, so a relation through a many-to-many table does not repeat rows.
        condition |= Q(pk__in=model._default_manager.filter(relation.filter(user)).values("pk"))
    return condition


def may_see(user, obj) -> bool:
    return bool(has_permission(user, VIEW_ACTIONS.get(_label(obj), "organisation.view"), obj))


def get_for(user, action: str, queryset, **lookup):
    """The object if the user may take the action on it. Invisible objects are 404, never 403."""
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise Http404
    permission = has_permission(user, action, obj)
    if permission:
        return obj
    if not may_see(user, obj):
        raise Http404
    raise NotAllowed(permission)


def may_make_project_from(user, application) -> Permission:
    """A granted application becomes a project: by its applicant, the unit's project makers or the fund's keeper."""
    if user.is_authenticated and is_applicant(user, application):
        return Permission(True, _("You applied for it."))
    for action, target in (("project.create", application.organisation), ("fund.manage", application.fund)):
        permission = has_permission(user, action, target)
        if permission:
            return permission
    return Permission(
        False, _("Only the applicant, the project lead or the fund's innovation unit can do this.")
    )


# Actions on the installation as a whole, for platform administrators only, with the refusal.
PLATFORM_ACTIONS = {
    "organisation.create_top_level": gettext_lazy(
        "Only a platform administrator can add a top-level organisation."
    ),
    "person.erase": gettext_lazy("Only a platform administrator can erase a person."),
    "outgoing_email.view": gettext_lazy("Only a platform administrator can see the outgoing e-mail."),
    "outgoing_email.retry": gettext_lazy("Only a platform administrator can send an e-mail again."),
}


def require_platform_admin(user, action: str) -> Permission:
    if not is_platform_admin(user):
        raise NotAllowed(Permission(False, str(PLATFORM_ACTIONS[action])))
    return Permission(True, _("You are a platform administrator."))


def narrow_reviews(reviews, user, application):
    """An application's reviews as the user may read them: submitted ones for those who read reviews
    on the fund, and their own; a reviewer's own always, the others' only once their own is submitted
    (so nobody scores after reading another's); nothing for anyone else, applicants included."""
    if has_permission(user, "review.read", application):
        return reviews.filter(Q(submitted_at__isnull=False) | Q(assignment__reviewer=user))
    own = reviews.filter(assignment__reviewer=user).first() if user.is_authenticated else None
    if own is None:
        return reviews.none()
    if own.submitted_at is None:
        return reviews.filter(pk=own.pk)
    return reviews.filter(Q(submitted_at__isnull=False) | Q(pk=own.pk))


def may_read_review(user, review) -> bool:
    """One review as `narrow_reviews` would show it to the user."""
    if not user.is_authenticated:
        return False
    assignment = review.assignment
    if assignment.reviewer_id == user.pk:
        return True
    if review.submitted_at is None:
        return False
    if has_permission(user, "review.read", assignment.application):
        return True
    own = assignment.application.assignments.filter(reviewer=user).select_related("review").first()
    return (
        own is not None and getattr(own, "review", None) is not None and own.review.submitted_at is not None
    )


@dataclass(frozen=True)
class Sealed:
    """Fields of a model only some may read: the audit trail shows them to no one else."""

    fields: frozenset  # as stored in the trail (attribute names)
    may_read: Callable  # (user, obj) -> bool; obj may be rebuilt from the trail if it is gone
    # The object's name shows a sealed value too (a score is named "criterion: value").
    in_name: bool = False
    # Whose reading right this object's is, so a page asks once for all that share it.
    rights_of: Callable = lambda obj: (obj._meta.label_lower, obj.pk)


SEALED = {
    "funding.review": Sealed(frozenset({"comment"}), may_read_review),
    "funding.score": Sealed(
        frozenset({"value", "comment"}),
        lambda user, score: may_read_review(user, score.review),
        in_name=True,
        rights_of=lambda score: ("funding.review", score.review_id),
    ),
    # A reviewer's note on a conflict of interest is theirs alone; that they declared one is not.
    "funding.reviewassignment": Sealed(
        frozenset({"conflict_note"}), lambda user, assignment: assignment.reviewer_id == user.pk
    ),
}


def may_read_sealed(user, obj) -> bool:
    """Whether the user may read the sealed fields of obj (True for a model with none)."""
    sealed = SEALED.get(_label(obj))
    if sealed is None:
        return True
    try:
        return bool(sealed.may_read(user, obj))
    except ObjectDoesNotExist:  # what it hangs on is gone: nobody can show a right to read it
        return False


def narrow_knowledge_posts(posts, user):
    """Published posts for everyone; the others for their author (with their state) and, while they
    await approval, for those who publish in their organisation."""
    shown = Q(status="published")
    if user.is_authenticated:
        shown |= Q(author=user) | Q(
            status="awaiting_approval",
            organisation__in=visible_organisations(user, "knowledge.publish"),
        )
    return posts.filter(shown)


def may_somewhere(user, action: str) -> bool:
    """Whether the user may take the action in at least one organisation (for menus)."""
    if is_platform_admin(user):
        return True
    roles = RULES.get(action, frozenset())
    return any(held.role in roles for held in held_roles(user))


def may_apply(user, fund, organisation) -> Permission:
    """Whether the user may apply to the fund on behalf of the organisation: they must be allowed to
    apply for that unit, and the unit must lie within the fund's owner unless the fund is open to all."""
    permission = has_permission(user, "application.create", organisation)
    if not permission:
        return permission
    if not (fund.is_open_to_all or organisation.is_within(fund.organisation)):
        return Permission(
            False,
            _("%(fund)s takes applications from %(owner)s only.")
            % {"fund": fund, "owner": fund.organisation},
        )
    return permission


def units_that_may_apply(user, fund):
    """`may_apply` as a queryset: the organisations on whose behalf the user may apply to the fund."""
    units = visible_organisations(user, "application.create")
    return units if fund.is_open_to_all else units.filter(path__startswith=fund.organisation.path)


def funds_open_to(user, funds, organisation):
    """`may_apply` as a queryset: of `funds`, those the user may apply to for the organisation."""
    if not has_permission(user, "application.create", organisation):
        return funds.none()
    return funds.filter(Q(kind="national_pool") | Q(organisation__path__in=paths_above(organisation.path)))


def may_add_member(user, person, organisation) -> Permission:
    """Whether the user may give the person a role in the organisation directly. An administrator
    adds only a new person or one whose roles all lie within the administrator's own top
    organisation: a person of another one is invited instead, and the role counts once she accepts
    (nobody is drawn in, with her name and address shown to its administrators, without consent)."""
    if is_platform_admin(user):
        return Permission(True, _("You are a platform administrator."))
    top_path = paths_above(organisation.path)[0]
    if person.pk and person.memberships.exclude(organisation__path__startswith=top_path).exists():
        return Permission(
            False,
            _(
                "This person has a role in another organisation, so the role needs their consent: "
                "invite them instead. The role counts once they accept the invitation."
            ),
        )
    return Permission(True, _("The person is new or works within this organisation."))
