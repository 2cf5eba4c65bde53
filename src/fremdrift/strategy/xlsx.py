"""Action plans as spreadsheets in the column layout of Hedensted's implementation plans.

Fokusområde · Indsats · Mål · Effekt · Finansiering · Tidsramme · Status

Plain rows in, plain rows out, no models: cells are written and read through
`fremdrift.core.spreadsheets` (formulas neutralised, files bounded). A number in a cell becomes text
as the spreadsheet shows it, in the reader's language: "15 %", "250.000,50 kr.". The app compares
these rows with what is stored and shows a preview before anything is saved.

Conventions, so that export followed by import changes nothing:
- *Tidsramme* is the period as written ("Jan – juni 2016", "Løbende"). Month names (Danish,
  Swedish, English), years (also two-digit ones after a month: "Jan – 16 – juni 2017") and numeric
  dates (31.12.2016, 2016-12-31) are read as dates; text without any ("Løbende") is kept as
  written, without dates. Dates that do not follow from the text are written after it in brackets:
  "Løbende (01.03.2016 – 31.12.2016)".
- *Status* starts with a status word in Danish, Swedish or English (any case), optionally followed
  by a note after a dash, colon or full stop: "I gang – venter på IT-udbud". An empty cell is "not
  started". The note is kept as written, line breaks and all.
- An empty *Fokusområde* continues the one above (as in merged cells).

Comparing a file with the plan is exact: a change of letter case or of a line break is a change.
Only what a spreadsheet does not keep of a text is left aside: the spaces around it, Windows or
plain line ends, and how its letters are encoded (Unicode NFC).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format

from fremdrift.core import numerals, spreadsheets
from fremdrift.core.formatting import money, percent

STATUSES = ("not_started", "in_progress", "on_standby", "completed", "dropped")

# Words accepted for each status, any case; the first Danish, Swedish and English words are the ones written.
STATUS_WORDS = {
    "not_started": {
        "da": ["Ikke startet", "Ikke påbegyndt", "Ikke igangsat", "Planlagt"],
        "sv": ["Ej påbörjad", "Inte påbörjad", "Ej startad", "Inte startad", "Planerad"],
        "en": ["Not started", "Planned"],
    },
    "in_progress": {
        "da": ["I gang", "Igang", "Igangsat", "Påbegyndt", "I proces"],
        "sv": ["Pågår", "Pågående", "Påbörjad", "Startad", "I gång"],
        "en": ["In progress", "Ongoing", "Started"],
    },
    "on_standby": {
        "da": ["På standby", "Standby", "Stand-by", "Afventer", "Sat i bero", "I bero", "På pause"],
        "sv": ["Vilande", "Pausad", "Avvaktar", "Väntar"],
        "en": ["On standby", "On hold", "Paused"],
    },
    "completed": {
        "da": ["Afsluttet", "Gennemført", "Færdig", "Implementeret", "Udført"],
        "sv": ["Avslutad", "Genomförd", "Klar", "Slutförd", "Implementerad"],
        "en": ["Completed", "Done", "Finished"],
    },
    "dropped": {
        "da": ["Droppet", "Opgivet", "Stoppet", "Annulleret", "Udgået", "Aflyst"],
        "sv": ["Avbruten", "Struken", "Nedlagd", "Stoppad", "Inställd"],
        "en": ["Dropped", "Cancelled", "Canceled", "Abandoned", "Stopped"],
    },
}

FIELDS = ("focus_area", "effort", "goal", "expected_effect", "financing", "time_frame", "status")

HEADERS = {
    "da": ("Fokusområde", "Indsats", "Mål", "Effekt", "Finansiering", "Tidsramme", "Status"),
    "sv": ("Fokusområde", "Insats", "Mål", "Effekt", "Finansiering", "Tidsram", "Status"),
    "en": ("Focus area", "Effort", "Goal", "Expected effect", "Financing", "Time frame", "Status"),
}
HEADER_WORDS = {
    "focus_area": {
        "fokusområde",
        "fokusområder",
        "fokusråder",
        "fokusomrade",
        "pejlemærke",
        "focus area",
        "beacon",
    },
    "effort": {"indsats", "indsatser", "insats", "insatser", "effort", "action"},
    "goal": {"mål", "goal", "goals"},
    "expected_effect": {"effekt", "forventet effekt", "förväntad effekt", "effect", "expected effect"},
    "financing": {"finansiering", "financing", "funding"},
    "time_frame": {"tidsramme", "tidsram", "tidsperiode", "tidsplan", "time frame", "period"},
    "status": {"status"},
}

MONTHS = {
    1: ["januar", "januari", "january", "jan"],
    2: ["februar", "februari", "february", "feb"],
    3: ["marts", "mars", "march", "mar"],
    4: ["april", "apr"],
    5: ["maj", "may"],
    6: ["juni", "june", "jun"],
    7: ["juli", "july", "jul"],
    8: ["august", "augusti", "aug"],
    9: ["september", "sept", "sep"],
    10: ["oktober", "october", "okt", "oct"],
    11: ["november", "nov"],
    12: ["december", "dec"],
}
_MONTH_BY_WORD = {word: number for number, words in MONTHS.items() for word in words}

MAX_ROWS = 2000


class XlsxError(Exception):
    """The file as a whole cannot be read (not a spreadsheet, no header row, wrong columns)."""


@dataclass(frozen=True)
class PlanRow:
    """One row of an action plan as the spreadsheet carries it."""

    focus_area: str = ""
    effort: str = ""
    goal: str = ""
    expected_effect: str = ""
    financing: str = ""
    time_frame: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    status: str = "not_started"
    status_note: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """What identifies a row between two versions of a plan: its focus area and effort."""
        return (normalise(self.focus_area), normalise(self.effort))


@dataclass
class RowProblem:
    line: int
    column: str
    message: str


@dataclass
class ReadResult:
    rows: list[tuple[int, PlanRow]] = field(default_factory=list)  # (spreadsheet line, row)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class TimeFrameError(ValueError):
    pass


class StatusError(ValueError):
    pass


def normalise(text: str) -> str:
    """Text to match by (a row's key, a header, a beacon's name), not to compare: any case and spacing."""
    return " ".join(unicodedata.normalize("NFC", str(text or "")).split()).casefold()


def as_kept(text: str) -> str:
    """A text as a spreadsheet cell keeps it: without the spaces around it, with plain line ends and
    NFC letters; nothing else is changed."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()


