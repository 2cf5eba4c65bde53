"""Parser for Sundhedsstyrelsen's report on the pool "Styrket omsorg og nærvær i ældreplejen".

The text is OCR output of a PDF: letters are often misread ("naerveer", "ansegning") and pages
with two columns come out with the columns interleaved line by line. The wording is kept as
read; the parser only decides which fragment of a line belongs to which column. Where it has to
guess, it says so in a warning. Every page starts with a line indented by one space, which is how
the chapter headings of the seven themes are told apart from numbered lists in the running text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import pairwise

from .cleanup import clean, is_bullet, join_broken, number_word, paragraphs, squash, strip_bullet
from .records import Cluster, KnowledgePost, Pool, PoolProject, Theme

NAMESPACE = "sst-omsorg-naervaer"
SOURCE = "Sundhedsstyrelsen: puljen Styrket omsorg og nærvær i ældreplejen"
LANGUAGE = "da"

_THEME_HEADING = re.compile(r"^ (\d)[.\-] ?(\S.*)$")
_CLUSTER = re.compile(r"^Klynge (\d+)[.:]?\s+(.+)$")
# "Indsigter fra projekterne" as the OCR reads it, e.g. "|nd5i9tel‘ fra PI‘Ojektel‘l‘le".
_INSIGHTS = re.compile(r"[|Il1]\S{0,2}d\S{0,8}\s+fra\s+p\S*ekt\S*", re.IGNORECASE)
_ADVICE_HEADING = re.compile(r"\bGode\s+r[aå]d\b")
_LINE_BULLET = re.compile(r"^[«*+»•·]\s*|^\.\s+(?=[»«*+])")
_MID_BULLET = re.compile(r"\s[«*+»•]\s+(?=[A-ZÆØÅ])")
_ADVICE_NUMBER = re.compile(r"^(\d)\.\s?(?=[A-ZÆØÅ])")
_QUESTION_WORDS = frozenset({"hvad", "hvilke", "hvilken", "hvordan", "hvornar", "hvornår", "hvor", "hvorfor"})
_PROJECT_START = re.compile(r"(?:^|(?<=\s))(\d{1,2})[.,]\s+(?=[A-ZÆØÅa-zæøå@])")
_UNNUMBERED_START = re.compile(r"^[A-ZÆØÅ][\w-]+ [Kk]ommune:")
_PROJECT_URL = re.compile(r"https?://www\.sst\.dk/da/Omsorg-og-naervaer/\S+")


def parse(text: str) -> tuple[dict, list[str]]:
    lines = clean(text).split("\n")
    warnings: list[str] = []
    pool = _pool(lines)
    themes, posts = _themes(lines, warnings)
    clusters = _clusters(lines, themes, warnings)
    projects = _projects(lines, themes, clusters, warnings)
    return {
        "pool": pool,
        "themes": themes,
        "clusters": clusters,
        "projects": projects,
        "knowledge_posts": posts,
    }, warnings


# --- fuzzy comparison of OCR text ------------------------------------------------------------------


def _fold(text: str) -> str:
    """Lower-case letters only, with æ/ø/å spelt out, so OCR variants compare closely."""
    text = text.lower()
    for src, dst in (("æ", "ae"), ("ø", "o"), ("å", "a"), ("é", "e")):
        text = text.replace(src, dst)
    return re.sub(r"[^a-z ]+", "", text)


def _alike(a: str, b: str) -> bool:
    return SequenceMatcher(None, a, b).ratio() >= 0.8


def _coverage(part: str, whole: str) -> float:
    """The share of the words of ``part`` (3+ letters) that occur, allowing OCR errors, in
    ``whole``."""
    words = [w for w in _fold(part).split() if len(w) >= 3]
    others = _fold(whole).split()
    if not words:
        return 0.0
    return sum(any(_alike(w, o) for o in others) for w in words) / len(words)


def _place_likeness(a: str, b: str) -> float:
    """How alike two OCR-read municipality names are, judged by their first words."""
    first_a, first_b = (_fold(x.replace("-", " ")).split()[0] for x in (a, b))
    return SequenceMatcher(None, first_a, first_b).ratio()


def _same_place(a: str, b: str) -> bool:
    return _place_likeness(a, b) >= 0.8


# --- the pool --------------------------------------------------------------------------------------


def _millions(number: str) -> int:
    """Kroner from "245", "122,5" or "fem" millions."""
    value = number_word(number) or float(number.replace(".", "").replace(",", "."))
    return round(value * 1_000_000)


def _pool(lines: list[str]) -> Pool:
    text = squash(" ".join(lines[:80]))
    name = re.search(r"Om puljen (.+?)(?:\s{2,}|$)", lines[0])
    total = re.search(r"i alt (\d[\d.,]*) mio\. kr\.", text)
    yearly = re.search(r"(\d[\d.,]*) mio\. kr\. \S*rligt som", text)
    minimum = re.search(r"minimum (\w+) mio", text)
    rounds = re.search(r"i (\w+) \w+runde", text)
    years = re.search(r"\b(20\d\d) og (20\d\d)\b", text)
    ends = re.search(r"afsluttes (.+?)\.", text)
    owner = re.search(r"\b(Sundhedsstyrelsen)\b", text)
    return Pool(
        key=(NAMESPACE, "pool"),
        name=name.group(1).strip() if name else "",
        owner=owner.group(1) if owner else "",
        total_amount_dkk=_millions(total.group(1)) if total else None,
        yearly_amount_dkk=_millions(yearly.group(1)) if yearly else None,
        minimum_grant_dkk=_millions(minimum.group(1)) if minimum else None,
        rounds=number_word(rounds.group(1)) if rounds else None,
        years=tuple(int(y) for y in years.groups()) if years else (),
        ends=ends.group(1) if ends else "",
    )


# --- themes and their knowledge posts -------------------------------------------------------------


@dataclass
class _Post:
    kind: str
    title: str = ""
    text: str = ""

    def add(self, fragment: str) -> None:
        self.text = join_broken(self.text, fragment) if self.text else fragment.strip()

    @property
    def open(self) -> bool:
        return not re.search(r"[.?!]$", self.text)


@dataclass
class _ThemePage:
    number: int
    title: str
    intro: list[str] = field(default_factory=list)
    posts: list[_Post] = field(default_factory=list)
    interleaved: bool = False

    def last(self, kind: str) -> _Post | None:
        return next((p for p in reversed(self.posts) if p.kind == kind), None)


def _theme_blocks(lines: list[str]) -> list[tuple[int, str, list[str]]]:
    """[(number, title, body lines)]: the chapter of each theme runs to the next page opening
    with a new number or with a new chapter's introduction."""
    starts: list[tuple[int, int, str]] = []
    end = len(lines)
    for index, line in enumerate(lines):
        heading = _THEME_HEADING.match(line)
        if heading and int(heading.group(1)) == len(starts) + 1:
            starts.append((index, int(heading.group(1)), heading.group(2)))
        elif starts and line.startswith((" |", " 1.")) and index > starts[-1][0]:
            end = index
            break
    blocks = []
    for position, (index, number, title) in enumerate(starts):
        stop = starts[position + 1][0] if position + 1 < len(starts) else end
        body = lines[index + 1 : stop]
        # The heading wraps onto the next line(s), or continues after a blank as "- subtitle".
        while body and body[0].strip() and not _INSIGHTS.search(body[0]):
            title = join_broken(title, body.pop(0))
        rest = [line for line in body if line.strip()]
        if rest and rest[0].startswith("- "):
            title = f"{title} {rest[0].strip()}"
            body.remove(rest[0])
        blocks.append((number, squash(title), body))
    return blocks


