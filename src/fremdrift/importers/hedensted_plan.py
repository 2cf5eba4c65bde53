"""Parser for Hedensted Kommune's "Strategi og implementeringsplan for Velfærdsrådgivningen".

The document states a vision, a mission and five focus areas (fokusområder, the strategy's
beacons). Its implementation plan is a set of tables, one per team, each introduced by the
team's heading and a header row "Fokusområder / Indsats / Mål / Effekt / Finansiering /
Tidsramme / Status". The text extraction kept the tables as one line per row with cells
separated by tabs. A row with an empty first cell continues the focus area above it; where a
page break cut a row in two, the second half follows a blank line and its effort cell starts in
lower case, and its cells are joined to the first half's.
"""

from __future__ import annotations

import re

from .cleanup import clean, join_broken, paragraphs, slugify, squash, strip_emphasis
from .records import ActionPlanRow, Beacon, Section, Strategy

NAMESPACE = "hedensted-velfaerdsraadgivning"
SOURCE = "Hedensted Kommune: Strategi og implementeringsplan for Velfærdsrådgivningen"
LANGUAGE = "da"

_COLUMNS = ("Indsats", "Mål", "Effekt", "Finansiering", "Tidsramme", "Status")
_NUMBERED = re.compile(r"^(\d)\.\s*(.+)$")


def parse(text: str) -> tuple[dict, list[str]]:
    lines = clean(text).split("\n")
    warnings: list[str] = []
    strategy = _strategy(lines, warnings)
    rows = _action_plan(lines, strategy, warnings)
    return {"strategies": (strategy,), "action_plan_rows": rows}, warnings


def _after(lines: list[str], heading: str) -> str:
    """The paragraph that follows a line consisting of ``heading`` alone."""
    for index, line in enumerate(lines):
        if line.strip() == heading:
            rest = "\n".join(lines[index + 1 :]).strip()
            return paragraphs(rest)[0] if rest else ""
    return ""


def _section(lines: list[str], heading: str) -> str:
    """The paragraphs under ``heading`` up to the next one-line heading."""
    items: list[str] = []
    for index, line in enumerate(lines):
        if line.strip() == heading:
            for item in paragraphs("\n".join(lines[index + 1 :])):
                if len(item) < 80 and not re.search(r"[.:]$", item):
                    break
                items.append(strip_emphasis(item))
            break
    return "\n\n".join(items)


def _strategy(lines: list[str], warnings: list[str]) -> Strategy:
    title_line = next((squash(line) for line in lines if line.strip()), "")
    title, _, organisation = title_line.partition(" – ")
    focus_areas: list[tuple[int, str]] = []
    announced = False
    for line in lines:
        stripped = line.strip()
        if stripped.endswith("Fokusområderne er:"):
            announced = True
        elif announced and (numbered := _NUMBERED.match(stripped)):
            focus_areas.append((int(numbered.group(1)), squash(numbered.group(2))))
        elif announced and stripped and focus_areas:
            break
    if not focus_areas:
        warnings.append("no focus areas (fokusområder) found")
    key = (NAMESPACE, "strategy", slugify(title))
    beacons = tuple(
        Beacon(key=(*key, "beacon", str(n)), number=n, title=t, description="", efforts=())
        for n, t in focus_areas
    )
    core_task = _after(lines, "Kerneopgave").strip('”“" ')
    return Strategy(
        key=key,
        organisation=f"{organisation}, Velfærdsrådgivningen" if organisation else "",
        title=title,
        intro=_section(lines, "Introduktion"),
        definition="",
        statement=_section(lines, "Strategi og implementeringsplan"),
        vision=_after(lines, "Vision"),
        mission=_after(lines, "Mission"),
        beacons=beacons,
        sections=(Section(heading="Kerneopgave", text=core_task),) if core_task else (),
    )


def _cells(line: str) -> list[str]:
    cells = [squash(c) for c in line.split("\t")]
    if len(cells) > 7:
        cells = cells[:6] + [" ".join(cells[6:])]
    return cells + [""] * (7 - len(cells))


def _action_plan(lines: list[str], strategy: Strategy, warnings: list[str]) -> tuple[ActionPlanRow, ...]:
    tables: list[tuple[str, list[list[str]]]] = []
    heading = ""
    in_table = False
    blank_before = False
    for line in lines:
        if "\t" not in line:
            if line.strip():
                heading, in_table = squash(line), False
            blank_before = not line.strip()
            continue
        cells = _cells(line)
        if tuple(cells[1:]) == _COLUMNS:
            tables.append((heading, []))
            in_table = True
        elif in_table and not all(re.fullmatch(r"-*", c) for c in cells):
            rows = tables[-1][1]
            continues = blank_before and not cells[0] and cells[1][:1].islower()
            if continues and rows:
                rows[-1] = [join_broken(a, b) for a, b in zip(rows[-1], cells, strict=True)]
            else:
                rows.append(cells)
        blank_before = False
    if not tables:
        warnings.append("no action-plan tables found")
    beacons = {b.number: b.key for b in strategy.beacons}
    result: list[ActionPlanRow] = []
    for section, rows in tables:
        focus = ""
        seen: set[str] = set()
        for number, cells in enumerate(rows, start=1):
            focus = cells[0] or focus
            focus_number = _NUMBERED.match(focus)
            beacon_key = beacons.get(int(focus_number.group(1))) if focus_number else None
            if beacon_key is None:
                warnings.append(f"{section}, row {number}: focus area {focus!r} is not a numbered focus area")
            slug = slugify(cells[1]) or f"row-{number}"
            if slug in seen:
                slug = f"{slug}-{number}"
            seen.add(slug)
            result.append(
                ActionPlanRow(
                    key=(NAMESPACE, "action-plan", slugify(section), slug),
                    section=section,
                    row_number=number,
                    beacon_key=beacon_key,
                    focus_area=focus,
                    effort=cells[1],
                    goal=cells[2],
                    effect=cells[3],
                    financing=cells[4],
                    time_frame=cells[5],
                    status=cells[6],
                )
            )
    return tuple(result)
