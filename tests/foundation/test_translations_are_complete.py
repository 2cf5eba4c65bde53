"""Danish is the default and Swedish and English are complete: every string has a translation."""

import gettext
import re
import subprocess
from pathlib import Path

import pytest

pytestmark = [pytest.mark.foundation]

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "fremdrift"
LOCALE = PACKAGE / "locale"
# Packages with their own catalogue (fremdrift_spc) or no user-facing text.
OWN_DOMAINS = {"spc", "importers", "charts", "textsearch", "migrations"}
TEMPLATE_STRING = re.compile(r"""{%\s*translate\s+(["'])(.+?)\1""")
PYTHON_STRING = re.compile(r"""\b(?:_|gettext|gettext_lazy|pgettext)\(\s*(["'])((?:(?!\1).)+)\1\s*[,)]""")


@pytest.mark.parametrize("language", ["da", "sv"])
def test_every_message_is_translated_and_compiled(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr
    assert po.with_suffix(".mo").stat().st_mtime >= po.stat().st_mtime - 1, "run: fremdrift compilemessages"


def marked_strings():
    for path in PACKAGE.rglob("*"):
        if OWN_DOMAINS & set(path.relative_to(PACKAGE).parts) or path.suffix not in {".py", ".html", ".txt"}:
            continue
        text = path.read_text(encoding="utf-8")
        pattern = PYTHON_STRING if path.suffix == ".py" else TEMPLATE_STRING
        for match in pattern.finditer(text):
            yield path.relative_to(PACKAGE), match.group(2)


@pytest.mark.parametrize("language", ["da", "sv"])
def test_no_marked_string_is_missing_from_the_catalogue(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as mo:
        catalogue = gettext.GNUTranslations(mo)._catalog
    known = {key if isinstance(key, str) else key[0] for key in catalogue}
    missing = sorted({f"{path}: {text}" for path, text in marked_strings() if text not in known})
    assert not missing, "\n".join(missing[:20])
