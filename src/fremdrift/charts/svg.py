"""One `spc.Analysis` → one SVG string with a title, a description, axes, lines and marked signals.

Everything the engine computed is drawn as it is: the plotted values, each phase's centre line
(the median on a run chart), the control limits point by point, and the points it marks as
signals. A signal point differs from the others by shape (a diamond) and by colour, so it is
seen without colour vision. `scale` multiplies every number shown (100 for a proportion shown in
per cent), and never changes which points are signals.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 760, 380
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 40, 96

COLOURS = {
    "data": "#1f4e79",
    "signal": "#b3261e",
    "centre": "#333333",
    "limit": "#6b6b6b",
    "target": "#1b6e20",
    "baseline": "#e8eef5",
    "phase": "#555555",
    "grid": "#dddddd",
}


@dataclass(frozen=True)
class ChartText:
    """The words on a chart, already in the reader's language."""

    title: str
    x_axis: str = "Period"
    y_axis: str = "Value"
    median: str = "Median"
    centre: str = "Centre line"
    limits: str = "Control limits"
    target: str = "Target"
    baseline: str = "Baseline"
    signal: str = "Signal (outside the limits or part of a long run)"
    point: str = "Measurement"
    description: str = ""
    decimal_comma: bool = True


@dataclass(frozen=True)
class Row:
    """One point as the data table shows it, in the chart's scale."""

    index: int
    label: str
    value: float | None
    centre: float | None
    lcl: float | None
    ucl: float | None
    phase: int
    baseline: bool
    signal: bool


def is_signal(point) -> bool:
    return bool(point.sigma_signal or point.in_long_run)


def _scaled(number, scale):
    return None if number is None else number * scale


def table_rows(analysis, *, scale: float = 1.0) -> list[Row]:
    return [
        Row(
            index=p.index,
            label="" if p.label is None else str(p.label),
            value=_scaled(p.value, scale),
            centre=_scaled(p.centre, scale),
            lcl=_scaled(p.lcl, scale),
            ucl=_scaled(p.ucl, scale),
            phase=p.phase,
            baseline=p.baseline,
            signal=is_signal(p),
        )
        for p in analysis.points
    ]


def format_number(number: float, decimal_comma: bool) -> str:
    if number is None:
        return ""
    if abs(number) >= 100 or float(number).is_integer():
        text = f"{number:.0f}" if float(number).is_integer() else f"{number:.1f}"
    elif abs(number) >= 10:
        text = f"{number:.1f}"
    else:
        text = f"{number:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if decimal_comma else text


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = min((m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw), default=raw)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _limit_values(point, scale):
    return [_scaled(v, scale) for v in (point.lcl, point.ucl) if v is not None]


