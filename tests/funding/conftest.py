"""Builders for fund tests, on top of the demo world (which already holds Nordfjord's fund and the national pool)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from funding.people import INNOVATION, LEAD


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def fund(world):
    from fremdrift.funding.models import Fund

    return Fund.objects.get(name="Innovationspuljen")


@pytest.fixture
def pool(world):
    from fremdrift.funding.models import Fund

    return Fund.objects.get(kind="national_pool")


@pytest.fixture
def open_round(world, fund):
    from fremdrift.funding import funds

    now = timezone.now()
    return funds.create_round(
        world.users[INNOVATION],
        fund=fund,
        name="Testrunde",
        opens_on=(now - datetime.timedelta(days=10)).date(),
        deadline=now + datetime.timedelta(days=20),
    )


@pytest.fixture
def make_application(world, fund):
    """A complete draft (or further along) applying for `amount` from the fund."""
    from fremdrift.funding import applications

    def build(
        email=LEAD,
        unit="Plejecenter Lindely",
        amount="250000",
        round=None,
        the_fund=None,
        submit=False,
        year=None,
    ):
        the_fund = the_fund or fund
        user = world.users[email]
        year = year or timezone.now().year
        application = applications.create_application(
            user, fund=the_fund, organisation=world.organisations[unit], title="Bedre aftener", round=round
        )
        applications.save_draft(
            user,
            application=application,
            fields={
                name: "Tekst"
                for name in [
                    "challenge",
                    "criteria_how",
                    "activities",
                    "resources",
                    "evaluation_plan",
                    "spread_plan",
                ]
            }
            | {"starts_on": datetime.date(year, 1, 1), "ends_on": datetime.date(year + 1, 12, 31)},
            criteria=list(the_fund.criteria.all()),
            themes=list(the_fund.themes.all()[:1]),
            sdgs=[3] if the_fund.uses_sdgs else [],
            goals=[
                {
                    "description": "Færre fald",
                    "indicators": [
                        {"name": "Fald", "unit": "antal", "baseline": Decimal("9"), "target": Decimal("5")}
                    ],
                }
            ],
            partners=[],
            budget_lines=[
                {"description": "Løn", "year": year, "amount": Decimal(amount), "co_financing": Decimal("0")}
            ],
        )
        if submit:
            application = applications.submit_application(user, application=application)
        application.refresh_from_db()
        return application

    return build


@pytest.fixture
def budget_year(fund):
    return fund.budget_years.get(year=2026)


@pytest.fixture
def recommended(world, fund, open_round, make_application):
    """A large application, recommended for a grant by the innovation unit."""
    from fremdrift.funding import decisions

    application = make_application(round=open_round, submit=True)
    decisions.recommend(
        world.users[INNOVATION],
        application=application,
        outcome="grant",
        amount=Decimal("200000"),
        reasons="God.",
    )
    application.refresh_from_db()
    return application
