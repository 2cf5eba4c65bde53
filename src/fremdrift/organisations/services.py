"""State changes of organisations and memberships: one function each, checked and audited."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from fremdrift import access, audit

from .models import Membership, Organisation
from .roles import Role


@audit.service
@transaction.atomic
def create_organisation(actor, *, name: str, kind: str, parent: Organisation | None, country: str = "DK"):
    if parent is None:
        access.require_platform_admin(actor, "organisation.create_top_level")
    else:
        access.require(actor, "organisation.manage", parent)
    organisation = Organisation(
        name=name, kind=kind, parent=parent, country=parent.country if parent else country
    )
    organisation.full_clean(exclude=["path"])
    organisation.save()
    return organisation


@audit.service
@transaction.atomic
def grant_role(actor, *, user, organisation: Organisation, role: str, reason: str = "") -> Membership:
    access.require(actor, "membership.manage", organisation)
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    if not (permission := access.may_add_member(actor, user, organisation)):
        raise ValidationError({"email": permission.reason})
    if Membership.objects.filter(user=user, organisation=organisation, role=role).exists():
        raise ValidationError({"role": _("%(user)s already has this role here.") % {"user": user}})
    return Membership.objects.create(user=user, organisation=organisation, role=role)


@audit.service
@transaction.atomic
def revoke_role(actor, *, membership: Membership, reason: str = ""):
    access.require(actor, "membership.manage", membership.organisation)
    if membership.user_id == actor.pk and membership.role == Role.ORG_ADMIN:
        raise ValidationError(_("You cannot remove your own administrator role."))
    membership.delete()


@audit.service
@transaction.atomic
def add_member(
    actor,
    *,
    organisation: Organisation,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    reason: str = "",
) -> Membership:
    """Give a person a role here, creating their account if they have none (they set a password by e-mail)."""
    from django.contrib.auth import get_user_model

    access.require(actor, "membership.manage", organisation)
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(username=email.lower(), email=email.lower(), first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.save()
    return grant_role(actor, user=user, organisation=organisation, role=role, reason=reason)
