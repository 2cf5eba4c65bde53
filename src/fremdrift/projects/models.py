"""Projects in the six-element project model, with PDSA cycles, progress, evaluation and closing.

A project belongs to the unit that owns it. The lead and team edit it; the owning organisation's
innovation unit, board and quality consultants read it (see `fremdrift.access`). Closing
decisions are append-only: they are the board's record.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from fremdrift.funding.description import ProjectDescription
from fremdrift.funding.models import Currency

MONEY = {"max_digits": 14, "decimal_places": 2}
NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    EVALUATING = "evaluating", _("Evaluating")
    CLOSED = "closed", _("Closed")


class ClosingOutcome(models.TextChoices):
    INTO_OPERATIONS = "into_operations", _("Into operations")
    SPREAD = "spread", _("Spread to more units")
    EXTENDED = "extended", _("Extended")
    STOPPED = "stopped", _("Stopped")


class TrafficLight(models.TextChoices):
    GREEN = "green", _("Green: on track")
    YELLOW = "yellow", _("Yellow: at risk")
    RED = "red", _("Red: off track")


class Project(ProjectDescription):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("owner unit"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    # The six elements are in ProjectDescription; goals are Goal rows below, each with indicators in
    # the measurement app.
    project_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("project lead"),
        on_delete=models.PROTECT,
        related_name="led_projects",
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("team members"), blank=True, related_name="project_teams"
    )
    budget = models.DecimalField(_("budget"), **MONEY, default=Decimal("0"), validators=NON_NEGATIVE)
    conditions = models.TextField(_("conditions of the grant"), blank=True)
    application = models.OneToOneField(
        "funding.Application",
        verbose_name=_("funding application"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="project",
    )
    fund = models.ForeignKey(
        "funding.Fund",
        verbose_name=_("fund"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    receiving_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("receiving unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="received_projects",
    )
    # Optimistic locking: every save of a part states the version it was read at.
    # Where the project came from, when it grew from an idea or reuses another's case.
    idea = models.ForeignKey(
        "ideas.Idea",
        verbose_name=_("idea"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    source_case = models.ForeignKey(
        "library.Case",
        verbose_name=_("reuses the case"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adopting_projects",
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-created_at", "-pk"]

    @property
    def budget_is_granted(self) -> bool:
        """A project made from an application spends a grant: its budget changes only by a decision."""
        return self.application_id is not None

    def __str__(self):
        return self.title

    @property
    def currency(self) -> str:
        """The fund's currency; a project without a fund counts in its country's."""
        if self.fund_id:
            return self.fund.currency
        return Currency.SEK if self.organisation.country == "SE" else Currency.DKK

    @property
    def is_editable(self) -> bool:
        """Whether anything in the project may still change: not once it is closed."""
        from .workflow import EDITABLE_STATES  # the workflow is declared over these models

        return self.status in EDITABLE_STATES

    def share_spent(self, spent) -> int | None:
        """What is spent, in per cent of the budget (None without a budget)."""
        return int(spent * 100 / self.budget) if self.budget else None

    def require_editable(self):
        """Refuse a change to anything in the project once it is closed."""
        if not self.is_editable:
            raise ValidationError(_("The project is closed; nothing in it can change."))


class ProjectPart(models.Model):
    """Something that belongs to one project, and so to the project's organisation."""

    class Meta:
        abstract = True

    @property
    def organisation(self):
        return self.project.organisation


