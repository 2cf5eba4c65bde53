"""The applicant is told the decision by e-mail, in their own language, once it is committed."""

from decimal import Decimal

import pytest
from django.utils import translation

from fremdrift.funding import decisions, notifications
from funding.people import BOARD, LEAD

pytestmark = [pytest.mark.funding]


def test_the_decision_e_mail_goes_out_after_commit_in_the_applicants_language(
    world, recommended, budget_year, mailoutbox, monkeypatch, django_capture_on_commit_callbacks
):
    lead = world.users[LEAD]
    lead.language = "sv"
    lead.save()
    languages = []
    original = notifications.send_mail

    def recording_send_mail(*args, **kwargs):
        languages.append(translation.get_language())
        return original(*args, **kwargs)

    monkeypatch.setattr(notifications, "send_mail", recording_send_mail)
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
