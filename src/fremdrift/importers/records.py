"""Plain, immutable records produced by the document parsers.

Every record is a frozen dataclass holding only str, int, None and tuples, so parse results
compare by value and can be hashed. Each record has a ``key``: a tuple of short strings that
stays the same when the same document is parsed again, so an importer can update the existing
row instead of adding a duplicate. Keys start with the document's namespace (``"coi2019"``,
``"sst-omsorg-naervaer"``, ...) followed by the record type and a number or slug.

Text fields hold cleaned text: paragraphs separated by a blank line, list items by a newline.
An empty string means "the document has nothing here"; ``None`` is used where the distinction
between "absent" and "empty" matters (the value dimensions of a case).
"""

from __future__ import annotations

from dataclasses import dataclass

Key = tuple[str, ...]


# --- COI/COK case collection ("Læs Stjæl Fortæl") -----------------------------------------------


@dataclass(frozen=True)
class Contact:
    """A person to contact about reusing a case. Personal data: kept apart from all case text."""

    key: Key
    name: str
    role: str
    organisation: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]

    @property
    def email(self) -> str:
        return self.emails[0] if self.emails else ""

    @property
    def phone(self) -> str:
        return self.phones[0] if self.phones else ""


@dataclass(frozen=True)
class Quote:
    """A testimonial quoted in a case; ``section`` names the case field it appeared in."""

    section: str
    text: str
    attribution: str


@dataclass(frozen=True)
class Case:
    """One case of the collection. Short (everyday-innovation) cases leave the long-only
    fields empty and put their whole description in ``lead``."""

    key: Key
    number: int  # position in the booklet, 1-based
    title: str
    subtitle: str
    format: str  # "long" or "short"
    pull_quote: str
    lead: str
    nominated_by: str  # as written ("INDSTILLER: ..." or the organisation line of a short case)
    organisations: tuple[str, ...]
    target_group: str
    target_groups: tuple[str, ...]
    year_text: str
    year_from: int | None
    year_to: int | None
    challenge: str
    solution: str
    key_elements: tuple[str, ...]
    resources: str
    partners: str
    # Value created; None means the case does not address the dimension.
    value_political_goals: str | None
    value_quality: str | None
    value_efficiency: str | None
    value_democracy: str | None
    value_innovation_capacity: str | None
    shared: str
    capacity_collaboration: str | None
    capacity_evaluation: str | None
    capacity_spread: str | None
    reuse_notes: tuple[str, ...]
    contacts: tuple[Contact, ...]
    quotes: tuple[Quote, ...]
    links: tuple[str, ...]
    sector: str
    themes: tuple[str, ...]
    language: str
    prize: str  # code: "nyt-sammen-bedre" or "hverdagsinnovation"
    prize_name: str  # as written in the table of contents
    prize_year: int | None
    nomination: str  # "nominated" or "submitted" (no winners are named in this document)


# --- Sundhedsstyrelsen national pool ---------------------------------------------------------------


@dataclass(frozen=True)
class Pool:
    key: Key
    name: str
    owner: str
    total_amount_dkk: int | None
    yearly_amount_dkk: int | None
    minimum_grant_dkk: int | None
    rounds: int | None
    years: tuple[int, ...]
    ends: str


@dataclass(frozen=True)
class Theme:
    key: Key
    number: int
    title: str
    intro: str


@dataclass(frozen=True)
class Cluster:
    key: Key
    number: int
    title: str
    theme_numbers: tuple[int, ...]


@dataclass(frozen=True)
class PoolProject:
    key: Key
    number: int
    municipality: str
    title: str
    theme_number: int | None
    cluster_number: int | None
    url: str


@dataclass(frozen=True)
class KnowledgePost:
    """An insight, a question to consider or a piece of advice from a theme's chapter."""

    key: Key
    kind: str  # "insight", "question" or "advice"
    theme_number: int
    title: str  # advice items have one; insights and questions do not
    text: str


# --- DIALOGEN (Jönköping) --------------------------------------------------------------------------


@dataclass(frozen=True)
class Chapter:
    key: Key
    number: int
    title: str
    summary: str


@dataclass(frozen=True)
class Initiative:
    key: Key
    number: int
    chapter_number: int
    chapter_title: str
    title: str
    text: str


# --- Strategies, beacons, efforts and action plans (Aalborg, Hedensted) ---------------------------


@dataclass(frozen=True)
class Effort:
    key: Key
    title: str
    description: str


@dataclass(frozen=True)
class Beacon:
    key: Key
    number: int
    title: str
    description: str
    efforts: tuple[Effort, ...]


@dataclass(frozen=True)
class Section:
    """A titled part of a strategy that is not a beacon (background, models, roles ...)."""

    heading: str
    text: str


@dataclass(frozen=True)
class Strategy:
    key: Key
    organisation: str
    title: str
    intro: str
    definition: str
    statement: str  # the strategy itself, usually one or two sentences
    vision: str
    mission: str
    beacons: tuple[Beacon, ...]
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class FundFacts:
    """What the Aalborg page states about its innovation fund; None where it says nothing."""

    key: Key
    name: str
    administrator: str
    decided_by: str
    small_grant_limit_dkk: int | None
    rounds_per_year: int | None
    deadline_months: tuple[str, ...]
    bottom_lines: tuple[str, ...]
    decided_year: int | None


@dataclass(frozen=True)
class ActionPlanRow:
    """One row of an implementation-plan table; cells are kept as written."""

    key: Key
    section: str  # the team or area the table belongs to
    row_number: int  # 1-based within its section
    beacon_key: Key | None  # the strategy beacon (focus area) the row belongs to
    focus_area: str
    effort: str
    goal: str
    effect: str
    financing: str
    time_frame: str
    status: str


# --- The result of parsing one document ------------------------------------------------------------


@dataclass(frozen=True)
class ParsedDocument:
    kind: str  # "coi_cases", "national_pool", "dialogen", "aalborg_strategies", "hedensted_plan"
    source: str  # a short human name of the document
    language: str
    cases: tuple[Case, ...] = ()
    pool: Pool | None = None
    themes: tuple[Theme, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    projects: tuple[PoolProject, ...] = ()
    knowledge_posts: tuple[KnowledgePost, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    strategies: tuple[Strategy, ...] = ()
    fund: FundFacts | None = None
    action_plan_rows: tuple[ActionPlanRow, ...] = ()
    warnings: tuple[str, ...] = ()
