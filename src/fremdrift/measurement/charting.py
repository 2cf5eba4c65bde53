"""An indicator's chart: its current measurements through the SPC engine, then into SVG.

Every number and every signal comes from `fremdrift.spc.analyse`; the sentences from the engine's
explanation in the reader's language. This module only maps the indicator onto the engine's
arguments (which chart, denominators, phases at dated changes, the frozen baseline, the target)
and the engine's output onto `fremdrift.charts`.
"""

from dataclasses import dataclass

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from fremdrift import spc
from fremdrift.charts import ChartText, render_svg, table_rows
from fremdrift.core.formatting import number, percent

from .models import Direction

CHART_NAMES = {
    "run": gettext_lazy("Run chart"),
    "i": gettext_lazy("I chart (individual values)"),
    "p": gettext_lazy("P chart (proportions)"),
    "u": gettext_lazy("U chart (rates)"),
    "c": gettext_lazy("C chart (counts)"),
}


def chart_name(chart: str) -> str:
    return str(CHART_NAMES.get(chart, chart))


def engine_language() -> str:
    language = (get_language() or "da")[:2]
    return language if language in spc.LANGUAGES else "en"


def period_label(period, frequency) -> str:
    if frequency == "monthly":
        return f"{period:%Y-%m}"
    if frequency == "quarterly":
        return f"{period.year}-Q{(period.month - 1) // 3 + 1}"
    return period.isoformat()


@dataclass
class IndicatorChart:
    chart: str
    analysis: spc.Analysis
    svg: str
    sentences: list[tuple[str, str]]  # (which phase, what it shows)
    rows: list
    scale: float
    choices: list[tuple[str, str]]
    improving: bool | None


def chart_choices(indicator) -> list[tuple[str, str]]:
    return [("run", chart_name("run")), (indicator.control_chart, chart_name(indicator.control_chart))]


def _index_from(measurements, date) -> int:
    for index, m in enumerate(measurements):
        if m.period >= date:
            return index
    return len(measurements)


def analyse_indicator(indicator, measurements, changes, chart: str = "run"):
    """(analysis, phase starts, change marks, baseline range) or None when there is nothing to analyse."""
    measurements = sorted(measurements, key=lambda m: m.period)
    if not measurements:
        return None
    if indicator.has_denominator:
        values = [m.numerator for m in measurements]
        denominators = [m.denominator for m in measurements]
    else:
        values = [m.value for m in measurements]
        denominators = None
    count = len(measurements)
    changes = sorted(changes, key=lambda c: c.starts_on)
    phase_starts = sorted(
        {i for c in changes if c.new_phase for i in [_index_from(measurements, c.starts_on)] if 0 < i < count}
    )
    marks = [(_index_from(measurements, c.starts_on), c.label) for c in changes]
    marks = [(i, label) for i, label in marks if 0 < i < count]
    freeze = None
    first_phase = phase_starts[0] if phase_starts else count
    if indicator.frozen_baseline and indicator.frozen_baseline <= first_phase:
        freeze = indicator.frozen_baseline
    baseline = None
    if indicator.baseline_starts_on and indicator.baseline_ends_on:
        start = _index_from(measurements, indicator.baseline_starts_on)
        stop = sum(1 for m in measurements if m.period <= indicator.baseline_ends_on)
        if stop > start:
            baseline = (start, stop)
    elif freeze:
        baseline = (0, freeze)
    target = None if indicator.target is None else float(indicator.target) / indicator.scale
    try:
        analysis = spc.analyse(
            values,
            chart=chart,
            denominators=denominators,
            phase_starts=phase_starts,
            freeze=freeze,
            target=target,
            labels=[period_label(m.period, indicator.frequency) for m in measurements],
        )
    except spc.SpcInputError:
        return None
    return analysis, phase_starts, marks, baseline


def improving(indicator, analysis) -> bool | None:
    """Whether the latest long run of the last phase lies on the better side of its centre line
    (None when there is no such run)."""
    phase = analysis.phases[-1]
    points = [p for p in analysis.points[phase.start : phase.stop] if p.in_long_run and p.value is not None]
    if not points or phase.cl is None:
        return None
    lower = points[-1].value < phase.cl
    return lower == (indicator.direction == Direction.DOWN)


def has_signal(analysis) -> bool:
    return any(phase.runs_signal or phase.sigma_signal for phase in analysis.phases)


def indicator_chart(
    indicator, measurements, changes, chart: str = "run", chart_id: str = "chart"
) -> IndicatorChart | None:
    if chart not in dict(chart_choices(indicator)):
        chart = "run"
    result = analyse_indicator(indicator, measurements, changes, chart)
    if result is None:
        return None
    analysis, phase_starts, marks, baseline = result
    language = engine_language()
    scale = indicator.scale

    def show_number(value: float) -> str:
        """The centre line and the target in the sentence as on the axis: a proportion in per cent."""
        shown = value * scale
        return percent(shown) if indicator.kind == "proportion" else number(shown)

    sentences = []
    for phase in analysis.phases:
        if len(analysis.phases) == 1:
            which = ""
        else:
            first = analysis.points[phase.start].label
            which = _("Phase %(number)s (from %(period)s)") % {"number": phase.phase, "period": first}
        sentences.append((which, phase.explanation(language, show_number)))
    unit = indicator.unit or ""
    if indicator.kind == "proportion":
        unit = "%"
    elif indicator.kind == "rate":
        unit = _("per %(n)s") % {"n": indicator.per or 1}
    text = ChartText(
        title=f"{indicator.name} – {chart_name(chart)}",
        x_axis=_("Period"),
        y_axis=f"{indicator.name} ({unit})" if unit else indicator.name,
        median=_("Median"),
        centre=_("Centre line"),
        limits=_("Control limits"),
        target=_("Target"),
        baseline=_("Baseline"),
        signal=_("Signal"),
        point=_("Measurement"),
        description=" ".join(f"{which}: {sentence}" if which else sentence for which, sentence in sentences),
        decimal_comma=language != "en",
    )
    svg = render_svg(
        analysis,
        text,
        scale=scale,
        target=None if indicator.target is None else float(indicator.target),
        baseline=baseline,
        changes=marks,
        chart_id=chart_id,
    )
    return IndicatorChart(
        chart=chart,
        analysis=analysis,
        svg=svg,
        sentences=sentences,
        rows=table_rows(analysis, scale=scale),
        scale=scale,
        choices=chart_choices(indicator),
        improving=improving(indicator, analysis),
    )
