"""Parser for Aalborg Kommune's web page "Strategier for Senior og Omsorg".

The page holds several strategies one after the other. Each opens with a heading "Strategi for
..." or "...strategi", may have an introduction, a definition and the strategy statement (often
under a heading repeating the strategy's topic), and then its beacons (pejlemærker) with the
efforts (indsatser) under each. The page writes beacons in four ways, all recognised here:

* "Strategisk pejlemærke N: Title" (or the title on the next line), efforts as bullets;
* numbered headings "1: Vi udvikler faglig kvalitet" after text announcing the pejlemærker;
* plain headings each followed directly by bullets, right after the strategy statement;
* headings opening with "…" that complete a lead-in sentence ("Når vi arbejder med innovation:
  … tager vi afsæt i oplevede behov").

Everything else under a strategy is kept as titled sections. The innovation fund's facts are
read from the sentences that state them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cleanup import clean, is_bullet, join_items, number_word, paragraphs, slugify, squash, strip_bullet
from .records import Beacon, Effort, FundFacts, Section, Strategy

NAMESPACE = "aalborg-senior-omsorg"
SOURCE = "Aalborg Kommune: Strategier for Senior og Omsorg"
LANGUAGE = "da"
ORGANISATION = "Aalborg Kommune, Senior og Omsorg"

_STRATEGY = re.compile(r"^(?:Strategi for \S.*|\w+strategi)$")
_EXPLICIT_BEACON = re.compile(r"^Strategisk pejlemærke (\d+)(?::\s*(.+))?$")
_NUMBERED_BEACON = re.compile(r"^(\d)[:.]\s+([A-ZÆØÅ].*)$")
_EFFORTS_HEADING = re.compile(r"^Indsats(?:er)?:?$")


@dataclass
class _Block:
    items: list[str]

    @property
    def heading(self) -> str | None:
        """A one-line block without closing punctuation is a heading ("3. Vi samarbejder på
        tværs" too, though it looks like a list item)."""
        if len(self.items) != 1:
            return None
        text = self.items[0]
        if is_bullet(text) and not _NUMBERED_BEACON.match(text):
            return None
        if len(text) <= 110 and not re.search(r"[.,;:]$", text):
            return text
        return None

    @property
    def bullets(self) -> bool:
        return all(is_bullet(i) for i in self.items)


@dataclass
class _BeaconDraft:
    number: int
    title: str
    style: str
    description: list[str] = field(default_factory=list)
    efforts: list[str] = field(default_factory=list)


@dataclass
class _StrategyDraft:
    title: str
    intro: list[str] = field(default_factory=list)
    definition: list[str] = field(default_factory=list)
    statement: list[str] = field(default_factory=list)
    mission: str = ""
    beacons: list[_BeaconDraft] = field(default_factory=list)
    sections: list[tuple[str, list[str]]] = field(default_factory=list)


def parse(text: str) -> tuple[dict, list[str]]:
    cleaned = clean(text)
    blocks = [_Block(paragraphs(chunk)) for chunk in re.split(r"\n\s*\n", cleaned) if chunk.strip()]
    drafts = _read(blocks)
    warnings: list[str] = []
    strategies = []
    for draft in drafts:
        if not draft.beacons and not draft.statement and not draft.intro:
            warnings.append(f"strategy {draft.title!r} has no content on this page; left out")
            continue
        if not draft.beacons:
            warnings.append(f"strategy {draft.title!r}: no beacons found")
        strategies.append(_build(draft))
    return {"strategies": tuple(strategies), "fund": _fund(squash(cleaned))}, warnings


def _topic(title: str) -> set[str]:
    words = re.findall(r"\w+", title.lower().replace("strategi", " "))
    return {w[:8] for w in words if len(w) >= 5}


def _read(blocks: list[_Block]) -> list[_StrategyDraft]:
    strategies: list[_StrategyDraft] = []
    strategy: _StrategyDraft | None = None
    beacon: _BeaconDraft | None = None
    pejlemaerker_announced = False
    after_statement = False
    index = 0
    while index < len(blocks):
        block = blocks[index]
        heading = block.heading
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        index += 1
        if heading == "Kontakt":
            break  # the page's footer follows
        if heading and _STRATEGY.match(heading):
            if strategy and _topic(heading) & _topic(strategy.title) and not strategy.beacons:
                strategy.sections.append(("", []))  # marks where the statement starts
                after_statement = True
                continue
            strategy = _StrategyDraft(heading)
            strategies.append(strategy)
            beacon, pejlemaerker_announced, after_statement = None, False, False
            continue
        if strategy is None:
            continue
        if heading and (explicit := _EXPLICIT_BEACON.match(heading)):
            title = explicit.group(2) or ""
            if not title and following and len(following.items) == 1 and following.items[0].endswith(":"):
                title = following.items[0].rstrip(":")
                index += 1
            beacon = _BeaconDraft(int(explicit.group(1)), title, "explicit")
            strategy.beacons.append(beacon)
            continue
        if heading and pejlemaerker_announced and (numbered := _NUMBERED_BEACON.match(heading)):
            beacon = _BeaconDraft(int(numbered.group(1)), numbered.group(2), "numbered")
            strategy.beacons.append(beacon)
            continue
        if heading and heading.startswith(("…", "...")):
            beacon = _BeaconDraft(len(strategy.beacons) + 1, heading.lstrip("…. "), "lead-in")
            strategy.beacons.append(beacon)
            continue
        if heading and after_statement and following is not None and following.bullets:
            beacon = _BeaconDraft(len(strategy.beacons) + 1, heading, "listed")
            strategy.beacons.append(beacon)
            continue
        if len(block.items) == 1 and _EFFORTS_HEADING.match(block.items[0]):
            continue
        if any(re.search(r"pejlemærker\b", i.lower()) for i in block.items):
            pejlemaerker_announced = True  # "Der peges på 4 strategiske pejlemærker ..."
        if heading and beacon is not None and beacon.style != "explicit":
            beacon = None  # numbered, listed and lead-in beacons end at the next heading
            pejlemaerker_announced = False
            after_statement = False
        if beacon is not None:
            for item in block.items:
                (beacon.efforts if is_bullet(item) else beacon.description).append(item)
            continue
        _strategy_text(strategy, block, heading)
        if following is not None and block.items[-1].endswith(":") and not following.bullets:
            index += _lead_in(strategy, block.items[-1], following)
    return strategies


def _lead_in(strategy: _StrategyDraft, lead: str, following: _Block) -> int:
    """A sentence ending in a colon introduces the mission or the strategy statement."""
    text = " ".join(following.items)
    if lead.endswith(("mission:", "kerneopgave:")) and not strategy.mission:
        strategy.mission = text
        return 1
    if lead.endswith((" er:", " at:")) and not strategy.statement:
        strategy.statement.append(text)
        return 1
    return 0


def _strategy_text(strategy: _StrategyDraft, block: _Block, heading: str | None) -> None:
    """Text outside beacons. Before the beacons, the first heading's text, and text under an
    "Indledning" or "Definition" heading, is introduction (or definition, where it defines);
    the text after a heading repeating the strategy's topic is the statement. Every other
    heading opens a section."""
    if heading is not None:
        opening = not strategy.beacons and not strategy.sections and not strategy.intro
        if not strategy.beacons and (opening or heading.lower().startswith(("indledning", "definition"))):
            strategy.sections.append(("intro", []))
        else:
            strategy.sections.append((heading, []))
        return
    name, items = strategy.sections[-1] if strategy.sections else ("intro", strategy.intro)
    for item in block.items:
        if name == "intro" and re.search(r"\bdefiner", item):
            strategy.definition.append(item)
        elif name == "intro":
            strategy.intro.append(item)
        elif name == "":
            strategy.statement.append(item)
        else:
            items.append(item)


def _effort(text: str) -> tuple[str, str]:
    """A bullet "Title sentence. Description ..." -> (title, description)."""
    text = strip_bullet(text)
    first = re.match(r"^(.+?[.!?])\s+(?=[A-ZÆØÅ])(.+)$", text)
    if first:
        return first.group(1).rstrip("."), first.group(2)
    return text.rstrip("."), ""


def _build(draft: _StrategyDraft) -> Strategy:
    key = (NAMESPACE, "strategy", slugify(draft.title))
    if not draft.statement and draft.intro and draft.beacons:
        # Without a statement heading, the statement is the closing "Vi ..." sentence of the intro.
        if draft.intro[-1].startswith("Vi "):
            draft.statement.append(draft.intro.pop())
    beacons = []
    for beacon in draft.beacons:
        beacon_key = (*key, "beacon", str(beacon.number))
        efforts = []
        for position, text in enumerate(beacon.efforts, start=1):
            title, description = _effort(text)
            efforts.append(
                Effort(key=(*beacon_key, "effort", str(position)), title=title, description=description)
            )
        beacons.append(
            Beacon(
                key=beacon_key,
                number=beacon.number,
                title=beacon.title,
                description=join_items(beacon.description),
                efforts=tuple(efforts),
            )
        )
    sections = tuple(
        Section(heading=name, text=join_items(items))
        for name, items in draft.sections
        if name not in ("", "intro") and items
    )
    return Strategy(
        key=key,
        organisation=ORGANISATION,
        title=draft.title,
        intro=join_items(draft.intro),
        definition=join_items(draft.definition),
        statement=join_items(draft.statement),
        vision="",  # the page names a vision but does not state it
        mission=draft.mission,
        beacons=tuple(beacons),
        sections=sections,
    )


def _fund(text: str) -> FundFacts | None:
    name = re.search(r"\b(Innovationspuljen)\b", text)
    if not name:
        return None
    administrator = re.search(r"administreres af (\S[^,.]*?\([A-ZÆØÅ]+\))", text)
    decided_by = re.search(r"beslutning ved (\S[^,.]*?\([A-ZÆØÅ]+\))", text)
    limit = re.search(r"projekter under (\d[\d.]*) kr", text)
    rounds = re.search(r"(\w+) årlige ansøgningsrunder", text)
    months = re.search(r"ansøgningsfrister; i (\w+) og (\w+)", text)
    bottom_lines = re.search(r"vurderet på de \d bundlinjer: ([^.]+)\.", text)
    year = re.search(r"I (\d{4}) blev det bestemt", text)
    return FundFacts(
        key=(NAMESPACE, "fund", slugify(name.group(1))),
        name=name.group(1),
        administrator=administrator.group(1) if administrator else "",
        decided_by=decided_by.group(1) if decided_by else "",
        small_grant_limit_dkk=int(limit.group(1).replace(".", "")) if limit else None,
        rounds_per_year=number_word(rounds.group(1)) if rounds else None,
        deadline_months=months.groups() if months else (),
        bottom_lines=tuple(p.strip() for p in re.split(r",| og ", bottom_lines.group(1)) if p.strip())
        if bottom_lines
        else (),
        decided_year=int(year.group(1)) if year else None,
    )
