"""Reads for organisation pages: flat queries, narrowed by `fremdrift.access`."""

from django.db.models import Count

from fremdrift import access
from fremdrift.audit.models import AuditEntry

from .models import Invitation, InvitationStatus, Membership, Organisation, hash_token


def memberships_of(user):
    return list(
        Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__path")
    )


def visible_organisations_tree(user) -> list[tuple[Organisation, int]]:
    """(organisation, depth) in tree order, depth relative to the topmost visible organisation."""
    organisations = list(
        access.visible_organisations(user).annotate(member_count=Count("memberships")).order_by("path")
    )
    if not organisations:
        return []
    top = min(len(o.ancestor_ids) for o in organisations)
    return [(o, len(o.ancestor_ids) - top) for o in organisations]


def organisation_page(organisation: Organisation):
    children = list(organisation.children.order_by("name"))
    members = list(
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "role")
    )
    return {"children": children, "members": members, "ancestors": organisation.ancestors()[:-1]}


def open_invitations(organisation: Organisation) -> list[Invitation]:
    """Invitations to the organisation and the units below it that are neither accepted nor revoked
    (expired ones included: they can be re-sent)."""
    return list(
        Invitation.objects.filter(
            organisation__path__startswith=organisation.path, status=InvitationStatus.SENT
        )
        .select_related("organisation", "invited_by")
        .order_by("organisation__path", "email")
    )


def invitation_for(token: str) -> Invitation | None:
    """The invitation whose link carries this token; None for an unknown or replaced link."""
    return (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )


def audit_trail(
    organisation: Organisation, *, actor=None, action=None, object_type=None, since=None, until=None
):
    entries = AuditEntry.objects.filter(organisation_path__startswith=organisation.path).select_related(
        "content_type", "actor"
    )
    if actor:
        entries = entries.filter(actor_label__icontains=actor)
    if action:
        entries = entries.filter(action=action)
    if object_type:
        entries = entries.filter(content_type=object_type)
    if since:
        entries = entries.filter(at__date__gte=since)
    if until:
        entries = entries.filter(at__date__lte=until)
    return entries