# ---- status ------------------------------------------------------------------------------------

# Longest first, so that "Ikke startet" is not read as a note to "Ikke"; any case, any spacing.
_STATUS_LOOKUP = [
    (re.compile(r"\s+".join(map(re.escape, word.split())), re.IGNORECASE), status)
    for word, status in sorted(
        (
            (word, status)
            for status, languages in STATUS_WORDS.items()
            for words in languages.values()
            for word in words
        ),
        key=lambda pair: -len(pair[0]),
    )
]


def status_word(status: str, language: str = "da") -> str:
    return STATUS_WORDS[status][language][0]


def parse_status(text) -> tuple[str, str]:
    """(status, note) from a Status cell, the note as written. Raises StatusError if it does not start
    with a status word."""
    raw = as_kept(str(text or ""))
    if not raw:
        return "not_started", ""
    for word, status in _STATUS_LOOKUP:
        found = word.match(raw)
        if not found:
            continue
        rest = raw[found.end() :]
        if rest and rest[0].isalnum():
            continue  # "Igangsat" is not "Igang" + "sat"
        if re.fullmatch(r"[\s.–—\-:,;]*", rest):
            return status, ""
        separated = re.match(r"\s*[–—\-:.,;]\s*", rest)
        if separated:
            return status, rest[separated.end() :]
        return status, raw  # "Afventer tilbagemelding": the word is part of the note
    raise StatusError(raw)


def format_status(status: str, note: str, language: str = "da") -> str:
    word = status_word(status, language)
    return f"{word} – {note}" if note else word


# ---- time frame --------------------------------------------------------------------------------

_EXPLICIT = re.compile(
    r"^(?P<text>.*?)\s*\((?P<start>\d{2}\.\d{2}\.\d{4})?\s*–\s*(?P<end>\d{2}\.\d{2}\.\d{4})?\)$", re.S
)
_TOKEN = re.compile(
    r"(?P<iso>\b\d{4}-\d{1,2}-\d{1,2}\b)"
    r"|(?P<dmy>\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b)"
    r"|(?P<year>\b(?:19|20)\d{2}\b)"
    r"|(?P<short>\b\d{2}\b)"
    r"|(?P<word>[^\W\d_]+)",
)


