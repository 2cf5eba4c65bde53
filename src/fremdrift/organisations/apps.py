from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "fremdrift.organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from fremdrift import audit

        from .models import Invitation, Membership, Organisation

        # Changes to an organisation belong to the trail of the one above it, whose administrators manage it.
        audit.register(Organisation, organisation=lambda org: org.parent or org)
        audit.register(Membership, organisation=lambda membership: membership.organisation)
        # The token's hash is kept out of the trail: it tells a reader nothing, and it is a secret's trace.
        audit.register(
            Invitation, organisation=lambda invitation: invitation.organisation, exclude=["token_hash"]
        )
