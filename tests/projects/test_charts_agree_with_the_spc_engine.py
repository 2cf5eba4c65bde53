"""The chart on the indicator page draws what the SPC engine computed, and says what it explained."""

import re
from types import SimpleNamespace

import pytest

from fremdrift import spc
from fremdrift.charts import ChartText, render_svg
from projects.conftest import LEAD

pytestmark = [pytest.mark.projects]

SHIFT = [11, 9, 12, 10, 13, 9, 11, 12, 10, 11, 12, 10, 14, 7, 6, 8, 5, 7, 6, 5, 6, 4, 6, 5]


def test_the_svg_marks_exactly_the_engines_signal_points_and_draws_its_centre():
    analysis = spc.analyse(SHIFT, labels=[str(i) for i in range(len(SHIFT))])
    svg = render_svg(analysis, ChartText(title="Fald", description="x"))
    marked = {int(i) for i in re.findall(r'class="point signal" data-index="(\d+)"', svg)}
    expected = {p.index for p in analysis.points if p.sigma_signal or p.in_long_run}
    assert expected and marked == expected
    centres = [float(v) for v in re.findall(r'class="centre" data-value="([^"]+)"', svg)]
    assert centres == [analysis.phases[0].cl]


def test_control_limits_and_phases_follow_the_engine():
    analysis = spc.analyse(SHIFT, chart="c", phase_starts=[13])
    svg = render_svg(analysis, ChartText(title="Fald"))
    centres = [float(v) for v in re.findall(r'class="centre" data-value="([^"]+)"', svg)]
    assert centres == [phase.cl for phase in analysis.phases]
    assert svg.count('class="limit ucl"') == 2
    assert svg.count('class="phase"') == 1


def test_the_svg_is_an_image_with_title_and_description():
    analysis = spc.analyse(SHIFT)
    svg = render_svg(analysis, ChartText(title="Fald pr. måned", description="Sætningen."), chart_id="c1")
    assert 'role="img"' in svg and 'aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">Fald pr. måned</title>' in svg
    assert '<desc id="c1-desc">Sætningen.</desc>' in svg


def test_the_indicator_page_shows_the_engines_sentence_and_the_data_table(client_for, falls_indicator):
    from fremdrift.measurement import charting

    page = client_for(LEAD).get(f"/measurement/indicators/{falls_indicator.pk}/", HTTP_ACCEPT_LANGUAGE="da")
    html = page.content.decode()
    values = [float(m.value) for m in falls_indicator.measurements.current().order_by("period")]
    analysis = spc.analyse(values, target=6.0)
    sentence = analysis.phases[0].explanation("da")
    assert analysis.phases[0].runs_signal  # the demo's shift after the new routine in March
    assert sentence.replace("(", "").split(":")[0] in html.replace("(", "")
    assert "<details" in html and "<summary>" in html and "<caption>" in html
    assert html.count('class="point signal"') == sum(
        1 for p in analysis.points if p.in_long_run or p.sigma_signal
    )
    # The same engine call through the app's own mapping.
    chart = charting.indicator_chart(falls_indicator, list(falls_indicator.measurements.current()), [])
    assert chart.analysis.phases[0].cl == analysis.phases[0].cl
    assert chart.improving is True


def test_a_proportion_is_a_p_chart_scaled_to_per_cent():
    from fremdrift.measurement import charting

    indicator = SimpleNamespace(
        has_denominator=True,
        kind="proportion",
        per=None,
        scale=100.0,
        target=None,
        unit="%",
        name="Til tiden",
        frozen_baseline=None,
        baseline_starts_on=None,
        baseline_ends_on=None,
        frequency="weekly",
        control_chart="p",
        direction="up",
    )
    import datetime

    rows = [
        SimpleNamespace(
            period=datetime.date(2026, 1, 5) + datetime.timedelta(days=7 * i),
            numerator=n,
            denominator=200,
            value=None,
        )
        for i, n in enumerate([150, 160, 155, 170, 165, 158, 190, 162])
    ]
    chart = charting.indicator_chart(indicator, rows, [], "p")
    engine = spc.analyse([r.numerator for r in rows], chart="p", denominators=[200] * 8)
    assert chart.chart == "p"
    assert chart.rows[0].centre == pytest.approx(engine.phases[0].cl * 100)
    assert [r.signal for r in chart.rows] == [p.sigma_signal or p.in_long_run for p in engine.points]
