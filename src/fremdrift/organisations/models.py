import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .roles import Role


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region")
    NATIONAL_BODY = "national_body", _("National body")
    ADMINISTRATION = "administration", _("Administration")
    DEPARTMENT = "department", _("Department")
    UNIT = "unit", _("Unit")
    TEAM = "team", _("Team")


TOP_LEVEL_KINDS = {OrganisationKind.MUNICIPALITY, OrganisationKind.REGION, OrganisationKind.NATIONAL_BODY}
# The level each kind may sit under; a tree reads municipality → administration → department → unit → team.
ALLOWED_PARENT_KINDS = {
    OrganisationKind.ADMINISTRATION: TOP_LEVEL_KINDS,
    OrganisationKind.DEPARTMENT: TOP_LEVEL_KINDS | {OrganisationKind.ADMINISTRATION},
    OrganisationKind.UNIT: TOP_LEVEL_KINDS | {OrganisationKind.ADMINISTRATION, OrganisationKind.DEPARTMENT},
    OrganisationKind.TEAM: {OrganisationKind.DEPARTMENT, OrganisationKind.UNIT},
}


class OrganisationQuerySet(models.QuerySet):
    def subtree_of(self, organisations):
        """The given organisations and everything below them."""
        condition = models.Q(pk__in=[])
        for organisation in organisations:
            condition |= models.Q(path__startswith=organisation.path)
        return self.filter(condition)


class Organisation(models.Model):
    """A municipality, region or national body, or a part of one. Roles held here apply below it."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    country = models.CharField(
        _("country"), max_length=2, choices=[("DK", _("Denmark")), ("SE", _("Sweden"))], default="DK"
    )
    # Materialised path ("/3/17/42/") so sub-tree queries are one indexed prefix match.
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    allows_public_ideas = models.BooleanField(_("the public may submit ideas"), default=False)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["path"]

    def __str__(self):
        return self.name

    @transaction.atomic
    def save(self, *args, **kwargs):
        old_path = self.path
        super().save(*args, **kwargs)
        new_path = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
        if new_path == old_path:
            return
        # Paths are bookkeeping, not a change anyone made: update them without signals.
        Organisation.objects.filter(pk=self.pk).update(path=new_path)
        self.path = new_path
        if old_path:
            for descendant in Organisation.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                Organisation.objects.filter(pk=descendant.pk).update(
                    path=new_path + descendant.path[len(old_path) :]
                )

    def clean(self):
        if self.parent is None and self.kind not in TOP_LEVEL_KINDS:
            raise ValidationError(
                {"parent": _("Only a municipality, region or national body can stand alone.")}
            )
        if self.parent is not None:
            allowed = ALLOWED_PARENT_KINDS.get(self.kind, set())
            if self.parent.kind not in allowed:
                raise ValidationError(
                    {
                        "parent": _("A %(kind)s cannot be part of a %(parent)s.")
                        % {"kind": self.get_kind_display(), "parent": self.parent.get_kind_display()}
                    }
                )
            if self.pk and self.parent.path.startswith(self.path):
                raise ValidationError({"parent": _("An organisation cannot be part of itself.")})

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part]

    def ancestors(self):
        """From the top of the tree down to, and including, this organisation."""
        ids = self.ancestor_ids
        by_id = Organisation.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]

    @property
    def root(self):
        return Organisation.objects.get(pk=self.ancestor_ids[0])

    def is_within(self, other: "Organisation") -> bool:
        return self.path.startswith(other.path)

    @property
    def language(self) -> str:
        """The language its people read by default: Swedish in Sweden, else Danish."""
        return {"SE": "sv"}.get(self.country, "da")


class Membership(models.Model):
    """A user's role in an organisation (and so in its sub-tree)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="unique_role_per_organisation"
            )
        ]
        ordering = ["organisation__path", "role"]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.organisation}"


class InvitationStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    REVOKED = "revoked", _("Revoked")


# How long an invitation's link works after it is (re-)sent.
INVITATION_VALID_FOR = timedelta(days=7)


def hash_token(token: str) -> str:
    """What is kept of an invitation's token: the link itself is only in the e-mail."""
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """A role in an organisation offered to a person by e-mail: the membership exists only once she
    accepts it through the link. Only a hash of the link's token is kept; re-sending makes a new token.
    Expiry is time, not a step (see `workflow.py`): a sent invitation past `expires_at` is expired."""

    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="invitations"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="invitations_sent",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=InvitationStatus.choices, default=InvitationStatus.SENT
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    last_sent_at = models.DateTimeField(_("last sent"))
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    # When the invited person last asked for a new link (an expired or revoked one), so she asks once.
    renewal_asked_at = models.DateTimeField(_("new invitation asked for"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["organisation__path", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "organisation"],
                condition=models.Q(status="sent"),
                name="one_open_invitation_per_address_and_organisation",
            )
        ]

    def __str__(self):
        return f"{self.email} – {self.get_role_display()} – {self.organisation}"

    @property
    def is_expired(self) -> bool:
        return self.status == InvitationStatus.SENT and timezone.now() >= self.expires_at

    @property
    def is_open(self) -> bool:
        """Whether its link may be used now."""
        return self.status == InvitationStatus.SENT and not self.is_expired

    @property
    def state_label(self) -> str:
        return str(_("Expired")) if self.is_expired else self.get_status_display()