def render_svg(
    analysis,
    text: ChartText,
    *,
    scale: float = 1.0,
    target: float | None = None,
    baseline: tuple[int, int] | None = None,
    changes: Sequence[tuple[int, str]] = (),
    chart_id: str = "chart",
) -> str:
    """The chart as an SVG element. `target` is in the chart's scale; `baseline` is the (start,
    stop) index range of the baseline period, shaded and labelled; `changes` are (index of the
    first point after the change, label) pairs, drawn as labelled vertical lines ("new routine")."""
    points = analysis.points
    count = len(points)
    plotted = [_scaled(p.value, scale) for p in points]
    numbers = [v for v in plotted if v is not None]
    numbers += [_scaled(p.centre, scale) for p in points if p.centre is not None]
    for p in points:
        numbers += _limit_values(p, scale)
    if target is not None:
        numbers.append(target)
    low, high = (min(numbers), max(numbers)) if numbers else (0.0, 1.0)
    pad = (high - low) * 0.08 or max(abs(high) * 0.1, 1.0)
    low, high = low - pad, high + pad
    if min(numbers, default=0) >= 0 and low < 0:
        low = 0.0
    ticks = _nice_ticks(low, high)
    low, high = min(low, ticks[0]), max(high, ticks[-1])

    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(index: float) -> float:
        return LEFT + (plot_w * (index + 0.5) / count if count else 0)

    def y(value: float) -> float:
        return TOP + plot_h * (1 - (value - low) / (high - low))

    def num(value: float) -> str:
        return format_number(value, text.decimal_comma)

    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="spc-chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{title_id} {desc_id}" data-chart="{escape(analysis.chart)}" '
        f'font-family="system-ui, sans-serif" font-size="12">',
        f'<title id="{title_id}">{escape(text.title)}</title>',
        f'<desc id="{desc_id}">{escape(text.description)}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="22" font-size="15" font-weight="600" fill="#111111">{escape(text.title)}</text>',
    ]
    # The baseline period, shaded.
    if baseline is not None and count:
        start, stop = baseline
        if stop > start:
            x0, x1 = x(start - 0.5), x(stop - 0.5)
            out.append(
                f'<rect class="baseline" x="{x0:.1f}" y="{TOP}" width="{x1 - x0:.1f}" height="{plot_h}" '
                f'fill="{COLOURS["baseline"]}"/>'
            )
            out.append(f'<text x="{x0 + 4:.1f}" y="{TOP + 14}" fill="#333333">{escape(text.baseline)}</text>')
    # Grid and y axis.
    for tick in ticks:
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="{COLOURS["grid"]}"/>'
        )
        out.append(
            f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="#333333">{num(tick)}</text>'
        )
    out.append(f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{TOP + plot_h}" stroke="#333333"/>')
    out.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="#333333"/>'
    )
    out.append(
        f'<text class="axis-label" transform="translate(16 {TOP + plot_h / 2:.1f}) rotate(-90)" '
        f'text-anchor="middle" fill="#111111">{escape(text.y_axis)}</text>'
    )
    out.append(
        f'<text class="axis-label" x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 8}" text-anchor="middle" '
        f'fill="#111111">{escape(text.x_axis)}</text>'
    )
    # x labels: at most about 12, rotated.
    step = max(1, math.ceil(count / 12))
    for p in points[::step]:
        label = "" if p.label is None else str(p.label)
        out.append(
            f'<text x="{x(p.index):.1f}" y="{TOP + plot_h + 14}" text-anchor="end" fill="#333333" '
            f'transform="rotate(-40 {x(p.index):.1f} {TOP + plot_h + 14})">{escape(label)}</text>'
        )
    # Phases: a vertical line where each later phase starts, and each phase's label.
    for phase in analysis.phases:
        if phase.phase > 1:
            px = x(phase.start - 0.5)
            out.append(
                f'<line class="phase" x1="{px:.1f}" x2="{px:.1f}" y1="{TOP}" y2="{TOP + plot_h}" '
                f'stroke="{COLOURS["phase"]}" stroke-dasharray="2 3"/>'
            )
        # Centre line (median on a run chart) over the phase.
        if phase.cl is not None:
            cy = y(phase.cl * scale)
            out.append(
                f'<line class="centre" data-value="{phase.cl * scale!r}" x1="{x(phase.start - 0.5):.1f}" '
                f'x2="{x(phase.stop - 0.5):.1f}" y1="{cy:.1f}" y2="{cy:.1f}" stroke="{COLOURS["centre"]}" '
                f'stroke-width="1.5"/>'
            )
        # Limits, point by point (they vary with the denominator on P and U charts).
        for side in ("lcl", "ucl"):
            segment = []
            for p in points[phase.start : phase.stop]:
                value = getattr(p, side)
                if value is None:
                    continue
                vy = y(value * scale)
                segment.append(f"{x(p.index - 0.5):.1f},{vy:.1f} {x(p.index + 0.5):.1f},{vy:.1f}")
            if segment:
                out.append(
                    f'<polyline class="limit {side}" points="{" ".join(segment)}" fill="none" '
                    f'stroke="{COLOURS["limit"]}" stroke-dasharray="6 4"/>'
                )
    for number, (index, label) in enumerate(changes):
        if not 0 <= index <= count:
            continue
        cx = x(index - 0.5)
        out.append(
            f'<line class="change" x1="{cx:.1f}" x2="{cx:.1f}" y1="{TOP}" y2="{TOP + plot_h}" '
            f'stroke="{COLOURS["phase"]}" stroke-width="1.5"/>'
        )
        out.append(
            f'<text class="change-label" x="{cx + 4:.1f}" y="{TOP + 14 + 14 * (number % 3)}" fill="#111111">'
            f"{escape(label)}</text>"
        )
    if target is not None:
        ty = y(target)
        out.append(
            f'<line class="target" data-value="{target!r}" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" '
            f'y2="{ty:.1f}" stroke="{COLOURS["target"]}" stroke-width="1.5" stroke-dasharray="1 3"/>'
        )
        out.append(
            f'<text x="{WIDTH - RIGHT - 4}" y="{ty - 4:.1f}" text-anchor="end" fill="{COLOURS["target"]}">'
            f"{escape(text.target)} {num(target)}</text>"
        )
    # The data line, broken where a value is missing.
    segments, current = [], []
    for p, value in zip(points, plotted, strict=True):
        if value is None:
            if current:
                segments.append(current)
            current = []
            continue
        current.append(f"{x(p.index):.1f},{y(value):.1f}")
    if current:
        segments.append(current)
    for segment in segments:
        out.append(
            f'<polyline class="data" points="{" ".join(segment)}" fill="none" stroke="{COLOURS["data"]}" '
            f'stroke-width="1.5"/>'
        )
    for p, value in zip(points, plotted, strict=True):
        if value is None:
            continue
        cx, cy = x(p.index), y(value)
        tip = f"{p.label if p.label is not None else p.index + 1}: {num(value)}"
        if is_signal(p):
            out.append(
                f'<path class="point signal" data-index="{p.index}" d="M{cx:.1f},{cy - 6:.1f} L{cx + 6:.1f},{cy:.1f} '
                f'L{cx:.1f},{cy + 6:.1f} L{cx - 6:.1f},{cy:.1f} Z" fill="{COLOURS["signal"]}" '
                f'stroke="#ffffff"><title>{escape(tip)}</title></path>'
            )
        else:
            out.append(
                f'<circle class="point" data-index="{p.index}" cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" '
                f'fill="{COLOURS["data"]}"><title>{escape(tip)}</title></circle>'
            )
    # Legend.
    ly = HEIGHT - 30
    items = [
        ("circle", COLOURS["data"], text.point),
        ("diamond", COLOURS["signal"], text.signal),
        ("line", COLOURS["centre"], text.median if analysis.chart == "run" else text.centre),
    ]
    if analysis.chart != "run":
        items.append(("dashed", COLOURS["limit"], text.limits))
    if target is not None:
        items.append(("dotted", COLOURS["target"], text.target))
    lx = LEFT
    out.append('<g class="legend">')
    for shape, colour, label in items:
        if shape == "circle":
            out.append(f'<circle cx="{lx + 6}" cy="{ly}" r="3.5" fill="{colour}"/>')
        elif shape == "diamond":
            out.append(
                f'<path d="M{lx + 6},{ly - 6} L{lx + 12},{ly} L{lx + 6},{ly + 6} L{lx},{ly} Z" fill="{colour}"/>'
            )
        else:
            dash = {"line": "", "dashed": ' stroke-dasharray="6 4"', "dotted": ' stroke-dasharray="1 3"'}[
                shape
            ]
            out.append(
                f'<line x1="{lx}" x2="{lx + 16}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="2"{dash}/>'
            )
        out.append(f'<text x="{lx + 20}" y="{ly + 4}" fill="#111111">{escape(label)}</text>')
        lx += 40 + int(len(label) * 6.8)
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
