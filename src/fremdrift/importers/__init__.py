"""Parsers that turn the five source documents into plain records, without Django.

``parse_document(text)`` recognises the document by its content and returns a
:class:`ParsedDocument`; ``parse_path(path)`` does the same for a file. The records are frozen
dataclasses (see :mod:`fremdrift.importers.records`) whose ``key`` stays the same from one import
to the next, so the Django side can update existing rows instead of adding new ones.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from . import aalborg_strategies, coi_cases, dialogen, hedensted_plan, national_pool
from .detect import UnknownDocument, detect_kind
from .records import (
    ActionPlanRow,
    Beacon,
    Case,
    Chapter,
    Cluster,
    Contact,
    Effort,
    FundFacts,
    Initiative,
    KnowledgePost,
    ParsedDocument,
    Pool,
    PoolProject,
    Quote,
    Section,
    Strategy,
    Theme,
)

__all__ = [
    "ActionPlanRow",
    "Beacon",
    "Case",
    "Chapter",
    "Cluster",
    "Contact",
    "Effort",
    "FundFacts",
    "Initiative",
    "KnowledgePost",
    "ParsedDocument",
    "Pool",
    "PoolProject",
    "Quote",
    "Section",
    "Strategy",
    "Theme",
    "UnknownDocument",
    "detect_kind",
    "parse_document",
    "parse_path",
]

_PARSERS = {
    "coi_cases": coi_cases,
    "national_pool": national_pool,
    "dialogen": dialogen,
    "aalborg_strategies": aalborg_strategies,
    "hedensted_plan": hedensted_plan,
}


def parse_document(text: str) -> ParsedDocument:
    """Parse one source document; raises UnknownDocument for any other text."""
    kind = detect_kind(text)
    parser = _PARSERS[kind]
    fields, warnings = parser.parse(text)
    return ParsedDocument(
        kind=kind,
        source=parser.SOURCE,
        language=parser.LANGUAGE,
        warnings=tuple(warnings),
        **fields,
    )


def parse_path(path: str | PathLike[str]) -> ParsedDocument:
    return parse_document(Path(path).read_text(encoding="utf-8-sig"))