def _date(year, month, day) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise TimeFrameError(f"{day:02d}.{month:02d}.{year}") from error


def _four_digits(year: int) -> int:
    return year + 2000 if year < 100 else year


def parse_time_frame(text) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a time frame as written covers, or (None, None) when it names no dates.

    Raises TimeFrameError when it names months without a year, an impossible date, or ends before it starts.
    """
    raw = " ".join(str(text or "").split())
    explicit = _EXPLICIT.match(raw)
    if explicit:
        start = dt.datetime.strptime(explicit["start"], "%d.%m.%Y").date() if explicit["start"] else None
        end = dt.datetime.strptime(explicit["end"], "%d.%m.%Y").date() if explicit["end"] else None
        if start and end and end < start:
            raise TimeFrameError(raw)
        return start, end
    # Points in time, each (first day, last day); months wait for the year that follows them.
    points: list[list] = []  # [month or None, year or None, first day, last day]
    pending: list[list] = []
    for match in _TOKEN.finditer(raw.casefold()):
        kind = match.lastgroup
        token = match.group()
        if kind == "iso":
            y, m, d = (int(part) for part in token.split("-"))
            day = _date(y, m, d)
            points.append([None, y, day, day])
        elif kind == "dmy":
            d, m, y = (int(part) for part in re.split(r"[./-]", token))
            day = _date(_four_digits(y), m, d)
            points.append([None, day.year, day, day])
        elif kind == "year" or (kind == "short" and pending):
            year = _four_digits(int(token))
            if pending:
                for point in pending:
                    point[1] = year
                pending = []
            else:
                points.append([None, year, dt.date(year, 1, 1), dt.date(year, 12, 31)])
        elif kind == "word" and token.rstrip(".") in _MONTH_BY_WORD:
            point = [_MONTH_BY_WORD[token.rstrip(".")], None, None, None]
            points.append(point)
            pending.append(point)
    if pending:
        raise TimeFrameError(raw)
    if not points:
        return None, None
    for point in points:
        month, year = point[0], point[1]
        if month is not None:
            point[2] = dt.date(year, month, 1)
            point[3] = dt.date(year, month, calendar.monthrange(year, month)[1])
    start, end = points[0][2], points[-1][3]
    if end < start:
        raise TimeFrameError(raw)
    return start, end


def format_time_frame(text: str, starts_on: dt.date | None, ends_on: dt.date | None) -> str:
    """The Tidsramme cell: the text as written, with the dates in brackets when they don't follow from it."""
    text = (text or "").strip()
    try:
        follows = parse_time_frame(text) == (starts_on, ends_on)
    except TimeFrameError:
        follows = False
    if follows or (starts_on is None and ends_on is None):
        return text
    dates = f"({starts_on:%d.%m.%Y}" if starts_on else "("
    dates += f" – {ends_on:%d.%m.%Y})" if ends_on else " –)"
    return f"{text} {dates}" if text else dates


# ---- reading -----------------------------------------------------------------------------------