def _themes(lines: list[str], warnings: list[str]) -> tuple[tuple[Theme, ...], tuple[KnowledgePost, ...]]:
    themes, posts = [], []
    for number, title, body in _theme_blocks(lines):
        page = _ThemePage(number, title)
        _read_theme_page(page, body)
        if page.interleaved:
            warnings.append(
                f"theme {number}: two-column OCR page; insights, questions and advice were "
                "separated line by line and may be incomplete or mixed"
            )
        themes.append(
            Theme(
                key=(NAMESPACE, "theme", str(number)),
                number=number,
                title=title,
                intro=squash(" ".join(page.intro)),
            )
        )
        counters: dict[str, int] = {}
        for post in page.posts:
            text = squash(post.text)
            if len(re.sub(r"[^A-Za-zÆØÅæøå]", "", text + post.title)) < 8:
                continue  # OCR debris
            counters[post.kind] = counters.get(post.kind, 0) + 1
            posts.append(
                KnowledgePost(
                    key=(NAMESPACE, "theme", str(number), post.kind, str(counters[post.kind])),
                    kind=post.kind,
                    theme_number=number,
                    title=squash(post.title),
                    text=text,
                )
            )
    if len(themes) != 7:
        warnings.append(f"expected 7 themes, found {len(themes)}")
    return tuple(themes), tuple(posts)


