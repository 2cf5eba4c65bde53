"""Sundhedsstyrelsen's national pool: 30 projects, 7 themes, 5 clusters, knowledge posts."""

import re
from collections import Counter

import pytest

pytestmark = pytest.mark.library


@pytest.fixture(scope="module")
def document(parsed):
    return parsed("national_pool")


def test_the_pool_facts(document):
    pool = document.pool
    assert pool.name == "Styrket omsorg og naerveer i aeldreplejen"  # as the OCR reads it
    assert pool.owner == "Sundhedsstyrelsen"
    assert pool.total_amount_dkk == 245_000_000
    assert pool.yearly_amount_dkk == 122_500_000
    assert pool.minimum_grant_dkk == 5_000_000
    assert pool.rounds == 1
    assert pool.years == (2020, 2021)
    assert pool.ends == "ultimo september 2022"


def test_seven_themes_in_order(document):
    assert [t.number for t in document.themes] == list(range(1, 8))
    assert document.themes[1].title == "Digitale lesninger"
    assert document.themes[0].title.startswith("Buurtzorg-modellen - fokus")
    assert all(t.intro for t in document.themes)


def test_five_clusters_made_of_themes(document):
    clusters = {c.number: c.theme_numbers for c in document.clusters}
    assert clusters == {1: (1,), 2: (2,), 3: (3, 4), 4: (5, 6), 5: (7,)}


def test_thirty_projects_with_municipality_title_theme_and_cluster(document):
    projects = {p.number: p for p in document.projects}
    assert sorted(projects) == list(range(1, 31))
    assert (projects[1].municipality, projects[1].title) == (
        "Billund Kommune",
        "Dokumentation og velfaerdsteknologi til gavn for borgerne - pa borgernes praamisser",
    )
    assert projects[17].title == "Tryghed i eget hjem"
    assert projects[17].municipality.startswith("Kebenhavns Kommune sammen med Aarhus Kommune")
    assert projects[30].title.endswith("naerveerende moder og samtaler")  # from the right column
    assert projects[13].title.endswith("i Jammerbugt Kommune")  # the left column's share
    assert all(p.title and p.theme_number and p.cluster_number for p in projects.values())
    assert all(p.url.startswith("https://www.sst.dk/") for p in projects.values())
    clusters = {c.number: c.theme_numbers for c in document.clusters}
    assert all(p.theme_number in clusters[p.cluster_number] for p in projects.values())


def test_projects_per_theme_match_the_theme_pages(document):
    per_theme = Counter(p.theme_number for p in document.projects)
    assert per_theme == {1: 7, 2: 5, 3: 3, 4: 2, 5: 4, 6: 5, 7: 4}
    copenhagen = {p.number: p.theme_number for p in document.projects if p.number in (17, 18, 19)}
    assert copenhagen == {17: 2, 18: 1, 19: 4}


def test_every_theme_has_insights_questions_and_advice(document):
    kinds = Counter((k.theme_number, k.kind) for k in document.knowledge_posts)
    for theme in range(1, 8):
        for kind in ("insight", "question", "advice"):
            assert kinds[theme, kind] >= 1, (theme, kind)
    assert {k.kind for k in document.knowledge_posts} == {"insight", "question", "advice"}


def test_a_clean_theme_page_is_read_exactly(document):
    posts = [k for k in document.knowledge_posts if k.theme_number == 2]
    assert Counter(k.kind for k in posts) == {"insight": 3, "question": 3, "advice": 3}
    assert [k.title for k in posts if k.kind == "advice"][0] == "Inddrag slutbrugerne fra start til slut"
    assert all(k.text.endswith("?") for k in posts if k.kind == "question")


def test_no_page_numbers_or_empty_posts(document):
    for post in document.knowledge_posts:
        assert post.text or post.title
        assert not re.search(r"\bSide \d+", post.text + post.title)


def test_interleaved_pages_are_reported(document):
    reported = [w for w in document.warnings if "two-column" in w]
    assert len(reported) == 5
