"""Funds, rounds, applications in the six-element project model, assessment, decisions and money.

Decisions, submitted versions and ledger entries are append-only: a correction is a new row that
refers to the old one. Balances are always summed from ledger entries, never stored.
"""

from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .description import ProjectDescription

MONEY = {"max_digits": 14, "decimal_places": 2}
NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


class Currency(models.TextChoices):
    DKK = "DKK", "DKK"
    SEK = "SEK", "SEK"


class FundTimeZone(models.TextChoices):
    COPENHAGEN = "Europe/Copenhagen", _("Danish time (Europe/Copenhagen)")
    STOCKHOLM = "Europe/Stockholm", _("Swedish time (Europe/Stockholm)")


class FundKind(models.TextChoices):
    MUNICIPAL = "municipal", _("Municipal fund")
    NATIONAL_POOL = "national_pool", _("National pool")


class Sdg(models.IntegerChoices):
    """The 17 UN Sustainable Development Goals: a fixed list, chosen on applications."""

    NO_POVERTY = 1, _("1 No poverty")
    ZERO_HUNGER = 2, _("2 Zero hunger")
    GOOD_HEALTH = 3, _("3 Good health and well-being")
    QUALITY_EDUCATION = 4, _("4 Quality education")
    GENDER_EQUALITY = 5, _("5 Gender equality")
    CLEAN_WATER = 6, _("6 Clean water and sanitation")
    CLEAN_ENERGY = 7, _("7 Affordable and clean energy")
    DECENT_WORK = 8, _("8 Decent work and economic growth")
    INDUSTRY = 9, _("9 Industry, innovation and infrastructure")
    REDUCED_INEQUALITIES = 10, _("10 Reduced inequalities")
    SUSTAINABLE_CITIES = 11, _("11 Sustainable cities and communities")
    RESPONSIBLE_CONSUMPTION = 12, _("12 Responsible consumption and production")
    CLIMATE_ACTION = 13, _("13 Climate action")
    LIFE_BELOW_WATER = 14, _("14 Life below water")
    LIFE_ON_LAND = 15, _("15 Life on land")
    PEACE_JUSTICE = 16, _("16 Peace, justice and strong institutions")
    PARTNERSHIPS = 17, _("17 Partnerships for the goals")


REPORT_EVERY_MONTHS = 6  # a fund's status report schedule unless it says otherwise


