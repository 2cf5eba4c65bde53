import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import workflow

# Danish CPR (ddmmyy-xxxx) and Swedish personnummer (yyyymmdd-xxxx / yymmdd-xxxx).
_PERSON_NUMBER = re.compile(r"\b(?:\d{2})?\d{6}\s?[-+]?\s?\d{4}\b")

NO_CITIZEN_DATA = _(
    "Do not write anything that identifies a citizen or a relative: no names, CPR or personal identity "
    "numbers, addresses or dates of birth. Describe what happened in general terms."
)


def no_person_numbers(value):
    if _PERSON_NUMBER.search(value or ""):
        raise ValidationError(
            _("This looks like a CPR or personal identity number. Citizen data does not belong here."),
            code="person_number",
        )


class Campaign(models.Model):
    """A call for proposals on a theme for a period."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="idea_campaigns",
    )
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("opens"))
    ends_on = models.DateField(_("closes"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-starts_on", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The campaign closes before it opens.")})

    def is_open_on(self, day) -> bool:
        return self.starts_on <= day <= self.ends_on


class Idea(models.Model):
    """An idea or improvement proposal, on the improvement board of the organisation it is for."""

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("for"), on_delete=models.PROTECT, related_name="ideas"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
    )
    # Where the organisation lets the public submit ideas: the name they give, without an account.
    public_name = models.CharField(_("your name"), max_length=120, blank=True)
    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(_("the problem"), validators=[no_person_numbers])
    proposal = models.TextField(_("the idea"), validators=[no_person_numbers])
    helps = models.TextField(_("whom it helps"), blank=True, validators=[no_person_numbers])
    beacon = models.ForeignKey(
        "strategy.Beacon",
        verbose_name=_("beacon it serves"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
    )
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
    )
    status = models.CharField(_("status"), max_length=20, choices=workflow.choices(), default=workflow.NEW)
    action_plan_row = models.ForeignKey(
        "strategy.ActionPlanRow",
        verbose_name=_("action-plan row"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def proposer(self) -> str:
        return str(self.author) if self.author_id else self.public_name


class IdeaMove(models.Model):
    """A move on the board: who moved the idea, from where to where, and why."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="moves")
    from_status = models.CharField(_("from"), max_length=20, choices=workflow.choices())
    to_status = models.CharField(_("to"), max_length=20, choices=workflow.choices())
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    moved_at = models.DateTimeField(_("when"), auto_now_add=True)
    reason = models.TextField(_("why"), blank=True)

    class Meta:
        verbose_name = _("move on the board")
        verbose_name_plural = _("moves on the board")
        ordering = ["moved_at", "pk"]

    def __str__(self):
        return f"{self.idea}: {self.from_status} → {self.to_status}"

    @property
    def organisation(self):
        return self.idea.organisation


class Support(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="one_support_per_user")]

    def __str__(self):
        return f"{self.user} → {self.idea}"

    @property
    def organisation(self):
        return self.idea.organisation


class Comment(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("comment"), validators=[no_person_numbers])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]

    @property
    def organisation(self):
        return self.idea.organisation


class LearningReview(models.Model):
    """What a unit learnt from an adverse event or deviation. Reporting itself stays in the national systems."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="learning_reviews",
    )
    title = models.CharField(_("title"), max_length=200, help_text=NO_CITIZEN_DATA)
    occurred_in = models.CharField(
        _("when it happened"), max_length=60, blank=True, help_text=_('A month is enough, e.g. "marts 2026".')
    )
    what_happened = models.TextField(
        _("what happened"), help_text=NO_CITIZEN_DATA, validators=[no_person_numbers]
    )
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=list(workflow.LEARNING_STATES.items()),
        default=workflow.INVESTIGATING,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("learning review")
        verbose_name_plural = _("learning reviews")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        """Causes and actions are still written down: not once it is followed up."""
        return self.status != workflow.FOLLOWED_UP


class CauseCategory(models.TextChoices):
    """The bones of a fishbone (Ishikawa) diagram."""

    PEOPLE = "people", _("People")
    METHODS = "methods", _("Methods and procedures")
    EQUIPMENT = "equipment", _("Equipment and technology")
    ENVIRONMENT = "environment", _("Environment")
    MATERIALS = "materials", _("Materials")
    MANAGEMENT = "management", _("Management and organisation")


class LearningCause(models.Model):
    review = models.ForeignKey(LearningReview, on_delete=models.CASCADE, related_name="causes")
    category = models.CharField(_("category"), max_length=20, choices=CauseCategory.choices)
    description = models.TextField(_("cause"), help_text=NO_CITIZEN_DATA, validators=[no_person_numbers])

    class Meta:
        verbose_name = _("cause")
        verbose_name_plural = _("causes")
        ordering = ["review", "category", "pk"]

    def __str__(self):
        return self.description[:60]

    @property
    def organisation(self):
        return self.review.organisation


class LearningAction(models.Model):
    review = models.ForeignKey(LearningReview, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("action"), validators=[no_person_numbers])
    responsible = models.CharField(
        _("responsible"), max_length=200, blank=True, help_text=_("A role or a colleague, never a citizen.")
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    action_plan_row = models.ForeignKey(
        "strategy.ActionPlanRow",
        verbose_name=_("in the action plan as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learning_actions",
    )

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["review", "due_on", "pk"]

    def __str__(self):
        return self.description[:60]

    @property
    def organisation(self):
        return self.review.organisation
