"""Invitations: an administrator offers a person a role by e-mail; the person takes it through the link.

One function per state change, each checked by `access` and audited, the invitation's states kept by
the process engine (`workflow.py`). The membership is made only when the person accepts, so a person
of another organisation is never given a role without her consent. The e-mail goes out through
`core.mail` once the change is saved, in the invited person's language when she has an account,
else in her organisation's. The link's token is in the e-mail only; the invitation keeps its hash.
"""

import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from fremdrift import access, audit
from fremdrift.core import mail, spreadsheets
from fremdrift.core import workflow as engine

from .models import INVITATION_VALID_FOR, Invitation, InvitationStatus, Membership, Organisation, hash_token
from .roles import Role

# A bulk invitation reads at most this many people.
MAX_ROWS = 500
# The columns of a bulk invitation, in the order they are read when the first row names none.
COLUMNS = {
    "email": gettext_lazy("E-mail address"),
    "name": gettext_lazy("Name"),
    "unit": gettext_lazy("Organisational unit"),
    "role": gettext_lazy("Role"),
}
# What else people head these columns with (the labels in every language count too).
COLUMN_ALIASES = {"email": {"e-mail", "email", "e-post", "mail"}}


def normalise_email(address: str) -> str:
    return address.strip().lower()


def day(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "j. F Y")


# --- one person -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Known:
    """What the database holds about the addresses being invited, read once for all of them."""

    roles: frozenset  # (address, organisation id, role) of memberships
    invited: frozenset  # (address, organisation id) of invitations not yet accepted or revoked

    @classmethod
    def about(cls, addresses) -> "Known":
        addresses = sorted(set(addresses))
        roles = (
            Membership.objects.annotate(address=Lower("user__email"))
            .filter(address__in=addresses)
            .values_list("address", "organisation_id", "role")
        )
        invited = Invitation.objects.filter(email__in=addresses, status=InvitationStatus.SENT).values_list(
            "email", "organisation_id"
        )
        return cls(frozenset(roles), frozenset(invited))

    def refusal(self, *, email: str, organisation: Organisation, role: str) -> str:
        """Why this person cannot be invited to this role here, or ""."""
        if (email, organisation.pk, role) in self.roles:
            return _("%(email)s already has the role %(role)s in %(organisation)s.") % {
                "email": email,
                "role": Role(role).label,
                "organisation": organisation,
            }
        if (email, organisation.pk) in self.invited:
            return _(
                "%(email)s is already invited to %(organisation)s. Re-send or revoke that invitation."
            ) % {"email": email, "organisation": organisation}
        return ""


def _valid_email(address: str) -> bool:
    try:
        validate_email(address)
    except ValidationError:
        return False
    return True


@audit.service
@transaction.atomic
def invite(actor, *, organisation: Organisation, email: str, role: str, name: str = "", reason: str = ""):
    """Invite one person to a role in the organisation; the e-mail goes out once this is saved."""
    access.require(actor, "invitation.send", organisation)
    email = normalise_email(email)
    if not _valid_email(email):
        raise ValidationError({"email": _("Enter a valid e-mail address.")})
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    refusal = Known.about([email]).refusal(email=email, organisation=organisation, role=role)
    if refusal:
        raise ValidationError({"email": refusal})
    return _create(actor, organisation=organisation, email=email, name=name, role=role)


def _create(actor, *, organisation, email, name, role) -> Invitation:
    invitation = Invitation(
        email=email, name=" ".join(name.split()), organisation=organisation, role=role, invited_by=actor
    )
    _send_new_link(invitation)
    invitation.save()
    return invitation


