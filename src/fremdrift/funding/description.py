"""The project description in Aalborg's six-element model, as one abstract model.

An application describes the project it asks money for; a granted application becomes a project
that carries the same description on. Both inherit `ProjectDescription`, so each element has one
name in both places, and the copy from one to the other is a loop over these fields.

Goals with their indicators (element 3) are rows of their own on each side. The UN Sustainable
Development Goals are chosen on applications only.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectDescription(models.Model):
    title = models.CharField(_("title"), max_length=200)
    # 1. The challenge
    challenge = models.TextField(_("the challenge"), blank=True)
    # 2. Bottom lines served, and how
    criteria = models.ManyToManyField(
        "funding.Criterion", verbose_name=_("bottom lines served"), blank=True, related_name="%(class)ss"
    )
    criteria_how = models.TextField(_("how the project serves the bottom lines"), blank=True)
    themes = models.ManyToManyField(
        "funding.Theme", verbose_name=_("themes"), blank=True, related_name="%(class)ss"
    )
    # 3. Goals and indicators: rows of their own on each side.
    # 4. Activities and resources
    activities = models.TextField(_("activities"), blank=True)
    resources = models.TextField(_("resources"), blank=True)
    # 5. Evaluation
    evaluation_plan = models.TextField(_("evaluation plan"), blank=True)
    # 6. Spread and implementation
    spread_plan = models.TextField(
        _("spread and implementation plan"),
        blank=True,
        help_text=_("Criteria for moving into operations, and the indicators of long-term effect."),
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        abstract = True

    def description(self) -> dict:
        """The description's own values by field name, to create another description from."""
        return {field.name: getattr(self, field.name) for field in ProjectDescription._meta.local_fields}

    def copy_choices_to(self, other: "ProjectDescription"):
        """Give the saved `other` the same bottom lines and themes."""
        for field in ProjectDescription._meta.local_many_to_many:
            getattr(other, field.name).set(getattr(self, field.name).all())
