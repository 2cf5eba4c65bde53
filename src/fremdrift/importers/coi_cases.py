"""Parser for the COI/COK case collection "Læs Stjæl Fortæl" (the 2019 innovation prizes).

The booklet opens with a table of contents that groups the cases by prize and by whether they
were nominated or only submitted; in the body, a capitalised banner opens each group. A long case
(NYT SAMMEN BEDRE-prisen) is: a pull quote, the title (sometimes with a subtitle), the header
lines INDSTILLER / MÅLGRUPPE / ÅRSTAL, a lead, fixed headed sections (challenge, solution, key
elements, resources, partners, five value dimensions, sharing, three capacities) and a contact
block. A short case (Hverdagsinnovationsprisen) is: title, organisation in capitals, a few
paragraphs, "what you need to know to reuse it" and a contact block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cleanup import (
    clean,
    is_bullet,
    join_items,
    paragraphs,
    slugify,
    squash,
    strip_bullet,
    strip_emphasis,
)
from .records import Case, Contact, Quote

NAMESPACE = "coi2019"
SOURCE = "COI/COK: Læs Stjæl Fortæl – casesamling 2019"
LANGUAGE = "da"

# Section headings, exactly as the booklet writes them, and the Case field each one fills.
_SECTIONS = {
    "Fra udfordring": "challenge",
    "Til løsning": "solution",
    "De vigtigste elementer i innovationen": "key_elements",
    "Hvilke ressourcer er der brugt på innovationen?": "resources",
    "Hvem har samarbejdet om innovationen?": "partners",
    "POLITISKE MÅL": "value_political_goals",
    "HØJERE KVALITET": "value_quality",
    "ØGET EFFEKTIVITET": "value_efficiency",
    "STYRKET DEMOKRATI OG INDDRAGELSE": "value_democracy",
    "ØGET INNOVATIONSKAPACITET": "value_innovation_capacity",
    "Sådan er innovationen blevet delt": "shared",
    "SAMARBEJDSKAPACITET": "capacity_collaboration",
    "EVALUERINGSKAPACITET": "capacity_evaluation",
    "SPREDNINGSKAPACITET": "capacity_spread",
    "Hvad skal du vide, hvis du vil genbruge innovationen?": "reuse_notes",
}
_GROUP_HEADINGS = frozenset(
    {"Værdien, som innovationen har skabt", "Inspiration til samarbejde, evaluering og spredning"}
)
_CONTACT_HEADINGS = frozenset({"Hvis du vil genbruge løsningen, så kontakt:", "Hvem kan du kontakte?"})
_FIRST_SECTION = "Fra udfordring"

_BANNER = re.compile(r"^(NOMINERE\w*|INDSTILLINGER)\s+TIL\s+(.+)$")
_TOC_GROUP = re.compile(r"^(Nominerede|Indstillinger) til (.+?)\t\d+$")
_TOC_ENTRY = re.compile(r"^•\s*(.+?)\t\d+$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\d-])(?:\+45\s?)?\d{2}\s?\d{2}\s?\d{2}\s?\d{2}(?![\d-])")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"”]+", re.IGNORECASE)
_DOMAIN = re.compile(r"(?<![@\w.-])(?:[a-z0-9-]+\.)+(?:dk|com|org|net|eu|se|link|io)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_QUOTE_START = ('"', "”", "“", "„", "*")
_LIST_LEADS = frozenset({"men", "som", "der", "især", "fx", "herunder", "såsom", "dog"})

# Sector codes and the word stems that point to them. A case gets the sector whose stems occur
# most often at the start of words in its title (counted three times), target group (twice) and
# lead, challenge and solution (once); every sector scoring at least two is also a theme of the
# case, best first. No match gives "other".
SECTOR_KEYWORDS: dict[str, tuple[str, ...]] = {
    "elderly_care": (
        "ældre",
        "plejehjem",
        "plejecent",
        "demens",
        "hjemmepleje",
        "madservice",
        "hjælpemid",
        "pårørende",
        "visitation",
    ),
    "health": (
        "patient",
        "sygehus",
        "hospital",
        "sundhed",
        "kræft",
        "psykiat",
        "psykisk",
        "angst",
        "læge",
        "sygepleje",
        "infektion",
        "hygiejne",
        "diagnos",
        "mental",
        "rehabilit",
    ),
    "children_schools": (
        "børn",
        "skole",
        "elev",
        "daginstitution",
        "dagpleje",
        "udskoling",
        "læse",
        "sprogstimul",
        "uddannelse",
    ),
    "employment": (
        "ledig",
        "job",
        "beskæftig",
        "arbejdsmarked",
        "kontanthjælp",
        "integration",
        "flygtning",
        "iværksæt",
        "vækst",
        "arbejdsplads",
    ),
    "social": ("udsat", "handicap", "botilbud", "hjemløs", "misbrug", "ensom", "autisme"),
    "climate": ("klima", "co2", "regnvand", "skybrud", "affald", "renhold", "mobilitet", "trængsel"),
    "digital": (
        "digital",
        "data",
        "teknologi",
        "robot",
        "automatiser",
        "app",
        "sensor",
        "virtual",
        "platform",
        "smart",
    ),
    "culture_citizens": (
        "bibliotek",
        "borgerservice",
        "medborger",
        "kultur",
        "turis",
        "demokrati",
        "forening",
        "natteliv",
        "borgerdesign",
    ),
}


def parse(text: str) -> tuple[dict, list[str]]:
    lines = clean(text).split("\n")
    toc = _table_of_contents(lines)
    year_match = re.search(r"prisen\s+((?:19|20)\d\d)\b", "\n".join(lines[:40]))
    prize_year = int(year_match.group(1)) if year_match else None
    cases, warnings = _CaseReader(paragraphs("\n".join(lines)), toc, prize_year).read()
    return {"cases": tuple(cases)}, warnings


def infer_sector(*weighted: tuple[str, int]) -> tuple[str, tuple[str, ...]]:
    """Return (sector, themes) for texts given with their weights; see SECTOR_KEYWORDS."""
    scores = dict.fromkeys(SECTOR_KEYWORDS, 0)
    for text, weight in weighted:
        for word in re.findall(r"\w[\w-]*", text.lower()):
            for sector, stems in SECTOR_KEYWORDS.items():
                if word.startswith(stems):
                    scores[sector] += weight
    ranked = sorted((s for s in scores if scores[s]), key=lambda s: -scores[s])
    if not ranked:
        return "other", ()
    return ranked[0], tuple(s for s in ranked if scores[s] >= 2)


def _prize_code(name: str) -> str:
    squashed = re.sub(r"[\s-]", "", name).upper()
    if "NYTSAMMENBEDRE" in squashed:
        return "nyt-sammen-bedre"
    if "HVERDAGSINNOVATION" in squashed:
        return "hverdagsinnovation"
    return slugify(name)


def _table_of_contents(lines: Sequence[str]) -> list[tuple[str, str, str, list[str]]]:
    """[(prize code, prize name, nomination, [titles])] in booklet order."""
    groups: list[tuple[str, str, str, list[str]]] = []
    for line in lines:
        if group := _TOC_GROUP.match(line):
            nomination = "nominated" if group.group(1) == "Nominerede" else "submitted"
            groups.append((_prize_code(group.group(2)), group.group(2), nomination, []))
        elif (entry := _TOC_ENTRY.match(line)) and groups:
            groups[-1][3].append(entry.group(1).strip())
    return groups


def _is_caps(item: str) -> bool:
    letters = [c for c in item if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _is_quote(item: str) -> bool:
    return item.lstrip().startswith(_QUOTE_START)


def _is_attribution(item: str) -> bool:
    text = strip_emphasis(item)
    if len(text) > 160 or not text:
        return False
    if text[0] in "-–":
        return True
    name = text.split(",", 1)[0]
    return "," in text and not text.endswith(".") and text[0].isupper() and len(name.split()) <= 4


def _names_speaker(item: str) -> bool:
    """A dash line of the form "- Kristian, Udvikler, ..." that names who said something."""
    text = strip_emphasis(item)
    if not text.startswith(("- ", "– ")) or "," not in text or text.endswith("."):
        return False
    name = text[2:].split(",", 1)[0].split()
    return len(name) <= 3 and name[0][0].isupper()


def _unquote(item: str) -> str:
    return strip_emphasis(item).strip(" \"”“„'’")


def _split_list(text: str, *, split_single_og: bool) -> tuple[str, ...]:
    """Split "A, B og C" into its parts; without commas, optionally split once at " og "."""
    text = squash(text)
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) > 1:
        if any(p.split()[0].lower() in _LIST_LEADS for p in parts[1:]):
            return (text,)
        last = re.split(r"(?<!-) og ", parts[-1], maxsplit=1)
        return tuple(parts[:-1] + [p.strip() for p in last if p.strip()])
    if split_single_og:
        return tuple(p.strip() for p in re.split(r"(?<!-) og ", text, maxsplit=1) if p.strip())
    return (text,)


def _links(texts: Sequence[str]) -> tuple[str, ...]:
    found: dict[str, str] = {}
    for text in texts:
        without_mail = _EMAIL.sub(" ", text)
        for match in _URL.findall(without_mail) + _DOMAIN.findall(_URL.sub(" ", without_mail)):
            link = match.rstrip(".,;:)/")
            found.setdefault(link.lower(), link)
    return tuple(found.values())


def _split_contact_line(line: str) -> tuple[str, str, str]:
    """ "Name, role[, more role], Organisation" -> (name, role, organisation)."""
    parts = [p.strip() for p in line.split(",") if p.strip()]
    name, rest = parts[0], parts[1:]
    if len(rest) >= 2 and rest[-1][0].isupper():
        return name, ", ".join(rest[:-1]), rest[-1]
    return name, ", ".join(rest), ""


class _CaseReader:
    """Walks the paragraphs of the booklet from banner to banner and case to case."""

    def __init__(self, items: list[str], toc: list, prize_year: int | None) -> None:
        self.items = [strip_emphasis(i) if i.count("*") and not _is_quote(i) else i for i in items]
        self.toc = toc
        self.prize_year = prize_year
        self.warnings: list[str] = []
        self.cases: list[dict] = []

    # -- the walk ---------------------------------------------------------------------------------

    def read(self) -> tuple[list[Case], list[str]]:
        items, pos, group = self.items, 0, None
        while pos < len(items):
            if self._is_banner(items[pos]):
                group = self._group_for(_BANNER.match(squash(items[pos])))
                pos += 1
            elif group is None:
                pos += 1  # front matter
            elif (anchor := self._next_anchor(pos)) is None:
                break  # only the publishers' presentation follows the last case
            elif anchor[0] == "banner":
                pos = anchor[1]
            else:
                pos = self._read_case(pos, anchor, group)
        cases = self._finish()
        return cases, self.warnings + validate(cases)

    @staticmethod
    def _is_banner(item: str) -> bool:
        return bool(_BANNER.match(squash(item))) and _is_caps(item)

    def _group_for(self, banner: re.Match) -> dict:
        code = _prize_code(banner.group(2))
        nomination = "nominated" if banner.group(1).startswith("NOMINER") else "submitted"
        for toc_code, name, toc_nomination, titles in self.toc:
            if (toc_code, toc_nomination) == (code, nomination):
                return {"prize": code, "prize_name": name, "nomination": nomination, "toc": titles}
        self.warnings.append(f"banner {banner.group(0)!r} has no entry in the table of contents")
        return {"prize": code, "prize_name": banner.group(2), "nomination": nomination, "toc": []}

    def _next_anchor(self, pos: int) -> tuple[str, int] | None:
        """The next case start after ``pos`` (a long header, a short header or a case body that
        opens without its header), or the next banner."""
        items = self.items
        for i in range(pos, len(items)):
            if items[i].startswith("INDSTILLER:"):
                return "long", i
            if items[i] == _FIRST_SECTION:
                return "headless", i
            if self._is_banner(items[i]):
                return "banner", i
            if i > pos and _is_caps(items[i]) and items[i] not in _SECTIONS and not _is_caps(items[i - 1]):
                return "short", i
        return None

    def _read_case(self, pos: int, anchor: tuple[str, int], group: dict) -> int:
        form, at = anchor
        items = self.items
        case: dict = {"group": group, "sections": {}}
        if form == "long":
            title_at = at - 1
            if at - 2 >= pos and self._title_like(items[at - 2]) and self._title_like(items[at - 1]):
                title_at = at - 2
                case["subtitle"] = strip_bullet(items[at - 1]) if is_bullet(items[at - 1]) else items[at - 1]
            case["title"] = items[title_at]
            case["pull_quote"] = " ".join(_unquote(i) for i in items[pos:title_at])
            case["nominated_by"] = items[at].split(":", 1)[1].strip()
            i = at + 1
            while i < len(items) and items[i].startswith(("MÅLGRUPPE:", "ÅRSTAL:")):
                label, value = items[i].split(":", 1)
                case["target_group" if label == "MÅLGRUPPE" else "year_text"] = value.strip()
                i += 1
        elif form == "short":
            case["title"] = items[at - 1]
            case["pull_quote"] = " ".join(_unquote(i) for i in items[pos : at - 1])
            case["nominated_by"] = items[at]
            case["short_organisation"] = " ".join(w.capitalize() for w in items[at].split())
            i = at + 1
        else:
            case["pull_quote"] = " ".join(_unquote(i) for i in items[pos:at])
            i = at
        case["form"] = "short" if form == "short" else "long"
        case["headless"] = form == "headless"
        section = "lead"
        while i < len(items):
            item = items[i]
            if item in _CONTACT_HEADINGS:
                return self._read_contacts(i + 1, case)
            if item == _FIRST_SECTION and case["sections"].get("challenge") is not None:
                break  # the next case begins without a header
            if item.startswith("INDSTILLER:") or self._is_banner(item):
                break
            if item in _SECTIONS:
                section = _SECTIONS[item]
                case["sections"].setdefault(section, [])
            elif item not in _GROUP_HEADINGS and not item.startswith("Foto:"):
                case["sections"].setdefault(section, []).append(item)
            i += 1
        self.warnings.append(f"case {case.get('title', '?')!r}: no contact section found")
        self.cases.append(case)
        return i

    @staticmethod
    def _title_like(item: str) -> bool:
        return len(item) <= 90 and not _is_quote(item) and not item.rstrip("*").endswith(".")

    def _read_contacts(self, i: int, case: dict) -> int:
        items, contacts, pending = self.items, [], None
        links: list[str] = []

        def has_info(k: int) -> bool:
            return k < len(items) and bool(_EMAIL.search(items[k]) or _PHONE.search(items[k]))

        while i < len(items):
            item = items[i]
            emails = _EMAIL.findall(item)
            phones = _PHONE.findall(_EMAIL.sub(" ", item))
            if emails or phones:
                target = pending if pending is not None else (contacts[-1] if contacts else None)
                if target is None:
                    break
                target["emails"] += [e.rstrip(".") for e in emails]
                target["phones"] += [p.strip() for p in phones]
            elif _URL.search(item):
                links.append(item)
            elif pending is not None and not pending["emails"] and not pending["phones"]:
                pending["lines"].append(item)  # the name line wrapped onto the next line
            elif len(item) <= 200 and (has_info(i + 1) or has_info(i + 2)):
                if pending is not None:
                    contacts.append(pending)
                pending = {"lines": [item], "emails": [], "phones": []}
            else:
                break
            i += 1
        if pending is not None:
            contacts.append(pending)
        case["contacts"] = contacts
        case["contact_links"] = links
        self.cases.append(case)
        return i

    # -- building the records ---------------------------------------------------------------------

    def _finish(self) -> list[Case]:
        self._titles_from_toc()
        seen: set[str] = set()
        result = []
        for number, case in enumerate(self.cases, start=1):
            slug = slugify(case.get("title", "")) or f"case-{number}"
            if slug in seen:
                self.warnings.append(f"case {number}: title {case['title']!r} repeats an earlier one")
                slug = f"{slug}-{number}"
            seen.add(slug)
            result.append(self._build(number, (NAMESPACE, "case", slug), case))
        return result

    def _titles_from_toc(self) -> None:
        """A case printed without its header still has its entry in the table of contents,
        in the same position within its group."""
        by_group: dict[int, list[dict]] = {}
        for case in self.cases:
            by_group.setdefault(id(case["group"]), []).append(case)
        for cases in by_group.values():
            toc = cases[0]["group"]["toc"]
            for index, case in enumerate(cases):
                if not case["headless"]:
                    continue
                message = "case body without its header (title, INDSTILLER, MÅLGRUPPE, ÅRSTAL)"
                if len(toc) == len(cases):
                    case["title"] = toc[index]
                    message += f"; title {toc[index]!r} taken from the table of contents"
                self.warnings.append(f"{message}; nominator, target group and year unknown")

    def _build(self, number: int, key: tuple[str, ...], case: dict) -> Case:
        texts: dict[str, str] = {}
        lists: dict[str, tuple[str, ...]] = {"key_elements": (), "reuse_notes": ()}
        quotes: list[Quote] = []
        for field, items in case["sections"].items():
            kept = self._without_quotes(field, items, quotes)
            if field in lists:
                lists[field] = self._list_items(kept)
            else:
                texts[field] = join_items([strip_emphasis(k) for k in kept])
        group = case["group"]
        title = case.get("title", "")
        target_group = case.get("target_group", "")
        year_text = case.get("year_text", "")
        years = [int(y) for y in _YEAR.findall(year_text)]
        nominated_by = case.get("nominated_by", "")
        organisations = (
            (case["short_organisation"],)
            if "short_organisation" in case
            else _split_list(nominated_by, split_single_og=True)
            if nominated_by
            else ()
        )
        sector, themes = infer_sector(
            (title, 3),
            (target_group, 2),
            (" ".join(texts.get(f, "") for f in ("lead", "challenge", "solution")), 1),
        )
        contacts = tuple(
            Contact(
                key=(*key, "contact", slugify(name)),
                name=name,
                role=role,
                organisation=organisation,
                emails=tuple(c["emails"]),
                phones=tuple(c["phones"]),
            )
            for c in case.get("contacts", [])
            for name, role, organisation in [_split_contact_line(" ".join(c["lines"]))]
        )
        all_text = [case.get("pull_quote", "")] + list(texts.values()) + list(lists["key_elements"])
        all_text += list(lists["reuse_notes"]) + case.get("contact_links", [])
        return Case(
            key=key,
            number=number,
            title=title,
            subtitle=case.get("subtitle", ""),
            format=case["form"],
            pull_quote=case.get("pull_quote", ""),
            lead=texts.get("lead", ""),
            nominated_by=nominated_by,
            organisations=organisations,
            target_group=target_group,
            target_groups=_split_list(target_group, split_single_og=False) if target_group else (),
            year_text=year_text,
            year_from=min(years) if years else None,
            year_to=max(years) if years else None,
            challenge=texts.get("challenge", ""),
            solution=texts.get("solution", ""),
            key_elements=lists["key_elements"],
            resources=texts.get("resources", ""),
            partners=texts.get("partners", ""),
            value_political_goals=texts.get("value_political_goals"),
            value_quality=texts.get("value_quality"),
            value_efficiency=texts.get("value_efficiency"),
            value_democracy=texts.get("value_democracy"),
            value_innovation_capacity=texts.get("value_innovation_capacity"),
            shared=texts.get("shared", ""),
            capacity_collaboration=texts.get("capacity_collaboration"),
            capacity_evaluation=texts.get("capacity_evaluation"),
            capacity_spread=texts.get("capacity_spread"),
            reuse_notes=lists["reuse_notes"],
            contacts=contacts,
            quotes=tuple(quotes),
            links=_links(all_text),
            sector=sector,
            themes=themes,
            language=LANGUAGE,
            prize=group["prize"],
            prize_name=group["prize_name"],
            prize_year=self.prize_year,
            nomination=group["nomination"],
        )

    @staticmethod
    def _without_quotes(field: str, items: Sequence[str], quotes: list[Quote]) -> list[str]:
        """Move quoted testimonials (and the line naming who said them) out of the text."""
        kept: list[str] = []
        i = 0
        while i < len(items):
            if not _is_quote(items[i]):
                if _names_speaker(items[i]) and kept and not is_bullet(kept[-1]):
                    # The quote lost its quotation marks; only the line naming its speaker tells.
                    speaker = strip_emphasis(items[i]).lstrip("-– ")
                    quotes.append(Quote(section=field, text=_unquote(kept.pop()), attribution=speaker))
                else:
                    kept.append(items[i])
                i += 1
                continue
            attribution = ""
            if i + 1 < len(items) and _is_attribution(items[i + 1]):
                attribution = strip_emphasis(items[i + 1]).lstrip("-– ").strip()
            quotes.append(Quote(section=field, text=_unquote(items[i]), attribution=attribution))
            i += 2 if attribution else 1
        return kept

    @staticmethod
    def _list_items(items: Sequence[str]) -> tuple[str, ...]:
        """Bullets become items; numbered lines under a bullet stay with that bullet."""
        result: list[str] = []
        for item in items:
            text = strip_emphasis(item)
            if re.match(r"^\d{1,2}[.)]\s", text) and result and result[-1].endswith(":"):
                result[-1] += "\n" + text
            else:
                result.append(strip_bullet(text) if is_bullet(text) else text)
        return tuple(result)


def validate(cases: Sequence[Case]) -> list[str]:
    """Warnings about cases that miss fields their format should have."""
    warnings = []
    for case in cases:
        missing = [
            f
            for f in (
                ("challenge", "solution", "resources", "partners", "shared")
                if case.format == "long"
                else ("lead", "reuse_notes")
            )
            if not getattr(case, f)
        ]
        if not case.contacts:
            missing.append("contacts")
        if missing:
            warnings.append(f"case {case.number} {case.title!r}: empty {', '.join(missing)}")
    return warnings
