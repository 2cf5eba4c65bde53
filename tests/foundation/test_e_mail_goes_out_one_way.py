"""Every e-mail goes out through `fremdrift.core.mail`, so each carries its link, both parts, the
installation's sender and Message-ID and the headers that keep auto-replies away."""

import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.foundation]

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "fremdrift"
DJANGO_MAIL = re.compile(
    r"^\s*(from django\.core\.mail import|from django\.core import mail\b|import django\.core\.mail)", re.M
)


def test_only_core_mail_imports_djangos_mail():
    users = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if DJANGO_MAIL.search(path.read_text(encoding="utf-8"))
    )
    assert users == ["core/mail.py"]
