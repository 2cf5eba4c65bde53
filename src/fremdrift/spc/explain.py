"""Plain-language explanations of a phase, in Danish, Swedish and English.

The package cannot use Django's translation machinery (it runs without Django), so it has its own
gettext domain: English source strings here, translations in locale/<language>/LC_MESSAGES/.
After changing a string, update both .po files and compile them with `msgfmt` (a test checks this).
Run charts speak of the median, control charts of the centre line: whole sentences are written out
for each, so that translators never have to fit a word into someone else's grammar.
"""

import gettext
from functools import cache
from pathlib import Path

import numpy as np

DOMAIN = "fremdrift_spc"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("da", "sv", "en")
SHORT_SERIES = 10  # below this many useful points the runs analysis can hardly detect anything


@cache
def translation(language: str) -> gettext.NullTranslations:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True)


def format_number(number: float, language: str) -> str:
    """Four significant digits, without exponent, with a decimal comma in Danish and Swedish."""
    text = np.format_float_positional(number, precision=4, unique=False, fractional=False, trim="-")
    return text if language == "en" else text.replace(".", ",")


def explain(summary, language: str, show_number=None) -> str:
    """Explain a PhaseSummary in `language`: one sentence per finding. `show_number(value)` writes
    the centre line and the target (the caller's units and format: 0.8 as "80 %" beside an axis in
    per cent); by default `format_number`."""
    show_number = show_number or (lambda number: format_number(number, language))
    catalogue = translation(language)
    sentences = [
        _baseline(summary, catalogue),
        _too_few_useful(summary, catalogue),
        _long_run(summary, catalogue),
        _crossings(summary, catalogue),
        _outside_limits(summary, catalogue),
        _no_signal(summary, catalogue),
        _target(summary, catalogue, show_number),
    ]
    return " ".join(sentence for sentence in sentences if sentence)


def _baseline(summary, catalogue) -> str | None:
    if summary.frozen is None:
        return None
    if summary.chart == "run":
        sentence = catalogue.ngettext(
            "The median is computed from the first point only (frozen baseline).",
            "The median is computed from the first {count} points (frozen baseline).",
            summary.frozen,
        )
    else:
        sentence = catalogue.ngettext(
            "The centre line and control limits are computed from the first point only (frozen baseline).",
            "The centre line and control limits are computed from the first {count} points (frozen baseline).",
            summary.frozen,
        )
    return sentence.format(count=summary.frozen)


def _too_few_useful(summary, catalogue) -> str | None:
    _ = catalogue.gettext
    if summary.chart == "mr":
        # As qicharts2: consecutive moving ranges share a point, so they are not tested for runs.
        return _("Moving ranges are not tested for runs.")
    if summary.n_useful == 0:
        if summary.chart == "run":
            return _("No useful points (all are missing or on the median): the runs analysis cannot be done.")
        return _(
            "No useful points (all are missing or on the centre line): the runs analysis cannot be done."
        )
    if summary.n_useful < SHORT_SERIES:
        sentence = catalogue.ngettext(
            "Only one useful point: the runs analysis cannot detect a shift.",
            "Only {count} useful points: the runs analysis has little power to detect a shift.",
            summary.n_useful,
        )
        return sentence.format(count=summary.n_useful)
    return None


def _long_run(summary, catalogue) -> str | None:
    if not summary.long_run_signal:
        return None
    _ = catalogue.gettext
    if summary.chart == "run":
        sentence = _(
            "The longest run ({run} points on the same side of the median) is longer than expected "
            "(at most {limit}): the process has probably shifted."
        )
    else:
        sentence = _(
            "The longest run ({run} points on the same side of the centre line) is longer than expected "
            "(at most {limit}): the process has probably shifted."
        )
    return sentence.format(run=summary.longest_run, limit=summary.longest_run_max)


def _crossings(summary, catalogue) -> str | None:
    if not summary.crossings_signal:
        return None
    if summary.chart == "run":
        sentence = catalogue.ngettext(
            "The curve crosses the median only once, fewer than expected (at least {minimum}): "
            "the process has probably shifted.",
            "The curve crosses the median {count} times, fewer than expected (at least {minimum}): "
            "the process has probably shifted.",
            summary.n_crossings,
        )
    else:
        sentence = catalogue.ngettext(
            "The curve crosses the centre line only once, fewer than expected (at least {minimum}): "
            "the process has probably shifted.",
            "The curve crosses the centre line {count} times, fewer than expected (at least {minimum}): "
            "the process has probably shifted.",
            summary.n_crossings,
        )
    return sentence.format(count=summary.n_crossings, minimum=summary.n_crossings_min)


def _outside_limits(summary, catalogue) -> str | None:
    if not summary.sigma_signal:
        return None
    sentence = catalogue.ngettext(
        "One point is outside the control limits: a sign of special cause variation.",
        "{count} points are outside the control limits: a sign of special cause variation.",
        summary.sigma_signal,
    )
    return sentence.format(count=summary.sigma_signal)


def _no_signal(summary, catalogue) -> str | None:
    runs_done = summary.n_useful > 0 or summary.chart == "mr"
    if summary.runs_signal or summary.sigma_signal or not runs_done:
        return None
    return catalogue.gettext("No signal: the variation looks random (common cause).")


def _target(summary, catalogue, show_number) -> str | None:
    if summary.target is None or summary.cl is None:
        return None
    _ = catalogue.gettext
    on_median = summary.chart == "run"
    if summary.cl > summary.target:
        if on_median:
            sentence = _("The median ({centre}) is above the target ({target}).")
        else:
            sentence = _("The centre line ({centre}) is above the target ({target}).")
    elif summary.cl < summary.target:
        if on_median:
            sentence = _("The median ({centre}) is below the target ({target}).")
        else:
            sentence = _("The centre line ({centre}) is below the target ({target}).")
    elif on_median:
        sentence = _("The median ({centre}) is on the target ({target}).")
    else:
        sentence = _("The centre line ({centre}) is on the target ({target}).")
    return sentence.format(centre=show_number(summary.cl), target=show_number(summary.target))
