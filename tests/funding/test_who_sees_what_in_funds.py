"""For every fund page and every role: the answer they get, the refusals included.

An applicant sees their own applications and decisions, never others' or any review; the
applicant unit's own organisation sees its application, also in another organisation's national
pool; another municipality gets 404."""

import pytest
from django.urls import reverse

from fremdrift.funding.models import Application, Fund, Round
from funding.people import (
    ADMIN,
    BOARD,
    INNOVATION,
    LEAD,
    OTHER_ADMIN,
    OTHER_LEAD,
    PLATFORM,
    POOL_BOARD,
    POOL_UNIT,
    QUALITY,
    REVIEWER,
    REVIEWER2,
    STAFF,
)

pytestmark = [pytest.mark.funding]

ROLES = {
    "anon": None,
    "staff": STAFF,
    "lead": LEAD,
    "reviewer": REVIEWER,
    "reviewer2": REVIEWER2,
    "innovation": INNOVATION,
    "board": BOARD,
    "quality": QUALITY,
    "admin": ADMIN,
    "other_lead": OTHER_LEAD,
    "other_admin": OTHER_ADMIN,
    "pool_unit": POOL_UNIT,
    "pool_board": POOL_BOARD,
    "platform": PLATFORM,
}


def expect(default, **overrides):
    return {name: overrides.get(name, default) for name in ROLES}


def fund_url(name="Innovationspuljen", page="fund", *extra):
    return reverse(f"funding:{page}", args=[Fund.objects.get(name=name).pk, *extra])


def pool_url(page="fund", *extra):
    return reverse(f"funding:{page}", args=[Fund.objects.get(kind="national_pool").pk, *extra])


def app_url(title, page="application"):
    return reverse(f"funding:{page}", args=[Application.objects.get(title=title).pk])


def round_url(name, page="round"):
    return reverse(f"funding:{page}", args=[Round.objects.get(name=name).pk])


NIGHT = "Rolige nætter med sensorbaseret tilsyn"  # Lindely, granted by the board
LIFTS = "Forflytningsvejledninger på video"  # Lindely, in review: one review submitted, one not
DRAFT = "Væskeskema på tablet i aftenteamet"  # Aftenteam Nord, a draft by the staff member
POOL_NORD = "Selvstyrende teams i Hjemmepleje Nord"  # Nordfjord unit in the national pool
POOL_VEST = "Pårørendeaftaler i Område Vest"  # Sølund unit in the national pool

NORDFJORD_ONLY = {"other_lead": 404, "other_admin": 404, "pool_unit": 404, "pool_board": 404}