def _read_theme_page(page: _ThemePage, body: list[str]) -> None:
    """Route every line (or part of a line) of a theme chapter to the intro, an insight, a
    question or a piece of advice."""
    zone = "intro"
    paragraph_start = True
    for raw in body:
        line = raw.strip()
        if not line:
            paragraph_start = True
            continue
        if len(re.sub(r"[^A-Za-zÆØÅæøå]", "", line)) < 3:
            continue  # OCR debris such as "\ |" or ". . . -"
        insights = _INSIGHTS.search(line)
        if insights:
            if insights.start() > 0:
                page.interleaved = True
                page.intro.append(line[: insights.start()])
            zone = "insight-mixed" if insights.start() > 0 else "insight"
        elif line.startswith("Overvej") and _ADVICE_HEADING.search(line):
            zone, page.interleaved = "questions+advice", True
        elif line.startswith("Overvej"):
            zone = "question"
        elif _ADVICE_HEADING.match(line):
            zone = "advice"
        elif zone == "intro":
            page.intro.append(line)
        elif zone == "insight-mixed":
            _insight_or_intro(page, line)
        elif zone in ("insight", "question"):
            _bulleted(page, zone, line)
        elif zone == "advice":
            _add_advice(page, line, title_line=paragraph_start)
        else:
            _question_and_advice(page, line)
        paragraph_start = False


def _bulleted(page: _ThemePage, kind: str, line: str) -> None:
    """A bullet or a capital opens a new item; a lower-case line continues the last one."""
    bullet = _LINE_BULLET.match(line)
    text = line[bullet.end() :] if bullet else line
    last = page.last(kind)
    if bullet or last is None or (text[0].isupper() and not last.open):
        page.posts.append(_Post(kind))
    page.last(kind).add(text)


def _insight_or_intro(page: _ThemePage, line: str) -> None:
    """Intro text on the left, insight bullets on the right of the same page."""
    if _LINE_BULLET.match(line):
        _bulleted(page, "insight", line)
        return
    split = _MID_BULLET.search(line)
    if split:
        page.intro.append(line[: split.start()])
        _bulleted(page, "insight", line[split.start() :].strip())
        return
    last = page.last("insight")
    if last is not None and last.open and line[0].islower():
        last.add(line)
    else:
        page.intro.append(line)


def _add_advice(page: _ThemePage, text: str, *, title_line: bool = False) -> None:
    """Advice is "N. Title" followed by text; on a page without numbers, an unpunctuated line
    opening a paragraph is a title too (``title_line``)."""
    number = _ADVICE_NUMBER.match(text)
    last = page.last("advice")
    if number:
        page.posts.append(_Post("advice", title=text[number.end() :]))
    elif title_line and not re.search(r"[.?!,:]$", text) and (last is None or last.text):
        page.posts.append(_Post("advice", title=text))
    elif last is None:
        page.posts.append(_Post("advice", text=text))
    else:
        last.add(text)


def _question_and_advice(page: _ThemePage, line: str) -> None:
    """Questions (left column, bulleted, ending in "?") interleaved with numbered advice (right)."""
    question = page.last("question")
    still_open = question is not None and question.open
    bullet = _LINE_BULLET.match(line)
    rest = line[bullet.end() :] if bullet else line
    # The OCR sometimes drops the bullet; a question word opening the line shows it.
    opens = bool(bullet) or (not still_open and rest.split()[0].lower() in _QUESTION_WORDS)
    if opens or still_open:
        end = rest.find("?") + 1
        if not end:
            # Without a question mark the right column starts at an advice number or at a
            # capitalised word that follows a lower-case one.
            split = re.search(r"\s(?=\d\.\s?[A-ZÆØÅ])", rest) or re.search(
                r"(?<=[a-zæøå,|]) (?=[A-ZÆØÅ][a-zæøå])", rest
            )
            end = split.start() if split else len(rest)
        if opens:
            page.posts.append(_Post("question"))
        page.last("question").add(rest[:end])
        rest = rest[end:].strip()
    if rest:
        _add_advice(page, rest)


# --- clusters ----------------------------------------------------------------------------------


