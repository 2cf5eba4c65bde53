"""Explanations in Danish, Swedish and English, and the translation catalogues behind them."""

import ast
import gettext
import re
import string
from pathlib import Path

import pytest

import fremdrift.spc.explain as explain_module
from fremdrift.spc import analyse

pytestmark = pytest.mark.spc

LOCALE = Path(explain_module.__file__).parent / "locale"
TRANSLATED = ("da", "sv")


def test_a_shift_is_explained_in_plain_english():
    phase = analyse([1, 2] * 6 + [8, 9] * 6, chart="run").phases[0]
    assert phase.explanation("en") == (
        "The longest run (12 points on the same side of the median) is longer than expected (at most 8): "
        "the process has probably shifted. The curve crosses the median only once, fewer than expected "
        "(at least 8): the process has probably shifted."
    )


def test_random_variation_is_no_signal():
    phase = analyse([3, 5, 2, 8, 4, 7, 1, 9, 5, 6, 4, 6], chart="i").phases[0]
    assert phase.explanation("en") == "No signal: the variation looks random (common cause)."
    assert (
        phase.explanation("da") == "Intet signal: variationen ser tilfældig ud (almindelig årsagsvariation)."
    )
    assert phase.explanation("sv") == "Ingen signal: variationen ser slumpmässig ut (vanliga orsaker)."


def test_points_outside_the_limits_baseline_and_target_are_explained():
    phase = analyse([10, 12, 11, 13, 9, 11, 20, 21, 22, 11, 10, 12], chart="i", freeze=6, target=10.5).phases[
        0
    ]
    english = phase.explanation("en")
    assert english.startswith("The centre line and control limits are computed from the first 6 points")
    assert "3 points are outside the control limits" in english
    assert english.endswith("The centre line (11) is above the target (10.5).")
    danish = phase.explanation("da")
    assert "3 punkter ligger uden for kontrolgrænserne" in danish
    assert danish.endswith("Centerlinjen (11) ligger over målet (10,5).")
    assert "3 punkter ligger utanför styrgränserna" in phase.explanation("sv")


def test_short_series_and_moving_ranges_say_what_the_runs_analysis_can_do():
    short = analyse([1, 3, 2, 5]).phases[0]
    assert short.explanation("en").startswith("Only 4 useful points: the runs analysis has little power")
    moving_ranges = analyse([1, 3, 2, 5, 4], chart="mr").phases[0]
    assert moving_ranges.explanation("sv").startswith("Glidande variationsvidder prövas inte för serier.")


def test_unknown_language_is_refused():
    phase = analyse([1, 2, 3]).phases[0]
    with pytest.raises(ValueError, match="unknown language 'de'"):
        phase.explanation("de")


@pytest.mark.parametrize(
    ("number", "language", "text"),
    [(0.123456, "en", "0.1235"), (1234567.0, "da", "1235000"), (2.5, "sv", "2,5")],
)
def test_numbers_are_written_for_the_reader(number, language, text):
    assert explain_module.format_number(number, language) == text


def source_messages() -> set[tuple[str, str | None]]:
    """Every (msgid, msgid_plural) marked in explain.py, found as xgettext would."""
    tree = ast.parse(Path(explain_module.__file__).read_text())
    messages = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            if name in ("_", "gettext"):
                messages.add((node.args[0].value, None))
            elif name == "ngettext":
                messages.add((node.args[0].value, node.args[1].value))
    return messages


def read_po(path: Path) -> list[dict]:
    """The entries of a .po file: msgid, msgid_plural, msgstr (a list) and flags."""
    entries, entry, field = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#,"):
            flags = {flag.strip() for flag in line[2:].split(",")}
            entry = {"flags": flags, "msgstr": {}}
            entries.append(entry)
            continue
        if not line.strip() or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword.startswith('"'):
            text = ast.literal_eval(line)
        else:
            text = ast.literal_eval(rest)
            if keyword == "msgid" and (entry is None or "msgid" in entry):
                entry = {"flags": set(), "msgstr": {}}
                entries.append(entry)
            field = keyword
        match = re.fullmatch(r"msgstr\[(\d)\]", field)
        if match:
            entry["msgstr"][int(match[1])] = entry["msgstr"].get(int(match[1]), "") + text
        elif field == "msgstr":
            entry["msgstr"][0] = entry["msgstr"].get(0, "") + text
        else:
            entry[field] = entry.get(field, "") + text
    return entries


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated(language):
    entries = read_po(LOCALE / language / "LC_MESSAGES" / "fremdrift_spc.po")
    header, *messages = entries
    assert header["msgid"] == "" and "Plural-Forms: nplurals=2; plural=(n != 1);" in header["msgstr"][0]
    assert {(entry["msgid"], entry.get("msgid_plural")) for entry in messages} == source_messages()
    for entry in messages:
        assert "fuzzy" not in entry["flags"], entry["msgid"]
        forms = 2 if "msgid_plural" in entry else 1
        assert sorted(entry["msgstr"]) == list(range(forms)), entry["msgid"]
        for number, translation in entry["msgstr"].items():
            assert translation.strip(), entry["msgid"]
            source = entry["msgid_plural"] if number else entry["msgid"]
            # A singular may say "one" instead of {count}; every other placeholder must survive.
            assert placeholders(translation) == placeholders(source), (entry["msgid"], translation)


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogues_are_up_to_date(language):
    folder = LOCALE / language / "LC_MESSAGES"
    with open(folder / "fremdrift_spc.mo", "rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)._catalog
    expected = {}
    for entry in read_po(folder / "fremdrift_spc.po"):
        if "msgid_plural" in entry:
            expected.update({(entry["msgid"], number): text for number, text in entry["msgstr"].items()})
        else:
            expected[entry["msgid"]] = entry["msgstr"][0]
    assert catalogue == expected, "run msgfmt on the .po files (see explain.py)"
