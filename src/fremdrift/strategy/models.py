import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import workflow


class Strategy(models.Model):
    """A strategy owned by an organisation: vision, mission and a few beacons with efforts under each."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="strategies",
    )
    # Natural key of an imported record, so importing a document twice updates instead of duplicating.
    source_key = models.CharField(max_length=300, unique=True, null=True, blank=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    starts_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    ends_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    vision = models.TextField(_("vision"), blank=True)
    mission = models.TextField(_("mission"), blank=True)
    definition = models.TextField(
        _("definition"), blank=True, help_text=_("What the strategy means by its subject.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["-starts_year", "title"]

    def __str__(self):
        return self.title

    @property
    def period(self) -> str:
        if not self.starts_year:
            return ""
        if self.ends_year and self.ends_year != self.starts_year:
            return f"{self.starts_year}–{self.ends_year}"
        return str(self.starts_year)


class Beacon(models.Model):
    """A strategic beacon (pejlemærke, focus area): one direction the strategy sets."""

    # Natural key of an imported record, so importing a document twice updates instead of duplicating.
    source_key = models.CharField(max_length=300, unique=True, null=True, blank=True, editable=False)
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="beacons")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("beacon")
        verbose_name_plural = _("beacons")
        ordering = ["strategy", "position", "pk"]

    def __str__(self):
        return self.title

    @property
    def organisation(self):
        return self.strategy.organisation


class Effort(models.Model):
    """An effort (indsats) under a beacon."""

    # Natural key of an imported record, so importing a document twice updates instead of duplicating.
    source_key = models.CharField(max_length=300, unique=True, null=True, blank=True, editable=False)
    beacon = models.ForeignKey(Beacon, on_delete=models.CASCADE, related_name="efforts")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("effort")
        verbose_name_plural = _("efforts")
        ordering = ["beacon", "position", "pk"]

    def __str__(self):
        return self.title

    @property
    def organisation(self):
        return self.beacon.strategy.organisation


class ActionPlan(models.Model):
    """The action plan of a unit, department or administration: a table of rows."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="action_plans",
    )
    # Natural key of an imported record, so importing a document twice updates instead of duplicating.
    source_key = models.CharField(max_length=300, unique=True, null=True, blank=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    strategy = models.ForeignKey(
        Strategy,
        verbose_name=_("strategy it follows"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_plans",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["organisation__path", "title"]

    def __str__(self):
        return f"{self.title} – {self.organisation}"


class ActionPlanRow(models.Model):
    """One line of an action plan, as in Hedensted's tables: focus area, effort, goal, effect,
    financing, time frame and status."""

    # Natural key of an imported record, so importing a document twice updates instead of duplicating.
    source_key = models.CharField(max_length=300, unique=True, null=True, blank=True, editable=False)
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveIntegerField(_("position"), default=0)
    beacon = models.ForeignKey(
        Beacon,
        verbose_name=_("beacon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_plan_rows",
    )
    focus_area = models.CharField(
        _("focus area"), max_length=300, blank=True, help_text=_("As written, when it is not a beacon.")
    )
    strategic_effort = models.ForeignKey(
        Effort,
        verbose_name=_("strategic effort it serves"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_plan_rows",
    )
    effort = models.TextField(_("effort"))
    goal = models.TextField(_("goal"), blank=True)
    expected_effect = models.TextField(_("expected effect"), blank=True)
    financing = models.CharField(_("financing"), max_length=300, blank=True)
    time_frame = models.CharField(
        _("time frame as written"),
        max_length=200,
        blank=True,
        help_text=_('For example "Jan – juni 2016" or "Løbende". Months and years are read as dates.'),
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=workflow.choices(), default=workflow.NOT_STARTED
    )
    status_note = models.TextField(_("status note"), blank=True)
    # The projects app does not exist yet: a link or reference as text until it does.
    project_link = models.CharField(_("project"), max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("action-plan row")
        verbose_name_plural = _("action-plan rows")
        ordering = ["plan", "position", "pk"]

    def __str__(self):
        return self.effort[:80]

    @property
    def organisation(self):
        return self.plan.organisation

    @property
    def focus_area_label(self) -> str:
        return self.beacon.title if self.beacon_id else self.focus_area

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return bool(self.ends_on and self.ends_on < today and self.status not in workflow.CLOSED_STATES)

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

    @property
    def project_link_is_url(self) -> bool:
        return self.project_link.startswith(("https://", "http://", "/"))
