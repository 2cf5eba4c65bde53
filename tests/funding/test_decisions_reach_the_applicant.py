"""The applicant is told the decision by e-mail, in their own language, once it is committed."""

from decimal import Decimal

import pytest
from django.utils import translation

from fremdrift.core import mail
from fremdrift.funding import decisions
from funding.people import BOARD, LEAD

pytestmark = [pytest.mark.funding]


def test_the_decision_e_mail_goes_out_after_commit_in_the_applicants_language(
    world, recommended, budget_year, mailoutbox, monkeypatch, django_capture_on_commit_callbacks
):
    lead = world.users[LEAD]
    lead.language = "sv"
    lead.save()
    languages = []
    original = mail.send_mail

    def recording_send_mail(*args, **kwargs):
        languages.append(translation.get_language())
        return original(*args, **kwargs)

    monkeypatch.setattr(mail, "send_mail", recording_send_mail)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        decisions.decide(
            world.users[BOARD],
            application=recommended,
            outcome="granted",
            amount=Decimal("200000"),
            conditions="Midtvejsstatus i juni.",
            reasons="Stærk ansøgning.",
            budget_year=budget_year,
        )
    assert mailoutbox == []  # nothing before the transaction commits
    for callback in callbacks:
        callback()
    assert [message.to for message in mailoutbox] == [[lead.email]]
    assert languages == ["sv"]
    body = mailoutbox[0].body
    assert "Stærk ansøgning." in body and "Midtvejsstatus i juni." in body
    assert "200\xa0000,00" in body  # the amount in Swedish number format


def test_a_refused_decision_sends_nothing(
    world, recommended, budget_year, mailoutbox, django_capture_on_commit_callbacks
):
    from django.core.exceptions import ValidationError

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ValidationError):
            decisions.decide(
                world.users[BOARD],
                application=recommended,
                outcome="granted",
                amount="0",
                reasons="x",
                budget_year=budget_year,
            )
    assert mailoutbox == []


def _grant(world, application, budget_year):
    decisions.decide(
        world.users[BOARD],
        application=application,
        outcome="granted",
        amount=Decimal("200000"),
        reasons="Stærk ansøgning.",
        budget_year=budget_year,
    )


def test_a_title_with_a_line_break_still_reaches_the_applicant_in_a_one_line_subject(
    world, recommended, budget_year, mailoutbox, django_capture_on_commit_callbacks
):
    recommended.title = "Rolige nætter\r\nmed sensorer"
    recommended.save()
    with django_capture_on_commit_callbacks(execute=True):
        _grant(world, recommended, budget_year)
    [message] = mailoutbox
    assert "Rolige nætter med sensorer" in message.subject
    assert "\n" not in message.subject and "\r" not in message.subject


def test_a_mail_server_that_fails_leaves_the_decision_saved(
    world, recommended, budget_year, monkeypatch, django_capture_on_commit_callbacks
):
    def failing_send_mail(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr(mail, "send_mail", failing_send_mail)
    with django_capture_on_commit_callbacks(execute=True):
        _grant(world, recommended, budget_year)
    recommended.refresh_from_db()
    assert recommended.status == "granted"