def _clusters(lines: list[str], themes: tuple[Theme, ...], warnings: list[str]) -> tuple[Cluster, ...]:
    """The five cluster networks; a cluster covers the themes its name is made of."""
    clusters = []
    for item in paragraphs("\n".join(lines)):
        match = _CLUSTER.match(strip_bullet(item) if is_bullet(item) else item)
        if not match:
            continue
        number, title = int(match.group(1)), match.group(2).strip()
        theme_numbers = tuple(t.number for t in themes if _coverage(t.title, title) >= 0.75)
        if not theme_numbers:
            warnings.append(f"cluster {number}: no theme matches its name")
        clusters.append(
            Cluster(
                key=(NAMESPACE, "cluster", str(number)),
                number=number,
                title=title,
                theme_numbers=theme_numbers,
            )
        )
    if len(clusters) != 5:
        warnings.append(f"expected 5 clusters, found {len(clusters)}")
    return tuple(clusters)


# --- projects ------------------------------------------------------------------------------------


@dataclass
class _Entry:
    number: int
    text: str

    @property
    def header_done(self) -> bool:
        return ":" in self.text


def _projects(lines: list[str], themes, clusters, warnings: list[str]) -> tuple[PoolProject, ...]:
    start = next((i for i, line in enumerate(lines) if line.strip() == "Projekter i puljen"), None)
    if start is None:
        warnings.append("project list not found")
        return ()
    urls_at = next((i for i in range(start, len(lines)) if _PROJECT_URL.search(lines[i])), len(lines))
    entries = _project_entries(lines[start + 1 : urls_at], warnings)
    urls = [m.group(0) for line in lines[urls_at:] if (m := _PROJECT_URL.search(line))]
    theme_of = _project_themes(lines, entries, themes, warnings)
    projects = []
    for entry in sorted(entries, key=lambda e: e.number):
        municipality, _, title = entry.text.partition(":")
        url = urls[entry.number - 1] if entry.number <= len(urls) else ""
        if url and not _same_place(url.rsplit("/", 1)[1].replace("-", " "), municipality):
            warnings.append(f"project {entry.number}: link {url} names another municipality")
            url = ""
        theme_number = theme_of.get(entry.number)
        cluster = next((c.number for c in clusters if theme_number in c.theme_numbers), None)
        projects.append(
            PoolProject(
                key=(NAMESPACE, "project", str(entry.number)),
                number=entry.number,
                municipality=squash(municipality),
                title=squash(title),
                theme_number=theme_number,
                cluster_number=cluster,
                url=url,
            )
        )
    if len(projects) != 30:
        warnings.append(f"expected 30 projects, found {len(projects)}")
    return tuple(projects)


def _project_entries(lines: list[str], warnings: list[str]) -> list[_Entry]:
    """Read the two-column list "N. Kommune: Title". An entry that starts after another one on
    the same line is in the right column; lines without an entry number continue the entries
    of the line before."""
    rows: list[list[tuple[int, str]]] = []  # per line: [(position, text)] split at entry starts
    for line in lines:
        line = line.strip()
        if not line:
            continue
        cuts = [m.start(1) for m in _PROJECT_START.finditer(line) if 1 <= int(m.group(1)) <= 40]
        if _UNNUMBERED_START.match(line) and 0 not in cuts:
            cuts.insert(0, 0)
        bounds = ([0] if cuts[:1] != [0] else []) + cuts + [len(line)]
        rows.append([(a, line[a:b].strip()) for a, b in pairwise(bounds) if line[a:b].strip()])
    right_from = min(
        (
            int(_PROJECT_START.match(text).group(1))
            for row in rows
            for pos, text in row
            if pos > 0 and _PROJECT_START.match(text)
        ),
        default=10**6,
    )
    entries: dict[int, _Entry] = {}
    current = {"left": None, "right": None}
    previous_columns: tuple[str, ...] = ()
    for row in rows:
        columns: list[str] = []
        for position, text in row:
            numbered = _PROJECT_START.match(text)
            if numbered or _UNNUMBERED_START.match(text):
                if numbered:
                    number, text = int(numbered.group(1)), text[numbered.end() :]
                else:
                    last_left = current["left"].number if current["left"] else 0
                    number = last_left + 1
                column = "right" if number >= right_from else "left"
                entries[number] = current[column] = _Entry(number, text)
                columns.append(column)
            elif position > 0 or len(row) > 1:
                # Text before an entry that starts mid-line ends the left column's entry.
                if current["left"]:
                    current["left"].text = join_broken(current["left"].text, text)
                columns.append("left")
            else:
                _continue_entries(text, previous_columns, current, warnings)
                columns.extend(previous_columns)
        previous_columns = tuple(dict.fromkeys(columns))
    return list(entries.values())


