"""Indicators, their measurements over time, and the dated changes that split a chart.

A measurement is never overwritten: a correction is a new row, and the old one is kept with
`superseded_by` pointing at it. At most one current value per indicator and period.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

VALUE = {"max_digits": 14, "decimal_places": 4}


class ValueKind(models.TextChoices):
    COUNT = "count", _("Count")
    PROPORTION = "proportion", _("Proportion (numerator of denominator)")
    RATE = "rate", _("Rate per N")
    DAYS = "days", _("Time in days")
    SCORE = "score", _("Score")


class Direction(models.TextChoices):
    UP = "up", _("Higher is better")
    DOWN = "down", _("Lower is better")


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")


# The control chart that suits each kind of value (the run chart always comes first).
CONTROL_CHART = {
    ValueKind.COUNT: "c",
    ValueKind.PROPORTION: "p",
    ValueKind.RATE: "u",
    ValueKind.DAYS: "i",
    ValueKind.SCORE: "i",
}
HAS_DENOMINATOR = {ValueKind.PROPORTION, ValueKind.RATE}


class Indicator(models.Model):
    goal = models.ForeignKey("projects.Goal", on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=200)
    definition = models.TextField(_("definition"), blank=True)
    kind = models.CharField(
        _("kind of value"), max_length=12, choices=ValueKind.choices, default=ValueKind.COUNT
    )
    per = models.PositiveIntegerField(
        _("per"), null=True, blank=True, help_text=_("For a rate: per how many (e.g. 1000 bed days).")
    )
    direction = models.CharField(_("direction of improvement"), max_length=4, choices=Direction.choices)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline_starts_on = models.DateField(_("baseline from"), null=True, blank=True)
    baseline_ends_on = models.DateField(_("baseline to"), null=True, blank=True)
    baseline = models.DecimalField(_("baseline value"), **VALUE, null=True, blank=True)
    target = models.DecimalField(_("target"), **VALUE, null=True, blank=True)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_indicators",
    )
    frozen_baseline = models.PositiveSmallIntegerField(
        _("frozen baseline (points)"),
        null=True,
        blank=True,
        help_text=_("Compute the median or centre line from this many first points only."),
    )
    data_collection = models.TextField(_("how the data are collected"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["goal", "position", "pk"]

    def __str__(self):
        return self.name

    @property
    def project(self):
        return self.goal.project

    @property
    def organisation(self):
        return self.goal.project.organisation

    @property
    def has_denominator(self) -> bool:
        return self.kind in HAS_DENOMINATOR

    @property
    def control_chart(self) -> str:
        return CONTROL_CHART[self.kind]

    @property
    def scale(self) -> float:
        """What the engine's ratio is multiplied by for showing: per cent, or per N."""
        if self.kind == ValueKind.PROPORTION:
            return 100.0
        if self.kind == ValueKind.RATE:
            return float(self.per or 1)
        return 1.0


class MeasurementQuerySet(models.QuerySet):
    def current(self):
        return self.filter(superseded_by__isnull=True)


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    period = models.DateField(_("period"), help_text=_("The first day of the week, month or quarter."))
    value = models.DecimalField(_("value"), **VALUE, null=True, blank=True)
    numerator = models.DecimalField(_("numerator"), **VALUE, null=True, blank=True)
    denominator = models.DecimalField(_("denominator"), **VALUE, null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    superseded_by = models.OneToOneField(
        "self",
        verbose_name=_("corrected by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrects",
    )

    objects = MeasurementQuerySet.as_manager()

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["indicator", "period", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"],
                condition=models.Q(superseded_by__isnull=True),
                name="one_current_measurement_per_period",
            )
        ]

    def __str__(self):
        return f"{self.indicator} {self.period}"

    @property
    def organisation(self):
        return self.indicator.organisation

    @property
    def shown_value(self):
        """The value as the chart shows it (per cent, per N, or the value itself)."""
        if self.numerator is not None and self.denominator:
            return float(self.numerator) / float(self.denominator) * self.indicator.scale
        return None if self.value is None else float(self.value)


class PhaseChange(models.Model):
    """A dated change in how the work is done ("new routine from 1 March"). Marked on the chart;
    when `new_phase` is set, the median or centre line is computed afresh from that date."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="phase_changes")
    starts_on = models.DateField(_("from"))
    label = models.CharField(_("what changed"), max_length=120)
    new_phase = models.BooleanField(
        _("new phase"),
        default=False,
        help_text=_("Compute a new median or centre line from this date, once the change has lasted."),
    )

    class Meta:
        verbose_name = _("change")
        verbose_name_plural = _("changes")
        ordering = ["indicator", "starts_on", "pk"]

    def __str__(self):
        return f"{self.starts_on} {self.label}"

    @property
    def organisation(self):
        return self.indicator.organisation