def _send_new_link(invitation: Invitation) -> None:
    """Give the invitation a new token, valid for `INVITATION_VALID_FOR` from now, and e-mail the link
    once the caller's transaction commits: the token itself is kept nowhere else."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation.token_hash = hash_token(token)
    invitation.last_sent_at = now
    invitation.expires_at = now + INVITATION_VALID_FOR
    transaction.on_commit(lambda: send_invitation(invitation.pk, token))


@audit.service
@transaction.atomic
def resend(actor, *, invitation: Invitation, reason: str = "") -> Invitation:
    """A new link, valid for another seven days; the link sent before stops working."""
    step = engine.begin(actor, invitation, "resend")
    _send_new_link(invitation)
    return step.finish(reason=reason)


@audit.service
@transaction.atomic
def revoke(actor, *, invitation: Invitation, reason: str = "") -> Invitation:
    step = engine.begin(actor, invitation, "revoke")
    invitation.revoked_at = timezone.now()
    return step.finish(reason=reason)


@audit.service
@transaction.atomic
def accept(actor, *, invitation: Invitation, reason: str = "") -> Membership:
    """The invited person, logged in, takes the role: only now is she a member."""
    step = engine.begin(actor, invitation, "accept")
    if invitation.is_expired:
        raise ValidationError(
            _("This invitation expired on %(date)s. Ask for a new one.")
            % {"date": day(invitation.expires_at)}
        )
    membership, _created = Membership.objects.get_or_create(
        user=actor, organisation=invitation.organisation, role=invitation.role
    )
    invitation.accepted_at = timezone.now()
    step.finish(reason=reason)
    return membership


@transaction.atomic
def join(*, invitation: Invitation, first_name: str, last_name: str, password: str, language: str):
    """A person with no password takes the invitation: her account is made (or, when an administrator
    made one, given its password) with the name and password she chose, and she accepts. The link
    in her e-mail shows the address is hers, as a password reset's does. Returns (person, membership)."""
    User = get_user_model()
    person = User.objects.select_for_update().filter(email__iexact=invitation.email).first()
    if person is not None and not person.is_active:
        # A closed account is not opened again by an invitation.
        raise ValidationError(_("This account is inactive."))
    if person is not None and person.has_usable_password():
        raise ValidationError(_("You already have an account: log in to accept the invitation."))
    if person is None:
        person = User(username=invitation.email, email=invitation.email, language=language)
    person.first_name = " ".join(first_name.split())
    person.last_name = " ".join(last_name.split())
    try:
        validate_password(password, person)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None
    person.set_password(password)
    person.save()
    return person, accept(person, invitation=invitation, reason=_("Accepted the invitation."))


@transaction.atomic
def ask_for_new_invitation(*, invitation: Invitation) -> list:
    """The person whose link has expired or been revoked asks for a new one: once for each link
    sent, so the button cannot be used to flood anyone with e-mail. Returns who was asked: the
    inviter, or the organisation's administrators when the inviter is gone."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",)).select_related("invited_by").get(pk=invitation.pk)
    )
    if invitation.status == InvitationStatus.ACCEPTED:
        raise ValidationError(_("This invitation has been accepted already."))
    if invitation.is_open:
        raise ValidationError(_("This invitation can still be accepted."))
    if invitation.renewal_asked_at and invitation.renewal_asked_at >= invitation.last_sent_at:
        raise ValidationError(_("A new invitation has been asked for already."))
    inviter = invitation.invited_by
    asked = (
        [inviter]
        if inviter is not None and inviter.is_active and inviter.email
        else _administrators(invitation)
    )
    if not asked:
        raise ValidationError(_("Nobody administers this organisation in Fremdrift. Ask your workplace."))
    invitation.renewal_asked_at = timezone.now()
    invitation.save(update_fields=["renewal_asked_at"])
    transaction.on_commit(lambda: send_renewal_request(invitation.pk, [person.pk for person in asked]))
    return asked


# --- e-mail -------------------------------------------------------------------------------------------


def send_invitation(invitation_pk: int, token: str) -> None:
    invitation = Invitation.objects.select_related("organisation", "invited_by").get(pk=invitation_pk)
    person = get_user_model().objects.filter(email__iexact=invitation.email).first()
    with override(person.language if person else invitation.organisation.language):
        context = {
            "invitation": invitation,
            "person": person,
            "expires": day(invitation.expires_at),
            "inviter": invitation.invited_by or _("An administrator"),
        }
        mail.send(
            "organisations/email/invitation.txt",
            context,
            [invitation.email],
            subject=render_to_string("organisations/email/invitation_subject.txt", context),
            link=reverse("invitations:open", args=[token]),
        )


def send_renewal_request(invitation_pk: int, recipient_pks: list[int]) -> None:
    invitation = Invitation.objects.select_related("organisation").get(pk=invitation_pk)
    for recipient in get_user_model().objects.filter(pk__in=recipient_pks):
        with override(recipient.language or settings.LANGUAGE_CODE):
            context = {"invitation": invitation, "recipient": recipient}
            mail.send(
                "organisations/email/renewal_request.txt",
                context,
                [recipient.email],
                subject=render_to_string("organisations/email/renewal_request_subject.txt", context),
                link=reverse("organisations:detail", args=[invitation.organisation_id]) + "#invitations",
            )


def _administrators(invitation):
    """Who answers for an invitation whose inviter is gone: the organisation's administrators."""
    return list(
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__role=Role.ORG_ADMIN,
            memberships__organisation__path__in=access.paths_above(invitation.organisation.path),
        )
        .exclude(email="")
        .distinct()
    )


# --- many people --------------------------------------------------------------------------------------


@dataclass
class Row:
    """One person in a bulk invitation: as written (`line` in the file), and once checked."""

    line: int
    email: str = ""
    name: str = ""
    unit: str = ""
    role: str = ""
    organisation: Organisation | None = None
    role_code: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.problems

    @property
    def as_written(self) -> list:
        return [self.line, self.email, self.name, self.unit, self.role]

    @property
    def role_label(self) -> str:
        return Role(self.role_code).label if self.role_code else ""


