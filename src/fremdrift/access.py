"""Who may do what: the one place every view, API endpoint, service and command asks.

A role held in an organisation applies to that organisation's whole sub-tree. Each action names
the roles that grant it; `has_permission` answers with a reason that can be shown or logged, and
`visible_organisations` narrows querysets by the same rule so lists and detail pages agree.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from fremdrift.organisations.roles import Role

EVERY_ROLE = frozenset(Role)

# action -> roles that grant it in the target's organisation or above.
RULES: dict[str, frozenset[Role]] = {
    "organisation.view": EVERY_ROLE,
    "organisation.manage": frozenset({Role.ORG_ADMIN}),
    "membership.manage": frozenset({Role.ORG_ADMIN}),
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
    "campaign.manage": frozenset({Role.QUALITY_CONSULTANT, Role.INNOVATION_UNIT, Role.ORG_ADMIN}),
    "learning_review.view": EVERY_ROLE,
    "learning_review.edit": frozenset({Role.QUALITY_CONSULTANT, Role.PROJECT_LEAD}),
    # --- funding ---
    # On a fund (its owner organisation). Units below the owner see the fund through
    # `funding.selectors.may_view_fund`; a national pool is seen by everyone logged in.
    "fund.view": EVERY_ROLE,
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
    # On the owning unit. A project's lead and team members also view and edit it
    # (`fremdrift.projects.permissions`), whatever their role.
    "project.view": frozenset(
        {Role.INNOVATION_UNIT, Role.BOARD_MEMBER, Role.QUALITY_CONSULTANT, Role.ORG_ADMIN}
    ),
    "project.create": frozenset({Role.PROJECT_LEAD, Role.QUALITY_CONSULTANT, Role.INNOVATION_UNIT}),
    "project.edit": frozenset(),
    "project.decide": frozenset({Role.BOARD_MEMBER}),
    "project.portfolio": frozenset({Role.INNOVATION_UNIT, Role.BOARD_MEMBER}),
    # --- library ---
    "knowledge.write": EVERY_ROLE,
    "case.view": EVERY_ROLE,
    "case.edit": frozenset(
        {Role.PROJECT_LEAD, Role.INNOVATION_UNIT, Role.QUALITY_CONSULTANT, Role.ORG_ADMIN}
    ),
    "case.publish": frozenset({Role.INNOVATION_UNIT, Role.ORG_ADMIN}),
    # Adopting a case starts a project in the adopting organisation, so the same roles as project.create.
    "case.adopt": frozenset({Role.PROJECT_LEAD, Role.INNOVATION_UNIT, Role.QUALITY_CONSULTANT}),
}

# Actions anyone may take, logged in or not, on something that has been published.
PUBLIC_ACTIONS = frozenset({"case.view"})


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


def organisation_of(target):
    from fremdrift.organisations.models import Organisation

    if isinstance(target, Organisation):
        return target
    return target.organisation


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


def has_permission(user, action: str, target) -> Permission:
    if action in PUBLIC_ACTIONS and getattr(target, "is_published", False):
        return Permission(True, _("It is published."))
    if not user.is_authenticated:
        return Permission(False, _("You must log in."))
    if is_platform_admin(user):
        return Permission(True, _("You are a platform administrator."))
    organisation = organisation_of(target)
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


def require(user, action: str, target) -> Permission:
    permission = has_permission(user, action, target)
    if not permission:
        raise NotAllowed(permission)
    return permission


def visible_organisations(user, action: str = "organisation.view"):
    """Every organisation in which the user may take the action."""
    from fremdrift.organisations.models import Organisation

    if is_platform_admin(user):
        return Organisation.objects.all()
    roles = RULES.get(action, frozenset())
    paths = [held.path for held in held_roles(user) if held.role in roles]
    if not paths:
        return Organisation.objects.none()
    from django.db.models import Q

    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return Organisation.objects.filter(condition)


def narrow(queryset, user, action: str, organisation_field: str = "organisation"):
    """Only the rows whose organisation lets the user take the action."""
    return queryset.filter(**{f"{organisation_field}__in": visible_organisations(user, action)})


def get_for(user, action: str, queryset, **lookup):
    """The object if the user may take the action on it. Invisible objects are 404, never 403."""
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise Http404
    permission = has_permission(user, action, obj)
    if permission:
        return obj
    if not has_permission(user, "organisation.view", organisation_of(obj)):
        raise Http404
    raise NotAllowed(permission)


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