def _cell_text(value) -> str:
    """A cell as text, a number written as the spreadsheet shows it in the reader's language:
    "15 %", "250.000,50 kr.", and a number without a format "250000,5"."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, numerals.Shown):
        return percent(value) if value.unit == "%" else f"{money(value)} {value.unit}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float):
        return number_format(Decimal(str(value)), use_l10n=True)
    return as_kept(str(value))


def _header_fields(cells) -> list[str | None] | None:
    names = [normalise(_cell_text(cell)).rstrip(":") for cell in cells]
    fields = []
    for name in names:
        fields.append(next((f for f, words in HEADER_WORDS.items() if name in words), None))
    found = [f for f in fields if f]
    if set(found) == set(FIELDS) and len(found) == len(FIELDS):
        return fields
    return None


def read_rows(content: bytes) -> ReadResult:
    """Read the first worksheet. Raises XlsxError if the file is not a readable plan at all
    (`("refused", message)` when it is unreadable or too large); problems in single rows are
    collected in the result, one per row and column."""
    try:
        return _read_plan(spreadsheets.xlsx_rows(content, max_rows=MAX_ROWS))
    except spreadsheets.FileRefused as error:
        raise XlsxError("refused", str(error)) from error


def _read_plan(lines) -> ReadResult:
    header = None
    seen = []
    for number, cells in enumerate(lines, start=1):
        if number > 20:
            break
        if any(cell not in (None, "") for cell in cells):
            header = _header_fields(cells)
            seen.append([_cell_text(cell) for cell in cells if cell not in (None, "")])
            if header:
                break
    if header is None:
        raise XlsxError("no-header", seen[0] if seen else [])
    result = ReadResult()
    previous_focus = ""
    header_line = number
    for number, cells in enumerate(lines, start=header_line + 1):
        values = {f: _cell_text(cells[i]) for i, f in enumerate(header) if f and i < len(cells)}
        if not any(values.values()):
            continue
        if _header_fields(cells):
            continue  # a repeated header, as between the tables of one sheet
        row, problems = _row_from_cells(number, values, previous_focus)
        result.problems.extend(problems)
        if row is not None:
            previous_focus = row.focus_area
            result.rows.append((number, row))
    return result


def _row_from_cells(number: int, values: dict, previous_focus: str):
    problems = []
    focus_area = values.get("focus_area", "") or previous_focus
    effort = values.get("effort", "")
    if not effort:
        problems.append(RowProblem(number, "effort", "missing-effort"))
    time_frame_cell = values.get("time_frame", "")
    starts_on = ends_on = None
    try:
        starts_on, ends_on = parse_time_frame(time_frame_cell)
    except TimeFrameError:
        problems.append(RowProblem(number, "time_frame", "unreadable-time-frame"))
    explicit = _EXPLICIT.match(time_frame_cell)
    time_frame = explicit["text"] if explicit else time_frame_cell
    status, status_note = "not_started", ""
    try:
        status, status_note = parse_status(values.get("status", ""))
    except StatusError:
        problems.append(RowProblem(number, "status", "unknown-status"))
    if problems:
        return None, problems
    return (
        PlanRow(
            focus_area=focus_area,
            effort=effort,
            goal=values.get("goal", ""),
            expected_effect=values.get("expected_effect", ""),
            financing=values.get("financing", ""),
            time_frame=time_frame,
            starts_on=starts_on,
            ends_on=ends_on,
            status=status,
            status_note=status_note,
        ),
        [],
    )


# ---- writing -----------------------------------------------------------------------------------


def write_rows(rows: list[PlanRow], *, title: str = "", language: str = "da") -> bytes:
    table = [list(HEADERS[language])]
    for row in rows:
        table.append(
            [
                row.focus_area,
                row.effort,
                row.goal,
                row.expected_effect,
                row.financing,
                format_time_frame(row.time_frame, row.starts_on, row.ends_on),
                format_status(row.status, row.status_note, language),
            ]
        )
    return spreadsheets.xlsx_bytes(
        table, title=title or "Handleplan", widths=(28, 34, 40, 34, 20, 22, 30), wrap=True
    )


# ---- comparing ---------------------------------------------------------------------------------


@dataclass
class Change:
    kind: str  # "new", "changed", "unchanged"
    line: int
    row: PlanRow
    existing_id: object = None
    fields: tuple[str, ...] = ()
    before: PlanRow | None = None  # the stored row it changes


COMPARED = (
    "focus_area",
    "effort",
    "goal",
    "expected_effect",
    "financing",
    "time_frame",
    "starts_on",
    "ends_on",
    "status",
    "status_note",
)


def compare(existing: list[tuple[object, PlanRow]], incoming: list[tuple[int, PlanRow]]):
    """Match incoming rows to existing ones by focus area and effort, in order.

    Returns (changes, untouched ids): what an import would do, and the stored rows the file does not mention.
    """
    unmatched = list(existing)
    changes = []
    for line, row in incoming:
        match = next((pair for pair in unmatched if pair[1].key == row.key), None)
        if match is None:
            changes.append(Change("new", line, row))
            continue
        unmatched.remove(match)
        differing = tuple(
            name
            for name in COMPARED
            if _comparable(getattr(match[1], name)) != _comparable(getattr(row, name))
        )
        kind = "changed" if differing else "unchanged"
        changes.append(Change(kind, line, row, match[0], differing, before=match[1]))
    return changes, [pk for pk, _row in unmatched]


def _comparable(value):
    return as_kept(value) if isinstance(value, str) else value