class Goal(ProjectPart):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="goals")
    description = models.CharField(_("goal"), max_length=500)
    success_criterion = models.TextField(_("success criterion"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["project", "position", "pk"]

    def __str__(self):
        return self.description


class PdsaStage(models.TextChoices):
    PLAN = "plan", _("Plan")
    DO = "do", _("Do")
    STUDY = "study", _("Study")
    ACT = "act", _("Act")
    DONE = "done", _("Done")


class PdsaAct(models.TextChoices):
    ADOPT = "adopt", _("Adopt")
    ADAPT = "adapt", _("Adapt")
    ABANDON = "abandon", _("Abandon")


class PdsaCycle(models.Model):
    """A test of change, for a project or an idea. `previous` chains cycles into a ramp."""

    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="pdsa_cycles"
    )
    idea = models.ForeignKey(
        "ideas.Idea", null=True, blank=True, on_delete=models.CASCADE, related_name="pdsa_cycles"
    )
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous cycle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_cycles",
    )
    indicator = models.ForeignKey(
        "measurement.Indicator",
        verbose_name=_("indicator followed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pdsa_cycles",
    )
    title = models.CharField(_("what we test"), max_length=200)
    prediction = models.TextField(_("what we predict"), blank=True)
    plan_who = models.CharField(_("who"), max_length=300, blank=True)
    plan_what = models.TextField(_("what"), blank=True)
    plan_when = models.CharField(_("when"), max_length=200, blank=True)
    plan_where = models.CharField(_("where"), max_length=200, blank=True)
    what_happened = models.TextField(_("what happened"), blank=True)
    study = models.TextField(_("study: the result against the prediction"), blank=True)
    act = models.CharField(_("act"), max_length=10, choices=PdsaAct.choices, blank=True)
    act_notes = models.TextField(_("what we do next"), blank=True)
    stage = models.CharField(_("stage"), max_length=10, choices=PdsaStage.choices, default=PdsaStage.PLAN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("PDSA cycle")
        verbose_name_plural = _("PDSA cycles")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(project__isnull=False) | models.Q(idea__isnull=False),
                name="pdsa_for_project_or_idea",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def organisation(self):
        return self.project.organisation if self.project_id else self.idea.organisation


class StatusReport(ProjectPart):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="status_reports")
    reported_on = models.DateField(_("report date"))
    progress = models.TextField(_("progress"))
    traffic_light = models.CharField(_("traffic light"), max_length=10, choices=TrafficLight.choices)
    risks = models.TextField(_("risks"), blank=True)
    spent = models.DecimalField(
        _("spent so far"), **MONEY, validators=NON_NEGATIVE, help_text=_("All money spent since the start.")
    )
    next_steps = models.TextField(_("next steps"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        ordering = ["project", "-reported_on", "-pk"]

    def __str__(self):
        return f"{self.project} {self.reported_on}"

    @property
    def is_over_budget(self) -> bool:
        # A budget of 0 is one not yet set, not one already spent.
        return bool(self.project.budget) and self.spent > self.project.budget

    @property
    def share_of_budget(self) -> int | None:
        return self.project.share_spent(self.spent)


class ProgressEntry(ProjectPart):
    """A small step forward, logged as it happens."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="progress_entries")
    happened_on = models.DateField(_("date"))
    text = models.TextField(_("what moved forward"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("progress entry")
        verbose_name_plural = _("progress log")
        ordering = ["project", "-happened_on", "-pk"]

    def __str__(self):
        return f"{self.happened_on} {self.text[:40]}"


class Milestone(ProjectPart):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("due"))
    reached_on = models.DateField(_("reached"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["project", "due_on", "pk"]

    def __str__(self):
        return self.title


class EvaluationKind(models.TextChoices):
    MID_TERM = "mid_term", _("Mid-term evaluation")
    FINAL = "final", _("Final evaluation")


class GoalsReached(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class Evaluation(ProjectPart):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="evaluations")
    kind = models.CharField(_("kind"), max_length=10, choices=EvaluationKind.choices)
    goals_reached = models.CharField(
        _("were the goals reached?"), max_length=10, choices=GoalsReached.choices
    )
    goals_and_indicators = models.TextField(_("goals and indicators: what was reached"))
    data_showed = models.TextField(_("what the data showed"), blank=True)
    learnt = models.TextField(_("what we learnt"), blank=True)
    dead_ends = models.TextField(
        _("dead ends"), blank=True, help_text=_("What did not work, so others need not try it.")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["project", "created_at", "pk"]

    def __str__(self):
        return f"{self.project}: {self.get_kind_display()}"


class BusinessCase(ProjectPart):
    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="business_case")
    discount_rate = models.DecimalField(
        _("discount rate (% a year)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("4.00"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    first_year = models.PositiveSmallIntegerField(_("first year"), help_text=_("Year 0: not discounted."))
    notes = models.TextField(_("assumptions"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("business case")
        verbose_name_plural = _("business cases")

    def __str__(self):
        return f"{self.project}: {_('business case')}"


class CostKind(models.TextChoices):
    INVESTMENT = "investment", _("Investment")
    RUNNING = "running", _("Running cost")


class CostLine(models.Model):
    business_case = models.ForeignKey(BusinessCase, on_delete=models.CASCADE, related_name="costs")
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=12, choices=CostKind.choices)
    description = models.CharField(_("what"), max_length=300)
    amount = models.DecimalField(_("amount"), **MONEY, validators=NON_NEGATIVE)

    class Meta:
        verbose_name = _("cost line")
        verbose_name_plural = _("cost lines")
        ordering = ["business_case", "year", "pk"]

    def __str__(self):
        return f"{self.year} {self.description}"


class BenefitKind(models.TextChoices):
    ECONOMIC = "economic", _("Economic")
    QUALITY = "quality", _("Professional quality")
    CITIZEN = "citizen", _("Citizen")
    STAFF = "staff", _("Staff")


class BenefitLine(models.Model):
    """A benefit in a year. Economic benefits are money and count in the net present value; the
    others are in their own unit. The actual value can come from an indicator's measurements."""

    business_case = models.ForeignKey(BusinessCase, on_delete=models.CASCADE, related_name="benefits")
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=10, choices=BenefitKind.choices)
    description = models.CharField(_("benefit"), max_length=300)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    owner = models.CharField(_("owner"), max_length=200, help_text=_("Who is responsible for realising it."))
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    forecast = models.DecimalField(_("forecast"), max_digits=14, decimal_places=2, null=True, blank=True)
    actual = models.DecimalField(_("actual"), max_digits=14, decimal_places=2, null=True, blank=True)
    indicator = models.ForeignKey(
        "measurement.Indicator",
        verbose_name=_("actual from indicator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="benefits",
    )

    class Meta:
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")
        ordering = ["business_case", "year", "kind", "pk"]

    def __str__(self):
        return f"{self.year} {self.description}"


class ClosingDecision(ProjectPart):
    """The board's decision on the project's future. Never edited."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="closing_decisions")
    outcome = models.CharField(_("decision"), max_length=20, choices=ClosingOutcome.choices)
    reasons = models.TextField(_("reasons"))
    receiving_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("receiving unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    spread_to = models.ManyToManyField(
        "organisations.Organisation", verbose_name=_("spread to"), blank=True, related_name="+"
    )
    new_ends_on = models.DateField(_("new end date"), null=True, blank=True)
    carried_over = models.DecimalField(_("budget carried over"), **MONEY, null=True, blank=True)
    to_return = models.DecimalField(_("unspent money to return to the fund"), **MONEY, null=True, blank=True)
    returned_entry = models.ForeignKey(
        "funding.LedgerEntry", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("closing decision")
        verbose_name_plural = _("closing decisions")
        ordering = ["project", "decided_at", "pk"]

    def __str__(self):
        return f"{self.project}: {self.get_outcome_display()}"

    @property
    def awaits_return(self) -> bool:
        return bool(self.to_return) and self.returned_entry_id is None
