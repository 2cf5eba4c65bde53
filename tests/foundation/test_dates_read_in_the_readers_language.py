"""Dates read as the reader's language writes them: "31. oktober 2025" and "31.10.2025" in Danish,
"31 oktober 2025" and "2025-10-31" in Swedish, "31 Oct 2025" and "31/10/2025" in English.

Templates name a format ("DATE_FORMAT", "SHORT_DATE_FORMAT" …) and the active language's formats
(Django's, or `fremdrift/formats`) fill it in; a format written out ("j. M Y") is one language's.
"""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from fremdrift.core.demo import PLATFORM_ADMIN
from fremdrift.ideas.models import Idea
from fremdrift.projects.models import Project

pytestmark = [pytest.mark.foundation]

SOURCE = Path(__file__).resolve().parents[2] / "src" / "fremdrift"
# The named formats, and those that read alike in every language (ISO 8601, for machines).
NAMED_OR_ISO = {
    "DATE_FORMAT",
    "SHORT_DATE_FORMAT",
    "DATETIME_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "MONTH_DAY_FORMAT",
    "YEAR_MONTH_FORMAT",
    "TIME_FORMAT",
    "c",
    "Y-m-d",
}
# The printed project report is reworked with the accessible PDFs; its dates go with that work.
WRITTEN_FORMAT = re.compile(r"""\|date:["']([^"']*)["']|{%\s*now\s+["']([^"']*)["']""")

LANGUAGES = [
    ("da", "31. oktober 2025", "31.10.2025"),
    ("sv", "31 oktober 2025", "2025-10-31"),
    ("en", "31 Oct 2025", "31/10/2025"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "long_date", "short_date"), LANGUAGES)
def test_pages_show_dates_in_the_readers_language(client_for, world, language, long_date, short_date):
    project = Project.objects.exclude(starts_on=None).first()
    Project.objects.filter(pk=project.pk).update(starts_on=dt.date(2025, 10, 31))
    idea = Idea.objects.exclude(status="awaiting_approval").first()
    noon = timezone.make_aware(dt.datetime(2025, 10, 31, 12))
    Idea.objects.filter(pk=idea.pk).update(created_at=noon)
    reader = world.users[PLATFORM_ADMIN[0]]
    type(reader).objects.filter(pk=reader.pk).update(language=language)
    client = client_for(reader.email)

    project_page = client.get(reverse("projects:detail", args=[project.pk]))
    idea_page = client.get(reverse("ideas:detail", args=[idea.pk]))

    assert long_date in project_page.content.decode()
    assert short_date in idea_page.content.decode()


def test_templates_name_a_date_format_rather_than_write_one():
    written = []
    for template in SOURCE.glob("**/templates/**/*.*"):
        name = template.as_posix().split("/templates/", 1)[1]
        for match in WRITTEN_FORMAT.finditer(template.read_text()):
            format_ = match.group(1) if match.group(1) is not None else match.group(2)
            if format_ not in NAMED_OR_ISO:
                written.append(f"{name}: {match.group(0)}")
    assert not written, "\n".join(written)
