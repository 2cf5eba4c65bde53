"""Parser for "100 initiativ från DIALOGEN" (Jönköpings kommun, socialtjänsten), in Swedish.

The source is the transcript of a PDF viewer: one line per page, opening with the page number,
with the chapter's running header ("5. STÄNDIGA FÖRBÄTTRINGAR"), a running footer and the word
"INITIATIV" mixed into the text. After the transcript the page lists teasers of other documents;
they are not initiatives. A chapter opens with a page "Kapitel N <title> <summary>".

Each initiative is a heading followed by running text, and its number (1 to 100) was printed
in the margin beside the first line of the text, so the transcript puts the number right after
that line: "<title> <first line> 19 <rest of text>". The numbers are found in order; the title
is then the words between the previous sentence end and a capitalised word that starts the
text, preferring the split whose first line has the usual printed line length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cleanup import clean, join_hyphenation, squash
from .records import Chapter, Initiative

NAMESPACE = "dialogen"
SOURCE = "Jönköpings kommun: 100 initiativ från DIALOGEN"
LANGUAGE = "sv"

_PAGE = re.compile(r"^(\d{1,3}) (.*)$")
_FOOTER = re.compile(
    r"\s*en långsiktig strategi för att utveckla en innovativ,? sammanhållen och hållbar socialtjänst\s+\d{1,3}\s*$",
    re.IGNORECASE,
)
_PAGE_MARK = re.compile(r"(?:\s|^)(?:\d{1,3}\s+)*INITIATIV\s*$")
_HEADER = re.compile(
    r"\b(\d{1,2})\. ((?:[A-ZÅÄÖ]{2,}|[A-ZÅÄÖ]{1,}-[A-ZÅÄÖ]+)(?: (?:[A-ZÅÄÖ]+(?:-[A-ZÅÄÖ]+)?))*)(?=\s|$)"
)
_CHAPTER = re.compile(r"^Kapitel (\d{1,2}) ")
_CLOSING = re.compile(r"\bAvslutande kommentarer\b")
# A hard break: end of a sentence, or a page or running header removed from between two texts.
_BREAK = re.compile(r"(?:[.!?][”\"']?[ ]+|\n[ ]*)(?=[A-ZÅÄÖ])")
# The text after a title opens with a capitalised word, or with a year.
_TEXT_OPENING = re.compile(r"(?<=\s)(?:[A-ZÅÄÖ][\wÅÄÖåäö-]*|(?:19|20)\d\d\b)")
# A title does not end in these words; the capital after them belongs to the title ("i Bankeryd").
_FUNCTION_WORDS = frozenset(
    "i på för av och med kring till om som att inom vid mellan en ett den det de från under över "
    "efter genom mot utan hos samt eller när där via of the and".split()
)
# Finite verbs that show a "title" to be the end of a sentence whose full stop and year were
# lost ("Projektet har påbörjats under [2014.] Revisioner som stöd ...").
_SENTENCE_VERBS = frozenset("har är kan ska skall var hade blir blev kommer sker finns".split())
# Printed lines of body text are 55-100 characters long.
_LINE_LENGTH = range(55, 101)


@dataclass
class _ChapterText:
    number: int
    title: str
    text: str  # the chapter's pages joined by "\n", headers and page marks removed


def parse(text: str) -> tuple[dict, list[str]]:
    warnings: list[str] = []
    chapters = _chapters(_pages(clean(text)))
    records, initiatives = [], []
    expected = 1
    for chapter in chapters:
        records.append(
            Chapter(
                key=(NAMESPACE, "chapter", str(chapter.number)),
                number=chapter.number,
                title=chapter.title,
                summary=_summary(chapter.text),
            )
        )
        found, expected = _initiatives(chapter, expected, warnings)
        initiatives += found
    if expected <= 100:
        warnings.append(f"initiatives {expected}-100 not found")
    return {"chapters": tuple(records), "initiatives": tuple(initiatives)}, warnings


def _pages(text: str) -> list[str]:
    """The page texts of the transcript, numbered 1, 2, 3 ... without running footers."""
    pages: list[str] = []
    for line in text.split("\n"):
        page = _PAGE.match(line)
        if page and int(page.group(1)) == len(pages) + 1:
            body = _FOOTER.sub("", page.group(2))
            pages.append(_PAGE_MARK.sub("", body).strip())
        elif pages and line.strip() and not page:
            break  # the viewer's teasers of other documents follow the transcript
    return pages


def _chapters(pages: list[str]) -> list[_ChapterText]:
    headers: dict[int, dict[str, int]] = {}
    for page in pages:
        for number, title in _HEADER.findall(page):
            counts = headers.setdefault(int(number), {})
            counts[title] = counts.get(title, 0) + 1
    titles = {n: max(c, key=c.get) for n, c in headers.items()}
    chapters: list[_ChapterText] = []
    for page in pages:
        opening = _CHAPTER.match(page)
        if opening:
            number = int(opening.group(1))
            rest = page[opening.end() :]
            words = len(titles.get(number, "").split())
            title = " ".join(rest.split()[:words])
            if words == 0 or title.upper() != titles[number]:
                title, words = "", 0
            body = " ".join(rest.split()[words:])
            chapters.append(_ChapterText(number, title[:1].upper() + title[1:], body))
        elif chapters:
            chapters[-1].text += "\n" + page
    for chapter in chapters:
        for title in titles.values():
            # Running headers, with or without their number, become hard breaks.
            chapter.text = re.sub(rf"(?:\b\d{{1,2}}\. )?\b{re.escape(title)}\b", "\n", chapter.text)
        closing = _CLOSING.search(chapter.text)
        if closing:
            chapter.text = chapter.text[: closing.start()]
    return chapters


def _summary(text: str) -> str:
    return squash(text.split("\n", 1)[0])


def _markers(text: str, expected: int) -> list[tuple[int, re.Match]]:
    """The initiative numbers in the order they appear, each as (number, match)."""
    found = []
    for match in re.finditer(r"(?<=\s)(\d{1,3})(?=\s)(?!\s*(?:%|procent|år\b|st\b))", text):
        if int(match.group(1)) == expected:
            found.append((expected, match))
            expected += 1
    return found


def _initiatives(chapter: _ChapterText, expected: int, warnings: list[str]) -> tuple[list[Initiative], int]:
    text = chapter.text
    markers = _markers(text, expected)
    spans = []  # (number, title start, text start, marker)
    floor = 0
    for number, marker in markers:
        split = _title_split(text, floor, marker.start())
        if split is None:
            warnings.append(f"initiative {number}: title not found")
            split = (floor, floor)
        spans.append((number, *split, marker))
        floor = marker.end()
    result = []
    for index, (number, title_at, body_at, marker) in enumerate(spans):
        end = spans[index + 1][1] if index + 1 < len(spans) else len(text)
        body = text[body_at : marker.start()] + "\n" + text[marker.end() : end]
        result.append(
            Initiative(
                key=(NAMESPACE, "initiative", str(number)),
                number=number,
                chapter_number=chapter.number,
                chapter_title=chapter.title,
                title=squash(text[title_at:body_at]),
                text=squash(join_hyphenation(body)),
            )
        )
    return result, expected + len(markers)


def _title_split(text: str, floor: int, marker: int) -> tuple[int, int] | None:
    """(title start, text start) for the initiative whose number stands at ``marker``: the
    latest hard break before the number that is followed by a plausible title."""
    starts = [floor] + [floor + m.end() for m in _BREAK.finditer(text[floor:marker])]
    for start in reversed(starts):
        body_at = _title_end(text[start:marker])
        if body_at is not None:
            return start + _sentence_tail(text[start : start + body_at]), start + body_at
    return None


def _title_end(segment: str) -> int | None:
    candidates = []
    previous = ""
    for word in _TEXT_OPENING.finditer(segment):
        title = segment[: word.start()].strip()
        repeated, previous = word.group() == previous, word.group()
        if re.search(r"[.!?].", title) or title.endswith("."):
            break  # a title is not a sentence, though it may end as a question or exclamation
        if len(word.group()) > 1 and word.group().isupper() and not repeated:
            continue  # an acronym inside the title ("KASAM"), unless the text repeats it ("LOKE LOKE")
        if len(title) < 4 or title.split()[-1].lower() in _FUNCTION_WORDS:
            continue
        candidates.append((word.start(), len(segment) - word.start()))
    if not candidates:
        return None
    usual = [c for c in candidates if c[1] in _LINE_LENGTH]
    return (usual or candidates)[0][0]


def _sentence_tail(title: str) -> int:
    """Where the title really starts when the previous text ran into it without its full stop:
    after the last lower-case word that follows a finite verb and precedes a capital."""
    words = list(re.finditer(r"\S+", title))
    verb = max((i for i, w in enumerate(words) if w.group().lower() in _SENTENCE_VERBS), default=None)
    if verb is None:
        return 0
    for i in range(len(words) - 1, verb + 1, -1):
        if words[i].group()[0].isupper() and words[i - 1].group()[0].islower():
            return words[i].start()
    return 0