def _continue_entries(text: str, columns: tuple[str, ...], current: dict, warnings: list[str]) -> None:
    """A line without an entry start continues the column(s) of the line before it."""
    left, right = current["left"], current["right"]
    if len(columns) == 1 and current[columns[0]]:
        current[columns[0]].text = join_broken(current[columns[0]].text, text)
        return
    split = None
    if right is not None and not right.header_done:
        # The right entry still lacks "Kommune:"; the run of capitalised words ending in it
        # belongs to the right column.
        match = re.search(r"(?:[A-ZÆØÅ][\w-]*\s)*[Kk]ommune:", text)
        split = match.start() if match else None
    elif left is not None:
        # A title naming its own municipality ends there: "... i Jammerbugt Kommune".
        place = re.escape(left.text.split()[0])
        match = re.search(rf"\b{place} [Kk]ommune\b(?=\s+\S)", text)
        split = match.end() if match else None
    if split is not None and left is not None and right is not None:
        left.text = join_broken(left.text, text[:split])
        right.text = join_broken(right.text, text[split:])
    elif left is not None:
        left.text = join_broken(left.text, text)
        warnings.append(
            f"project list: line {text[:40]!r}... could belong to either column; "
            f"read as part of project {left.number}"
        )


def _project_themes(lines, entries: list[_Entry], themes, warnings: list[str]) -> dict[int, int]:
    """Theme of each project from the pages "Temaopdeling af projekterne", which list the
    municipalities under each theme. A municipality with several projects is matched to its
    themes by the words the project titles share with the theme names."""
    slots: list[tuple[int, str]] = []  # (theme number, municipality)
    for name, places in _theme_lists(lines):
        theme = max(themes, key=lambda t: _coverage(name, t.title), default=None)
        if theme is None or _coverage(name, theme.title) < 0.5:
            warnings.append(f"theme list {name!r} matches no theme")
            continue
        slots += [(theme.number, place) for place in places]
    titles = {t.number: t.title for t in themes}
    result: dict[int, int] = {}
    shared: dict[tuple[int, ...], list[_Entry]] = {}
    for entry in entries:
        place = entry.text.split(":")[0]
        likeness = [(_place_likeness(p, place), t) for t, p in slots]
        best = max((score for score, _ in likeness), default=0.0)
        # OCR reads the same name in several ways; a clearly closer name is a different place.
        candidates = tuple(t for score, t in likeness if score >= max(best - 0.1, 0.8))
        if len(candidates) == 1:
            result[entry.number] = candidates[0]
        elif candidates:
            shared.setdefault(candidates, []).append(entry)
        else:
            warnings.append(f"project {entry.number}: its municipality is in no theme list")
    for candidates, group in shared.items():
        free = list(candidates)
        ranked = sorted(
            ((_coverage(e.text.split(":", 1)[-1], titles[t]), e.number, t) for e in group for t in free),
            reverse=True,
        )
        for score, number, theme in ranked:
            if number in result or theme not in free:
                continue
            result[number] = theme
            free.remove(theme)
            if score == 0:
                warnings.append(f"project {number}: theme {theme} assigned by elimination")
    return result


def _theme_lists(lines: list[str]) -> list[tuple[str, list[str]]]:
    """[(theme name as printed, [municipality, ...])]: names and municipalities alternate, and a
    municipality may be broken as "Frederiksberg" / "Kommune"."""
    groups: list[tuple[str, list[str]]] = []
    name_parts: list[str] = []
    inside = False
    for raw in lines:
        line = raw.strip()
        if line.startswith("Temaopdeling af projekterne"):
            inside = True
        elif line.startswith("Puljens "):
            inside = False
        elif inside and line:
            if re.fullmatch(r"[Kk]ommune", line) and name_parts:
                line = f"{name_parts.pop()} {line}"
            if re.search(r"\b[Kk]ommune$", line):
                if name_parts:
                    groups.append((squash(" ".join(name_parts)), []))
                    name_parts = []
                if groups:
                    groups[-1][1].append(line)
            else:
                name_parts.append(line)
    return groups
