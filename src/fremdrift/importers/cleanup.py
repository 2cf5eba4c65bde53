"""Text clean-up shared by all parsers.

The source documents are text extracted from web pages and PDFs. Clean-up only undoes what the
extraction did (markup, navigation links, page numbers, words hyphenated at a line end, lines
wrapped inside a paragraph); it never rewrites the documents' own wording or spelling.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Lines that belong to the web page or PDF frame rather than to the text.
_ARTIFACT_LINES = (
    re.compile(r"^\s*Skip til (?:hoved ?)?indhold(?:et)?\s*$", re.IGNORECASE),
    re.compile(r"^\s*Hjem\s+\S.*[^.!?:;,]$"),  # breadcrumb: "Hjem Om kommunen Politikker ..."
    re.compile(r"^\s*(?:Side|Sida|Page)\s+\d{1,3}\b.{0,8}$"),  # "Side 12", "Side 35 ¥+0"
    re.compile(r"^\s*\d{1,3}\s*$"),  # a bare page number
)

# Characters that start a list item when they open a line.
_BULLET = re.compile(r"^(?:[-–•·»«*+]\s|\d{1,2}[.)]\s)")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_AUTOLINK = re.compile(r"<((?:https?://|www\.)[^<>\s]+)>")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# Words that follow a real hyphen in Danish/Swedish compound coordination ("Ældre- og Sundheds...").
_COORDINATORS = frozenset({"og", "eller", "samt", "och", "el.", "til"})


def normalize(text: str) -> str:
    """Unify line ends and spaces, decode HTML entities and drop HTML tags (keeping autolinks)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = html.unescape(_TAG.sub("", _AUTOLINK.sub(r"\1", text)))
    text = text.translate(_INVISIBLE).replace("\u00a0", " ").replace("\u202f", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def drop_artifact_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not any(p.match(line) for p in _ARTIFACT_LINES))


def join_broken(first: str, second: str) -> str:
    """Join two fragments of text that were split at a line (or cell) break.

    A hyphen between two lower-case letters marks a hyphenated word ("ud-" + "vikling").
    Any other hyphen is real and kept: after a capital or digit ("PDSA-" + "cyklus") or
    before a coordinating word ("Ældre-" + "og Sundhed...").
    """
    first, second = first.rstrip(), second.lstrip()
    if not first:
        return second
    if not second:
        return first
    if first.endswith("-") and not first.endswith(" -") and len(first) > 1:
        before = first[-2]
        next_word = second.split(maxsplit=1)[0]
        if next_word.lower() in _COORDINATORS:
            return f"{first} {second}"
        if before.isalpha() and before.islower() and second[0].isalpha() and second[0].islower():
            return first[:-1] + second
        return first + second
    return f"{first} {second}"


def join_hyphenation(text: str) -> str:
    """Join words hyphenated across a line break; see :func:`join_broken`."""
    return re.sub(r"(\S*-)\n[ \t]*(\S+)", lambda m: join_broken(m.group(1), m.group(2)), text)


def clean(text: str) -> str:
    """The shared clean-up pipeline: normalize, drop frame artifacts, join hyphenation."""
    return join_hyphenation(drop_artifact_lines(normalize(text)))


def squash(text: str) -> str:
    """Collapse runs of white space into single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def strip_emphasis(text: str) -> str:
    """Remove Markdown-style emphasis markers (``*`` and ``**``) left by the extraction."""
    return squash(text.replace("*", ""))


def paragraphs(text: str) -> list[str]:
    """Split text into paragraphs and list items, joining lines wrapped inside them.

    Blank lines separate paragraphs; a line opening with a bullet or an item number starts a new
    item, unless an emphasis marker (``*``) opened earlier is still unclosed, which means the
    line continues an italic paragraph.
    """
    result: list[str] = []
    current = ""
    for raw in text.split("\n") + [""]:
        line = raw.strip()
        if not line:
            if current:
                result.append(squash(current))
            current = ""
            continue
        italic_open = current.count("*") % 2 == 1
        if current and _BULLET.match(line) and not italic_open:
            result.append(squash(current))
            current = line
        else:
            current = join_broken(current, line) if current else line
    return result


def join_items(items: list[str]) -> str:
    """Join paragraphs with a blank line, and consecutive list items with a newline."""
    out = ""
    for index, item in enumerate(items):
        if index:
            out += "\n" if is_bullet(item) and is_bullet(items[index - 1]) else "\n\n"
        out += item
    return out


# Small numbers as Danish documents write them in words ("to årlige ansøgningsrunder").
_NUMBER_WORDS = {
    "en": 1,
    "én": 1,
    "et": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "syv": 7,
    "otte": 8,
    "ni": 9,
    "ti": 10,
}


def number_word(word: str) -> int | None:
    return _NUMBER_WORDS.get(word.lower())


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text))


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text, count=1).strip()


def slugify(text: str, max_length: int = 80) -> str:
    """A stable ASCII slug: Danish and Swedish letters are transliterated, not dropped."""
    text = text.lower()
    for src, dst in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        text = text.replace(src, dst)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug[:max_length].rstrip("-")
