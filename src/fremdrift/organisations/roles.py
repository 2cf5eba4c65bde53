"""The roles a user can hold in an organisation. What each role may do is in `fremdrift.access`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    STAFF = "staff", _("Staff member")
    PROJECT_LEAD = "project_lead", _("Project lead")
    REVIEWER = "reviewer", _("Reviewer")
    INNOVATION_UNIT = "innovation_unit", _("Innovation unit")
    BOARD_MEMBER = "board_member", _("Management board member")
    QUALITY_CONSULTANT = "quality_consultant", _("Quality consultant")
    ORG_ADMIN = "org_admin", _("Organisation administrator")