class Fund(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("owner"), on_delete=models.PROTECT, related_name="funds"
    )
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=FundKind.choices, default=FundKind.MUNICIPAL)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.DKK)
    time_zone = models.CharField(
        _("time zone"), max_length=40, choices=FundTimeZone.choices, default=FundTimeZone.COPENHAGEN
    )
    threshold_amount = models.DecimalField(
        _("threshold"),
        **MONEY,
        default=Decimal("0"),
        validators=NON_NEGATIVE,
        help_text=_(
            "Applications below this amount are taken all year and decided by the innovation unit; "
            "from this amount they belong to a round and are decided by the board."
        ),
    )
    minimum_grant = models.DecimalField(
        _("minimum grant"), **MONEY, default=Decimal("0"), validators=NON_NEGATIVE
    )
    uses_sdgs = models.BooleanField(_("applications choose UN Sustainable Development Goals"), default=False)
    report_every_months = models.PositiveSmallIntegerField(
        _("status report every (months)"),
        default=REPORT_EVERY_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
        help_text=_(
            "Projects funded by the fund report their status this many months after the last status "
            "report (or their start)."
        ),
    )
    cycle_is_public = models.BooleanField(
        _("the yearly cycle is public"),
        default=False,
        help_text=_(
            "Anyone may read the rounds' dates and subscribe to them in a calendar program without "
            "logging in."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("fund")
        verbose_name_plural = _("funds")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @property
    def is_open_to_all(self) -> bool:
        """A national pool takes applications from units of any municipality."""
        return self.kind == FundKind.NATIONAL_POOL


class FundBudgetYear(models.Model):
    """A fund's budget year. The budget itself is a ledger entry; this row is what grants lock."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="budget_years")
    year = models.PositiveSmallIntegerField(_("budget year"))

    class Meta:
        verbose_name = _("budget year")
        verbose_name_plural = _("budget years")
        ordering = ["fund", "year"]
        constraints = [models.UniqueConstraint(fields=["fund", "year"], name="unique_fund_budget_year")]

    def __str__(self):
        return f"{self.fund} {self.year}"

    @property
    def organisation(self):
        return self.fund.organisation


class Criterion(models.Model):
    """An assessment criterion (bottom line) with its weight and scale."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(
        _("weight"), max_digits=5, decimal_places=2, default=Decimal("1"), validators=NON_NEGATIVE
    )
    scale_max = models.PositiveSmallIntegerField(
        _("highest score"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("bottom line")
        verbose_name_plural = _("bottom lines")
        ordering = ["fund", "position", "pk"]

    def __str__(self):
        return self.name


class Theme(models.Model):
    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["fund", "position", "pk"]

    def __str__(self):
        return self.name


# A round's dated steps, in the order of the cycle: the field and the step's name. Each is an event in
# the fund's calendar, known by the round and the field for as long as the round exists.
ROUND_STEPS = (
    ("opens_on", _("Round opens")),
    ("information_meeting", _("Information meeting")),
    ("workshop", _("Workshop")),
    ("deadline", _("Deadline")),
    ("assessment_meeting", _("Assessment meeting")),
    ("decision_meeting", _("Decision meeting")),
)


class Round(models.Model):
    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="rounds")
    name = models.CharField(_("name"), max_length=200)
    opens_on = models.DateField(_("opens"))
    deadline = models.DateTimeField(_("deadline"), help_text=_("In the fund's time zone."))
    information_meeting = models.DateTimeField(_("information meeting"), null=True, blank=True)
    workshop = models.DateTimeField(_("workshop"), null=True, blank=True)
    assessment_meeting = models.DateField(_("assessment meeting"), null=True, blank=True)
    decision_meeting = models.DateField(_("decision meeting"), null=True, blank=True)
    # The calendar's revision of the round's events (RFC 5545 SEQUENCE and LAST-MODIFIED): a calendar
    # program takes an event with a higher sequence as the same appointment, moved.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["fund", "deadline"]

    def __str__(self):
        return f"{self.fund}: {self.name}"

    def save(self, *args, **kwargs):
        # Here rather than in a service, so a date moved anywhere (the admin included) is a new revision.
        if self.pk is not None:
            dates = [field for field, _step in ROUND_STEPS]
            stored = type(self).objects.filter(pk=self.pk).values(*dates).first()
            if stored is not None and any(stored[field] != getattr(self, field) for field in dates):
                self.sequence += 1
        super().save(*args, **kwargs)

    @property
    def organisation(self):
        return self.fund.organisation


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    RECOMMENDED = "recommended", _("Recommended")
    GRANTED = "granted", _("Granted")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Route(models.TextChoices):
    SMALL = "small", _("Below the threshold: decided by the innovation unit")
    LARGE = "large", _("From the threshold: decided by the board in a round")


class Application(ProjectDescription):
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="applications")
    round = models.ForeignKey(
        Round,
        verbose_name=_("round"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
    )
    # The idea on an improvement board that the application grew from, if any.
    idea = models.ForeignKey(
        "ideas.Idea",
        verbose_name=_("idea"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    # The applicant unit: its organisation sees the application (also in another organisation's fund).
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("applicant unit"),
        on_delete=models.PROTECT,
        related_name="fund_applications",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    project_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("project lead"),
        on_delete=models.PROTECT,
        related_name="led_applications",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    route = models.CharField(_("route"), max_length=10, choices=Route.choices, blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # The six elements are in ProjectDescription; goals and indicators are Goal and Indicator below.
    sdgs = models.JSONField(_("UN Sustainable Development Goals"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def requested_amount(self) -> Decimal:
        """Summed from the budget lines (prefetched or not)."""
        return sum((line.amount for line in self.budget_lines.all()), Decimal("0"))

    @property
    def co_financing(self) -> Decimal:
        return sum((line.co_financing for line in self.budget_lines.all()), Decimal("0"))


class Goal(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="goals")
    description = models.CharField(_("goal"), max_length=500)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["application", "position", "pk"]

    def __str__(self):
        return self.description


class Indicator(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=200)
    definition = models.TextField(_("definition"), blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=4, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=4)
    data_collection = models.TextField(_("how the data are collected"), blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["goal", "pk"]

    def __str__(self):
        return self.name


class PartnerKind(models.TextChoices):
    COMPANY = "company", _("Company")
    EDUCATION = "education", _("Education institution")
    MUNICIPALITY = "municipality", _("Municipality")
    VOLUNTEER = "volunteer", _("Volunteers")
    OTHER = "other", _("Other")


class Partner(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("partner"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    contribution = models.CharField(_("role in the project"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["application", "pk"]

    def __str__(self):
        return self.name


class BudgetLine(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="budget_lines")
    description = models.CharField(_("what"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount applied for"), **MONEY, validators=NON_NEGATIVE)
    co_financing = models.DecimalField(
        _("co-financing"), **MONEY, default=Decimal("0"), validators=NON_NEGATIVE
    )

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["application", "year", "pk"]

    def __str__(self):
        return f"{self.year} {self.description}"


def attachment_path(instance, filename):
    return f"funding/applications/{instance.application_id}/{filename}"


class Attachment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path)
    name = models.CharField(_("name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["application", "pk"]

    def __str__(self):
        return self.name


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("These records are never changed; add a new one instead.")

    def delete(self):
        raise PermissionError("These records are never deleted.")


class AppendOnly(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise PermissionError("These records are never changed; add a new one instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("These records are never deleted.")


class ApplicationVersion(AppendOnly):
    """What was submitted, frozen. A revision is submitted as the next number."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("content"))
    requested_amount = models.DecimalField(_("amount applied for"), **MONEY)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("submitted"))

    class Meta:
        verbose_name = _("submitted version")
        verbose_name_plural = _("submitted versions")
        ordering = ["application", "number"]
        constraints = [
            models.UniqueConstraint(fields=["application", "number"], name="unique_application_version")
        ]

    def __str__(self):
        return f"{self.application} v{self.number}"


class ReviewAssignment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_assignments"
    )
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)
    has_conflict = models.BooleanField(_("conflict of interest"), null=True, default=None)
    conflict_note = models.TextField(_("about the conflict of interest"), blank=True)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["application", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="unique_reviewer_per_application"
            )
        ]

    def __str__(self):
        return f"{self.reviewer} – {self.application}"


class Review(models.Model):
    """A reviewer's scores. Sealed until submitted: before that only its author sees it."""

    assignment = models.OneToOneField(ReviewAssignment, on_delete=models.CASCADE, related_name="review")
    comment = models.TextField(_("overall comment"), blank=True)
    version_number = models.PositiveIntegerField(_("version reviewed"), default=0)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self):
        return f"{self.assignment}"

    @property
    def is_sealed(self):
        return self.submitted_at is None


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["review", "criterion__position", "criterion_id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="unique_score_per_criterion")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class RecommendationOutcome(models.TextChoices):
    GRANT = "grant", _("Grant")
    GRANT_WITH_CONDITIONS = "grant_with_conditions", _("Grant with conditions")
    REJECT = "reject", _("Reject")


class Recommendation(AppendOnly):
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="recommendations")
    outcome = models.CharField(_("recommendation"), max_length=30, choices=RecommendationOutcome.choices)
    amount = models.DecimalField(_("amount"), **MONEY, default=Decimal("0"), validators=NON_NEGATIVE)
    conditions = models.TextField(_("conditions"), blank=True)
    reasons = models.TextField(_("reasons"))
    recommended_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recommended_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["application", "recommended_at", "pk"]

    def __str__(self):
        return f"{self.application}: {self.get_outcome_display()}"


class DecisionOutcome(models.TextChoices):
    GRANTED = "granted", _("Granted")
    REJECTED = "rejected", _("Rejected")


class DecidingBody(models.TextChoices):
    INNOVATION_UNIT = "innovation_unit", _("Innovation unit")
    BOARD = "board", _("Management board")


class Decision(AppendOnly):
    """Never edited: a correction is a new decision that names the one it corrects."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(_("decision"), max_length=20, choices=DecisionOutcome.choices)
    amount = models.DecimalField(_("amount granted"), **MONEY, default=Decimal("0"), validators=NON_NEGATIVE)
    conditions = models.TextField(_("conditions"), blank=True)
    reasons = models.TextField(_("reasons"))
    body = models.CharField(_("decided by"), max_length=20, choices=DecidingBody.choices)
    budget_year = models.ForeignKey(
        FundBudgetYear, verbose_name=_("budget year"), null=True, blank=True, on_delete=models.PROTECT
    )
    corrects = models.OneToOneField(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrected_by",
    )
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["application", "decided_at", "pk"]

    def __str__(self):
        return f"{self.application}: {self.get_outcome_display()}"

    @property
    def organisation(self):
        return self.application.fund.organisation


class EntryKind(models.TextChoices):
    BUDGET = "budget", _("Budget")
    GRANT = "grant", _("Granted")
    PAYMENT = "payment", _("Paid out")
    RETURN = "return", _("Returned")
    CARRY_OUT = "carry_out", _("Carried over to next year")
    CARRY_IN = "carry_in", _("Carried over from last year")
    OVER_COMMITMENT = "over_commitment", _("Over-commitment")


class LedgerEntry(AppendOnly):
    """One movement of money in a fund's budget year. Balances are sums of these.

    Amounts are positive, except a grant entry written by a corrected decision, which carries the
    difference (negative when the corrected grant is smaller)."""

    budget_year = models.ForeignKey(FundBudgetYear, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(_("kind"), max_length=20, choices=EntryKind.choices)
    amount = models.DecimalField(_("amount"), **MONEY)
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.PROTECT, related_name="ledger_entries"
    )
    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    booked_on = models.DateField(_("date"))

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["budget_year", "booked_on", "pk"]

    def __str__(self):
        return f"{self.budget_year} {self.get_kind_display()} {self.amount}"