def _cell(value) -> str:
    return "" if value is None else " ".join(str(value).split())


def _names(labels) -> set[str]:
    """Every language's words for the labels, as people write them in a header."""
    names = set()
    for language, _name in settings.LANGUAGES:
        with override(language):
            names |= {str(label).casefold() for label in labels}
    return names


def read_rows(*, text: str = "", data: bytes = b"", filename: str = "") -> list[Row]:
    """The people in pasted lines or an uploaded CSV or XLSX file: e-mail, name, unit, role, separated
    by ";", "," or a tab. A first row without an address names the columns (in any order, in Danish,
    Swedish or English); without one they are read in that order. Raises `spreadsheets.FileRefused`."""
    if data:
        table = spreadsheets.read_table(data, filename, max_rows=MAX_ROWS)
    else:
        table = spreadsheets.csv_rows(text.strip().encode(), max_rows=MAX_ROWS)
    numbered = [
        (line, [_cell(value) for value in row])
        for line, row in enumerate(table.rows, start=1)
        if any(_cell(value) for value in row)
    ]
    if not numbered:
        return []
    order = list(COLUMNS)
    first = numbered[0][1]
    if not any("@" in cell for cell in first):
        headings = {
            name: column
            for column, label in COLUMNS.items()
            for name in _names([label]) | {column} | COLUMN_ALIASES.get(column, set())
        }
        order = [headings.get(cell.casefold(), "") for cell in first]
        if "email" not in order:
            raise spreadsheets.FileRefused(
                _("The first row names no e-mail column. Name the columns: %(columns)s.")
                % {"columns": ", ".join(str(label) for label in COLUMNS.values())}
            )
        numbered = numbered[1:]
    return [
        Row(line=line, **{column: cell for column, cell in zip(order, cells, strict=False) if column})
        for line, cells in numbered
    ]


def _role_codes() -> dict[str, str]:
    """A role by its code, or its label in any language."""
    codes = {role.value: role.value for role in Role}
    for role in Role:
        codes |= dict.fromkeys(_names([role.label]), role.value)
    return codes


def check_rows(actor, *, organisation: Organisation, rows: list[Row]) -> list[Row]:
    """Each row checked as `invite` would, and against the rows above it; nothing is written. A unit is
    found by name in the organisation's top organisation (empty: the organisation itself)."""
    access.require(actor, "invitation.send", organisation)
    top = access.paths_above(organisation.path)[0]
    units: dict[str, list[Organisation]] = {}
    for unit in Organisation.objects.filter(path__startswith=top):
        units.setdefault(unit.name.casefold(), []).append(unit)
    roles = _role_codes()
    for row in rows:
        row.email = normalise_email(row.email)
    known = Known.about(row.email for row in rows)
    first_line: dict[tuple[str, int], int] = {}
    for row in rows:
        row.problems = []
        if not _valid_email(row.email):
            row.problems.append(_("Not an e-mail address."))
        row.organisation = _unit(actor, organisation, units, row)
        row.role_code = roles.get(row.role.casefold(), "")
        if not row.role:
            row.problems.append(_("No role given."))
        elif not row.role_code:
            row.problems.append(
                _("Unknown role “%(role)s”. Write one of: %(roles)s.")
                % {"role": row.role, "roles": ", ".join(str(role.label) for role in Role)}
            )
        if row.problems or row.organisation is None:
            continue
        key = (row.email, row.organisation.pk)
        if key in first_line:
            row.problems.append(_("Also on line %(line)s.") % {"line": first_line[key]})
            continue
        first_line[key] = row.line
        refusal = known.refusal(email=row.email, organisation=row.organisation, role=row.role_code)
        if refusal:
            row.problems.append(refusal)
    return rows


def _unit(actor, organisation, units, row) -> Organisation | None:
    """The organisation the row invites to, with a problem on the row when there is none."""
    if not row.unit:
        return organisation
    found = units.get(row.unit.casefold(), [])
    allowed = [unit for unit in found if access.has_permission(actor, "invitation.send", unit)]
    if len(allowed) == 1:
        return allowed[0]
    if len(allowed) > 1:
        row.problems.append(_("Several units are called “%(unit)s”.") % {"unit": row.unit})
    elif found:
        row.problems.append(_("You may not invite people to %(unit)s.") % {"unit": found[0]})
    else:
        row.problems.append(_("No unit is called “%(unit)s”.") % {"unit": row.unit})
    return None


@audit.service
@transaction.atomic
def invite_many(actor, *, organisation: Organisation, rows: list[Row], reason: str = "") -> list[Row]:
    """Invite everyone on a valid row (checked again now); the rows with problems are returned as they are."""
    checked = check_rows(actor, organisation=organisation, rows=rows)
    for row in checked:
        if row.is_valid:
            _create(actor, organisation=row.organisation, email=row.email, name=row.name, role=row.role_code)
    return checked
