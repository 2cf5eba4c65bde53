from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "fremdrift.organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from fremdrift import audit

        from .models import Membership, Organisation

        audit.register(Organisation, organisation=lambda org: org)
        audit.register(Membership, organisation=lambda membership: membership.organisation)
