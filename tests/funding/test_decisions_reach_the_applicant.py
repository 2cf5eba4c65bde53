"""The applicant is told the decision by e-mail, in their own language, once it is committed, with a link
to the application."""

from decimal import Decimal

import pytest
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import timezone

from fremdrift.background.models import OutgoingEmail
from fremdrift.funding import decisions
from funding.people import BOARD, LEAD
from mails import SITE_URL, followed, html_part

pytestmark = [pytest.mark.funding]


def test_the_decision_e_mail_goes_out_after_commit_in_the_applicants_language(
    world, recommended, budget_year, mailoutbox, django_capture_on_commit_callbacks
):
    lead = world.users[LEAD]
    lead.language = "sv"
    lead.save()
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
    with django_capture_on_commit_callbacks(execute=True):  # the e-mail is queued, then delivered
        for callback in callbacks:
            callback()
    assert [message.to for message in mailoutbox] == [[lead.email]]
    [message] = mailoutbox
    for part in (message.body, html_part(message)):
        assert "Stærk ansøgning." in part and "Midtvejsstatus i juni." in part
        assert "200\xa0000,00" in part  # the amount in Swedish number format
        assert "Läs beslutet i Fremdrift" in part
    assert '<html lang="sv">' in html_part(message)


def test_the_decision_e_mail_links_to_the_application_for_the_applicant(
    world, recommended, budget_year, mailoutbox, django_capture_on_commit_callbacks, installation, client
):
    with django_capture_on_commit_callbacks(execute=True):
        _grant(world, recommended, budget_year, reasons="Stærk & <em>klar</em> ansøgning.")
    [message] = mailoutbox
    assert SITE_URL + reverse("funding:application", args=[recommended.pk]) in message.body
    client.force_login(world.users[LEAD])
    response = followed(message, client)
    assert response.status_code == 200
    assert response.context["application"] == recommended
    # What the applicant wrote is text in the HTML part, and as written in the plain one.
    assert "Stærk &amp; &lt;em&gt;klar&lt;/em&gt; ansøgning." in html_part(message)
    assert "Stærk & <em>klar</em> ansøgning." in message.body


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


def _grant(world, application, budget_year, reasons="Stærk ansøgning."):
    decisions.decide(
        world.users[BOARD],
        application=application,
        outcome="granted",
        amount=Decimal("200000"),
        reasons=reasons,
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
    def failing_send(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr(EmailMultiAlternatives, "send", failing_send)
    with django_capture_on_commit_callbacks(execute=True):
        _grant(world, recommended, budget_year)
    recommended.refresh_from_db()
    assert recommended.status == "granted"
    # The e-mail is kept, to be tried again.
    message = OutgoingEmail.objects.latest("pk")
    assert message.recipients == [world.users[LEAD].email]
    assert (message.state, message.attempts) == (OutgoingEmail.State.QUEUED, 1)
    assert "no mail server" in message.last_error
    assert message.next_attempt_at > timezone.now()
