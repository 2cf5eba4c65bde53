from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    ELDERLY_CARE = "elderly_care", _("Elderly care")
    HEALTH = "health", _("Health")
    DISABILITY = "disability", _("Disability and social psychiatry")
    SOCIAL_SERVICES = "social_services", _("Social services")
    CHILDREN_SCHOOLS = "children_schools", _("Children and schools")
    EMPLOYMENT = "employment", _("Employment")
    CLIMATE = "climate", _("Climate and environment")
    DIGITAL = "digital", _("Digital")
    CULTURE = "culture", _("Culture and leisure")
    ADMINISTRATION = "administration", _("Administration")
    OTHER = "other", _("Other")


class ValueDimension(models.TextChoices):
    POLITICAL_GOALS = "political_goals", _("Political goals")
    QUALITY = "quality", _("Higher quality")
    EFFICIENCY = "efficiency", _("Greater efficiency")
    DEMOCRACY = "democracy", _("Stronger democracy and involvement")
    INNOVATION_CAPACITY = "innovation_capacity", _("Greater innovation capacity")


class CaseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class CaseLanguage(models.TextChoices):
    DA = "da", _("Danish")
    SV = "sv", _("Swedish")
    NB = "nb", _("Norwegian")
    EN = "en", _("English")


class Case(models.Model):
    """A piece of innovation work told so that others can reuse it ("læs, stjæl, fortæl")."""

    # Natural key of an imported case ("coi2019/case/12"), so importing twice updates it.
    source_key = models.CharField(max_length=200, unique=True, null=True, blank=True, editable=False)
    source = models.CharField(_("source"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("owning organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    organisation_names = models.CharField(
        _("organisations"), max_length=500, blank=True, help_text=_("As the source names them.")
    )
    is_short = models.BooleanField(_("short everyday-innovation case"), default=False)
    title = models.CharField(_("title"), max_length=300)
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    lead = models.TextField(_("lead paragraph"), blank=True)
    target_group = models.TextField(_("target group"), blank=True)
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    year_text = models.CharField(_("year"), max_length=100, blank=True)
    year_from = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    year_to = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    challenge = models.TextField(_("challenge"), blank=True)
    solution = models.TextField(_("solution"), blank=True)
    key_elements = models.JSONField(_("key elements"), default=list, blank=True)
    resources = models.TextField(_("resources used"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    # Value created; null means the case does not address the dimension.
    value_political_goals = models.TextField(_("political goals"), null=True, blank=True)
    value_quality = models.TextField(_("higher quality"), null=True, blank=True)
    value_efficiency = models.TextField(_("greater efficiency"), null=True, blank=True)
    value_democracy = models.TextField(_("stronger democracy and involvement"), null=True, blank=True)
    value_innovation_capacity = models.TextField(_("greater innovation capacity"), null=True, blank=True)
    shared = models.TextField(_("how it was shared"), blank=True)
    capacity_collaboration = models.TextField(_("capacity for collaboration"), null=True, blank=True)
    capacity_evaluation = models.TextField(_("capacity for evaluation"), null=True, blank=True)
    capacity_spread = models.TextField(_("capacity for spread"), null=True, blank=True)
    reuse_notes = models.JSONField(_("what you need to know to reuse it"), default=list, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, default=Sector.OTHER)
    sdgs = models.JSONField(_("UN Sustainable Development Goals"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=CaseLanguage.choices, default="da")
    project = models.OneToOneField(
        "projects.Project",
        verbose_name=_("told from the project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["title"]
        indexes = [models.Index(fields=["status", "sector"]), models.Index(fields=["language"])]

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == CaseStatus.PUBLISHED

    def values(self) -> list[tuple[str, str | None]]:
        """(dimension label, text or None when not addressed) in the source's order."""
        return [(label, getattr(self, f"value_{code}")) for code, label in ValueDimension.choices]


class CaseContact(models.Model):
    """Whom to ask about a case. Personal data, so kept apart from the case text, with its source
    and date; unconfirmed contacts are shown only to logged-in users and never indexed."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    source_key = models.CharField(max_length=200, unique=True, null=True, blank=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("title or role"), max_length=300, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    source = models.CharField(_("source"), max_length=200)
    source_date = models.DateField(_("date of the source"))
    confirmed = models.BooleanField(_("confirmed by the organisation"), default=False)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["case", "pk"]

    def __str__(self):
        return self.name

    @property
    def organisation(self):
        return self.case.organisation


class Nomination(models.Model):
    class Standing(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        NOMINATED = "nominated", _("Nominated")
        WINNER = "winner", _("Winner")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="nominations")
    prize = models.CharField(_("prize"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    standing = models.CharField(_("standing"), max_length=20, choices=Standing.choices)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.UniqueConstraint(fields=["case", "prize", "year"], name="one_nomination_per_prize")
        ]

    def __str__(self):
        return f"{self.prize} {self.year or ''}: {self.get_standing_display()}"


class KnowledgePostStatus(models.TextChoices):
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class KnowledgePost(models.Model):
    """Experience, a preliminary result, a dead end or advice, on a theme or a case."""

    class Kind(models.TextChoices):
        EXPERIENCE = "experience", _("Experience")
        PRELIMINARY_RESULT = "preliminary_result", _("Preliminary result")
        DEAD_END = "dead_end", _("Dead end")
        ADVICE = "advice", _("Advice")
        INSIGHT = "insight", _("Insight")
        QUESTION = "question", _("Question to consider")

    source_key = models.CharField(max_length=200, unique=True, null=True, blank=True, editable=False)
    source = models.CharField(_("source"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"))
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="knowledge_posts"
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="knowledge_posts",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=KnowledgePostStatus.choices, default=KnowledgePostStatus.PUBLISHED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("knowledge post")
        verbose_name_plural = _("knowledge posts")
        ordering = ["theme", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == KnowledgePostStatus.PUBLISHED


class KnowledgeComment(models.Model):
    post = models.ForeignKey(KnowledgePost, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]

    @property
    def organisation(self):
        return self.post.organisation


class Reuse(models.Model):
    """Another organisation adopting a case ("stjæl"). Spread only counts once it created value."""

    class Stage(models.TextChoices):
        STARTED = "started", _("Started")
        IMPLEMENTED = "implemented", _("Implemented")
        CREATED_VALUE = "created_value", _("Created value")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="reuses")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("reused by"),
        on_delete=models.PROTECT,
        related_name="reuses",
    )
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    stage = models.CharField(_("how far it got"), max_length=20, choices=Stage.choices, default=Stage.STARTED)
    project = models.OneToOneField(
        "projects.Project",
        verbose_name=_("the project reusing it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reuse",
    )
    note = models.TextField(_("what we changed and learnt"), blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reuse")
        verbose_name_plural = _("reuses")
        constraints = [
            models.UniqueConstraint(fields=["case", "organisation"], name="one_reuse_per_organisation")
        ]

    def __str__(self):
        return f"{self.case} → {self.organisation}"

    @property
    def counts_as_spread(self) -> bool:
        return self.stage == self.Stage.CREATED_VALUE


class SearchDocument(models.Model):
    """What the search box finds: a case or a knowledge post, with its stemmed terms."""

    case = models.OneToOneField(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="search_document"
    )
    knowledge_post = models.OneToOneField(
        KnowledgePost, null=True, blank=True, on_delete=models.CASCADE, related_name="search_document"
    )
    title = models.CharField(max_length=300)
    body = models.TextField()
    language = models.CharField(max_length=2)
    is_public = models.BooleanField(default=False, db_index=True)
    # The case's SDGs as " 3 11 ", so one text match filters them on SQLite and PostgreSQL alike.
    sdgs = models.CharField(max_length=80, blank=True, default="")
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    def __str__(self):
        return self.title

    @property
    def kind(self) -> str:
        return "case" if self.case_id else "knowledge_post"


class Posting(models.Model):
    """One stemmed term of one document, with its weight (an inverted index in any database)."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="postings")
    term = models.CharField(max_length=64)
    weight = models.FloatField()

    class Meta:
        indexes = [
            models.Index(fields=["term", "-weight"], name="posting_term_weight"),  # a term's best documents
            models.Index(fields=["document", "term"], name="posting_document_term"),  # scoring candidates
        ]

    def __str__(self):
        return f"{self.term} ({self.weight})"
