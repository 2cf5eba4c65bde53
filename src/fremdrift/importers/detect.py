"""Recognise which source document a text is, by its content alone.

Each known document has a few markers: phrases or structures that only it combines. A text is
taken to be the document whose markers it shows most, provided it shows at least three of
them; file names play no part, so a renamed or copied file is still recognised.
"""

from __future__ import annotations

import re

from .cleanup import normalize


class UnknownDocument(ValueError):
    """The text is not one of the documents the importers can read."""


_MARKERS: dict[str, tuple[str, ...]] = {
    "coi_cases": (
        r"LÆS STJÆL FORTÆL",
        r"^INDSTILLER: ",
        r"^Hvis du vil genbruge løsningen, så kontakt:",
        r"NYT SAMMEN BEDRE-prisen",
        r"Hverdagsinnovationsprisen",
    ),
    "national_pool": (
        r"^\s*Om puljen ",
        r"Klynge \d",
        r"^Projekter i puljen",
        r"Temaopdeling af projekterne",
        r"SUNDHEDSSTYRELSEN|Sundhedsstyrelsen",
    ),
    "dialogen": (
        r"INITIATIV FRÅN DIALOGEN",
        r"^\d{1,3} Kapitel \d{1,2} ",
        r"socialtjänst",
        r"\bDIALOGEN\b",
    ),
    "aalborg_strategies": (
        r"^Strategier for Senior og Omsorg$",
        r"^Strategisk pejlemærke \d",
        r"^Innovationspuljen$",
        r"Aalborg Kommune",
    ),
    "hedensted_plan": (
        r"^Fokus\w*\tIndsats\tMål\tEffekt\tFinansiering\tTidsramme\tStatus",
        r"Velfærdsrådgivning",
        r"Hedensted Kommune",
        r"^Fokusområder$",
    ),
}

_COMPILED = {
    kind: tuple(re.compile(marker, re.MULTILINE) for marker in markers) for kind, markers in _MARKERS.items()
}
_MINIMUM = 3
_NAMES = ", ".join(_MARKERS)


def scores(text: str) -> dict[str, int]:
    """How many markers of each known document the text shows."""
    text = normalize(text)
    return {kind: sum(bool(m.search(text)) for m in markers) for kind, markers in _COMPILED.items()}


def detect_kind(text: str) -> str:
    """The kind of document ``text`` is; raises UnknownDocument if it is none of them."""
    ranked = sorted(scores(text).items(), key=lambda item: -item[1])
    (best, best_score), (runner_up, runner_up_score) = ranked[0], ranked[1]
    if best_score < _MINIMUM:
        raise UnknownDocument(
            f"not a known source document (expected one of: {_NAMES}); the closest, {best}, "
            f"shows {best_score} of its {len(_MARKERS[best])} markers and {_MINIMUM} are needed"
        )
    if best_score == runner_up_score:
        raise UnknownDocument(
            f"the text looks as much like {best} as like {runner_up} "
            f"({best_score} markers each); refusing to guess"
        )
    return best