PAGES = [
    ("fund list", lambda: reverse("funding:list"), expect(200, anon=302)),
    ("application list", lambda: reverse("funding:applications"), expect(200, anon=302)),
    ("municipal fund", lambda: fund_url(), expect(200, anon=302, **NORDFJORD_ONLY)),
    ("national pool", lambda: pool_url(), expect(200, anon=302)),
    ("calendar", lambda: fund_url("Innovationspuljen", "calendar"), expect(200, anon=302, **NORDFJORD_ONLY)),
    ("the pool's public calendar", lambda: pool_url("calendar"), expect(200)),
    (
        "granted list",
        lambda: fund_url("Innovationspuljen", "granted"),
        expect(200, anon=302, **NORDFJORD_ONLY),
    ),
    (
        "new round",
        lambda: fund_url("Innovationspuljen", "round_create"),
        expect(403, anon=302, innovation=200, platform=200, **NORDFJORD_ONLY),
    ),
    (
        "apply",
        lambda: fund_url("Innovationspuljen", "apply"),
        expect(403, anon=302, staff=200, lead=200, platform=200, **NORDFJORD_ONLY),
    ),
    (
        "apply to the pool",
        lambda: pool_url("apply"),
        expect(403, anon=302, staff=200, lead=200, other_lead=200, platform=200),
    ),
    (
        "round",
        lambda: round_url("Forår 2026"),
        expect(
            403,
            anon=302,
            reviewer=200,
            reviewer2=200,
            innovation=200,
            board=200,
            platform=200,
            **NORDFJORD_ONLY,
        ),
    ),
    (
        "meeting list",
        lambda: round_url("Forår 2026", "meeting"),
        expect(403, anon=302, board=200, platform=200, **NORDFJORD_ONLY),
    ),
    (
        "ledger export",
        lambda: fund_url("Innovationspuljen", "export_ledger", "csv"),
        expect(403, anon=302, innovation=200, board=200, platform=200, **NORDFJORD_ONLY),
    ),
    (
        "applications export",
        lambda: fund_url("Innovationspuljen", "export_applications", "xlsx"),
        expect(
            403,
            anon=302,
            reviewer=200,
            reviewer2=200,
            innovation=200,
            board=200,
            platform=200,
            **NORDFJORD_ONLY,
        ),
    ),
    (
        "granted application",
        lambda: app_url(NIGHT),
        expect(
            404,
            anon=302,
            lead=200,
            reviewer=200,
            reviewer2=200,
            innovation=200,
            board=200,
            admin=200,
            platform=200,
        ),
    ),
    (
        "a draft",
        lambda: app_url(DRAFT),
        expect(404, anon=302, staff=200, innovation=200, board=200, admin=200, platform=200),
    ),
    (
        "editing a draft",
        lambda: app_url(DRAFT, "application_edit"),
        expect(404, anon=302, staff=200, innovation=403, board=403, admin=403, platform=200),
    ),
    (
        "the pool application of a Nordfjord unit",
        lambda: app_url(POOL_NORD),
        expect(
            404,
            anon=302,
            staff=200,
            innovation=200,
            board=200,
            admin=200,
            pool_unit=200,
            pool_board=200,
            platform=200,
        ),
    ),
    (
        "the pool application of a Sølund unit",
        lambda: app_url(POOL_VEST),
        expect(404, anon=302, other_lead=200, other_admin=200, pool_unit=200, pool_board=200, platform=200),
    ),
    (
        "deciding a Nordfjord application",
        lambda: app_url(LIFTS, "decide"),
        expect(
            404,
            anon=302,
            lead=403,
            reviewer=403,
            reviewer2=403,
            innovation=403,
            board=200,
            admin=403,
            platform=200,
        ),
    ),
    (
        "recommending",
        lambda: app_url(LIFTS, "recommend"),
        expect(
            404,
            anon=302,
            lead=403,
            reviewer=403,
            reviewer2=403,
            innovation=200,
            board=403,
            admin=403,
            platform=200,
        ),
    ),
    (
        "reviewing",
        lambda: app_url(LIFTS, "review"),
        expect(
            404,
            anon=302,
            lead=403,
            reviewer=200,
            reviewer2=200,
            innovation=403,
            board=403,
            admin=403,
            platform=403,
        ),
    ),
    (
        "deciding in another organisation's pool",
        lambda: app_url(POOL_NORD, "decide"),
        expect(
            404,
            anon=302,
            staff=403,
            innovation=403,
            board=403,
            admin=403,
            pool_unit=403,
            pool_board=200,
            platform=200,
        ),
    ),
]


@pytest.mark.parametrize(("page", "url", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_each_role_gets_the_expected_answer(client, world, page, url, expected):
    answers = {}
    for role, email in ROLES.items():
        client.logout()
        if email:
            client.force_login(world.users[email])
        answers[role] = client.get(url()).status_code
    assert answers == expected, page


def test_the_applicant_reads_the_decision_and_reasons_but_no_review(client_for, world):
    page = client_for(LEAD).get(app_url(NIGHT)).content.decode()
    assert "Direktionen følger indstillingen" in page
    assert "Klart beskrevet udfordring" not in page  # a reviewer's comment
    assert "God plan for evaluering" not in page


def test_the_board_reads_submitted_reviews(client_for, world):
    page = client_for(BOARD).get(app_url(NIGHT)).content.decode()
    assert "Klart beskrevet udfordring" in page


def test_a_reviewer_does_not_read_a_review_before_submitting_their_own(client_for, world):
    page = client_for(REVIEWER2).get(app_url(LIFTS)).content.decode()
    assert "Stærk på personale" not in page
    page = client_for(REVIEWER).get(app_url(LIFTS)).content.decode()
    assert "Stærk på personale" in page


def test_another_organisations_applicant_cannot_list_others_applications(client_for, world):
    page = client_for(OTHER_LEAD).get(reverse("funding:applications")).content.decode()
    assert POOL_VEST in page
    assert POOL_NORD not in page and NIGHT not in page


def test_a_board_member_of_another_municipality_cannot_decide_in_this_fund(client, world):
    from factories import make_member
    from fremdrift.funding.models import ApplicationStatus

    other_board = make_member(world.organisations["Sølund Kommune"], "board_member")
    client.force_login(other_board)
    application = Application.objects.get(title=LIFTS)
    response = client.post(
        reverse("funding:decide", args=[application.pk]),
        {"outcome": "granted", "amount": "1000", "reasons": "x"},
    )
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW
