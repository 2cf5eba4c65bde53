"""A submitted application is frozen; a revision becomes a new version and the old one is kept."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fremdrift.funding import applications, funds
from funding.people import INNOVATION, LEAD

pytestmark = [pytest.mark.funding]


def test_a_submitted_application_cannot_be_changed(world, open_round, make_application):
    application = make_application(round=open_round, submit=True)
    with pytest.raises(ValidationError):
        applications.save_draft(world.users[LEAD], application=application, fields={"challenge": "Ny tekst"})
    application.refresh_from_db()
    assert application.challenge == "Tekst"


def test_a_revision_is_a_new_version_and_the_first_stays(world, open_round, make_application):
    application = make_application(round=open_round, submit=True)
    applications.return_for_revision(world.users[INNOVATION], application=application, reason="Skærp målene.")
    applications.save_draft(
        world.users[LEAD], application=application, fields={"challenge": "Skarpere udfordring"}
    )
    applications.submit_application(world.users[LEAD], application=application)
    first, second = application.versions.order_by("number")
    assert (first.number, second.number) == (1, 2)
    assert first.content["challenge"] == "Tekst"
    assert second.content["challenge"] == "Skarpere udfordring"
    with pytest.raises(PermissionError):
        first.delete()


def test_submitting_after_the_deadline_is_refused_with_a_clear_message(world, fund, make_application):
    now = timezone.now()
    closed = funds.create_round(
        world.users[INNOVATION],
        fund=fund,
        name="Lukket runde",
        opens_on=(now - datetime.timedelta(days=60)).date(),
        deadline=now - datetime.timedelta(hours=1),
    )
    application = make_application(round=closed)
    with pytest.raises(ValidationError) as refused:
        applications.submit_application(world.users[LEAD], application=application)
    message = " ".join(refused.value.message_dict["round"])
    assert "Lukket runde" in message and "Europe/Copenhagen" in message
    application.refresh_from_db()
    assert application.status == "draft" and application.version == 0


def test_the_deadline_is_in_the_funds_time_zone(world, fund):
    naive = datetime.datetime(2027, 5, 14, 12, 0)
    round_ = funds.create_round(
        world.users[INNOVATION], fund=fund, name="Maj", opens_on=datetime.date(2027, 2, 1), deadline=naive
    )
    assert round_.deadline.astimezone(datetime.UTC).hour == 10  # 12:00 Danish summer time


def test_submitting_reports_what_is_missing_per_field(world, fund):
    application = applications.create_application(
        world.users[LEAD], fund=fund, organisation=world.organisations["Plejecenter Lindely"], title="Tom"
    )
    with pytest.raises(ValidationError) as refused:
        applications.submit_application(world.users[LEAD], application=application)
    missing = refused.value.message_dict
    for field in ("challenge", "criteria", "sdgs", "goals", "budget_lines", "evaluation_plan", "spread_plan"):
        assert field in missing


def test_a_large_application_needs_a_round(world, make_application):
    application = make_application(amount="150000")
    assert "round" in applications.completeness(application)


def test_the_national_pool_needs_the_minimum_grant(world, pool, make_application):
    application = make_application(the_fund=pool, amount="4999999", round=pool.rounds.get())
    assert "budget_lines" in applications.completeness(application)
