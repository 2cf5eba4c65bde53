"""Who may do what to a project: `access.RULES` by role, plus the project's own lead and team.

The lead and the team members edit their project whatever role they hold; everyone else goes by
the role rules on the owning unit (`project.view` for the innovation unit, the board, quality
consultants; `project.decide` for the board). A project the user may not view is a 404.
"""

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from fremdrift import access

# What being the lead or on the team grants, on that project only.
TEAM_ACTIONS = frozenset({"project.view", "project.edit"})


def is_on_team(user, project) -> bool:
    if not user.is_authenticated:
        return False
    if project.project_lead_id == user.pk:
        return True
    cache = getattr(project, "_prefetched_objects_cache", {})
    if "team" in cache:
        return any(member.pk == user.pk for member in cache["team"])
    return project.team.filter(pk=user.pk).exists()


def has_permission(user, action: str, project) -> access.Permission:
    if action in TEAM_ACTIONS and is_on_team(user, project):
        if project.project_lead_id == user.pk:
            return access.Permission(True, _("You lead this project."))
        return access.Permission(True, _("You are on the project team."))
    return access.has_permission(user, action, project)


def require(user, action: str, project) -> access.Permission:
    permission = has_permission(user, action, project)
    if not permission:
        raise access.NotAllowed(permission)
    return permission


def visible_projects(user, queryset=None):
    from .models import Project

    queryset = Project.objects.all() if queryset is None else queryset
    if access.is_platform_admin(user):
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    team_ids = Project.objects.filter(Q(project_lead=user) | Q(team=user)).values("pk")
    return queryset.filter(
        Q(organisation__in=access.visible_organisations(user, "project.view")) | Q(pk__in=team_ids)
    )


def get_project(user, action: str, queryset, **lookup):
    """The project if the user may take the action; invisible → 404, visible but not allowed → 403."""
    project = queryset.filter(**lookup).first()
    if project is None:
        raise Http404
    permission = has_permission(user, action, project)
    if permission:
        return project
    if not has_permission(user, "project.view", project):
        raise Http404
    raise access.NotAllowed(permission)
