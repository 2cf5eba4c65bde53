import math
import re
from collections import Counter
from functools import cache, lru_cache

import snowballstemmer

# Fremdrift's languages and the Snowball stemmer for each (Norwegian bokmål uses "norwegian").
LANGUAGES = {"da": "danish", "sv": "swedish", "nb": "norwegian", "en": "english"}
# A query is stemmed as Danish, Swedish and Norwegian: the library's languages.
QUERY_LANGUAGES = ("da", "sv", "nb")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# Words too common to say anything about a case; the stemmers keep them otherwise.
STOP_WORDS = frozenset(
    """og i at det en den til er som på de med han af for ikke der var mig sig men et har om vi
    min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her
    alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette
    mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos
    blive mange ad bliver hendes været thi jer sådan och att som en på är av för med till den
    har de inte om ett han men var jag sig från vi så kan man när år säger hon under också efter
    eller nu sin där vid mot ska skulle kommer ut får finns vara hade alla andra mycket än här
    dem då sedan över bara in blir upp även vad få två vill ha många hur mer går sätt kunde
    the and of to in a is that for on with as are be this by an or it from at""".split()
)


@cache
def _stemmer(language: str):
    return snowballstemmer.stemmer(LANGUAGES.get(language, "danish"))


def tokenize(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text or "")]


def _stems(words: list[str], language: str) -> list[str]:
    words = [w for w in words if w not in STOP_WORDS and len(w) > 1]
    return _stemmer(language).stemWords(words)


def document_terms(fields: list[tuple[str, float]], language: str) -> dict[str, float]:
    """Term weights for a document from (text, boost) fields, e.g. the title counts more.

    Weights are log-scaled term frequencies, normalised by document length so a long case does
    not win on length alone.
    """
    counts: Counter[str] = Counter()
    length = 0
    for text, boost in fields:
        stems = _stems(tokenize(text), language)
        length += len(stems)
        for stem in stems:
            counts[stem[:64]] += boost
    if not counts:
        return {}
    norm = 1.0 / math.sqrt(1.0 + length / 100.0)
    return {term: round((1.0 + math.log(count)) * norm, 6) for term, count in counts.items()}


def query_terms(query: str) -> set[str]:
    """The stems of a query in every language, so one search box serves da, sv and nb."""
    words = tokenize(query)
    terms = set()
    for language in QUERY_LANGUAGES:
        terms.update(stem[:64] for stem in _stems(words, language))
    return terms


@lru_cache(maxsize=100_000)
def _word_stems(word: str) -> frozenset[str]:
    return frozenset(_stemmer(language).stemWord(word)[:64] for language in QUERY_LANGUAGES)


def highlight_passage(text: str, query: str, *, width: int = 220) -> tuple[str, str, str] | None:
    """The sentence around the first word matching the query, as (before, match, after)."""
    wanted = query_terms(query)
    if not wanted:
        return None
    for match in _WORD.finditer(text or ""):
        if not wanted.isdisjoint(_word_stems(match.group(0).lower())):
            start = max(0, match.start() - width // 2)
            end = min(len(text), match.end() + width // 2)
            # Cut at spaces, never inside a word.
            if start > 0 and " " in text[start : match.start()]:
                start = text.index(" ", start, match.start()) + 1
            if end < len(text) and " " in text[match.end() : end]:
                end = text.rindex(" ", match.end(), end)
            before = ("…" if start > 0 else "") + text[start : match.start()]
            after = text[match.end() : end] + ("…" if end < len(text) else "")
            return before, match.group(0), after
    return None
