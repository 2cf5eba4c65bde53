"""E-mail waits in a queue until the mail server takes it: what causes an e-mail never fails because the
mail server is down, the message is tried again later each time, and it is neither lost nor sent twice."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fremdrift import access
from fremdrift.background.models import OutgoingEmail
from fremdrift.core import mail
from mails import html_part

pytestmark = [pytest.mark.foundation]

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def queue(address="someone@example.org"):
    return mail.send(
        "accounts/password_reset_email.txt", {}, [address], subject="Ny adgangskode", link="/accounts/login/"
    )


@pytest.fixture
def mail_server(db, monkeypatch, mailoutbox):
    """The mail server, up (`server.up = True`, messages land in the outbox) or down (refused); the queue
    holds only the test's messages (the demo world's decisions wrote some)."""
    OutgoingEmail.objects.all().delete()
    server = SimpleNamespace(up=True)
    send = EmailMultiAlternatives.send

    def send_or_refuse(message, *args, **kwargs):
        if not server.up:
            raise ConnectionRefusedError("no mail server")
        return send(message, *args, **kwargs)

    monkeypatch.setattr(EmailMultiAlternatives, "send", send_or_refuse)
    return server


def test_an_e_mail_is_stored_and_goes_out_when_the_transaction_commits(
    db, mail_server, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue()
        assert mailoutbox == []
        assert message.state == OutgoingEmail.State.QUEUED
    message.refresh_from_db()
    assert (message.state, message.attempts) == (OutgoingEmail.State.SENT, 1)
    assert message.sent_at is not None
    [sent] = mailoutbox
    received = sent.message()
    # As composed: the same Message-ID on every attempt, both parts, the automatic-mail headers.
    assert received["Message-ID"] == message.message_id
    assert received["Auto-Submitted"] == "auto-generated"
    assert sent.to == ["someone@example.org"]
    assert sent.body == message.text and html_part(sent) == message.html
    assert "/accounts/login/" in sent.body


def test_an_e_mail_in_a_change_that_is_undone_is_never_sent(
    db, mail_server, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            queue()
            raise RuntimeError("the change fails after the e-mail was written")
    assert mailoutbox == []
    assert not OutgoingEmail.objects.filter(recipients=["someone@example.org"]).exists()


def test_a_mail_server_that_is_down_costs_time_then_the_message_fails_for_good(db, mail_server, mailoutbox):
    mail_server.up = False
    with time_machine.travel(START, tick=False) as clock:
        message = queue()
        waits = []
        while message.state == OutgoingEmail.State.QUEUED and len(waits) <= mail.MAX_ATTEMPTS:
            clock.move_to(message.next_attempt_at)
            mail.sweep.call()
            message.refresh_from_db()
            waits.append(message.next_attempt_at - message.last_attempt_at)
        assert (message.state, message.attempts) == (OutgoingEmail.State.FAILED, mail.MAX_ATTEMPTS)
        assert "no mail server" in message.last_error
        # Each wait longer than the one before; the attempts span more than a day, less than two.
        assert waits[:-1] == list(mail.RETRY_DELAYS)
        assert all(shorter < longer for shorter, longer in zip(waits[:-2], waits[1:-1], strict=True))
        assert timedelta(days=1) < message.last_attempt_at - START < timedelta(days=2)
        # Failed for good: a week later nobody tries it again, even with the server up.
        mail_server.up = True
        clock.shift(timedelta(days=7))
        assert mail.sweep.call() == 0
    message.refresh_from_db()
    assert message.attempts == mail.MAX_ATTEMPTS
    assert mailoutbox == []


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(
        st.tuples(st.integers(min_value=0, max_value=36 * 60), st.booleans()), min_size=1, max_size=12
    )
)
def test_attempts_never_exceed_the_maximum_and_a_message_goes_out_once(db, mail_server, mailoutbox, steps):
    """Whenever the sweep runs and whether the server is up: at most MAX_ATTEMPTS attempts, each wait as
    the back-off says, one delivery at most, and a message that failed is never sent."""
    mailoutbox.clear()
    with transaction.atomic(), time_machine.travel(START, tick=False) as clock:
        message = queue()
        for minutes_later, up in steps:
            clock.shift(timedelta(minutes=minutes_later))
            mail_server.up = up
            mail.sweep.call()
            message.refresh_from_db()
            assert message.attempts <= mail.MAX_ATTEMPTS
            assert len(mailoutbox) == (message.state == OutgoingEmail.State.SENT)
            if message.state == OutgoingEmail.State.FAILED:
                assert message.attempts == mail.MAX_ATTEMPTS
            if message.attempts:
                assert message.next_attempt_at - message.last_attempt_at == mail.retry_delay(message.attempts)
        transaction.set_rollback(True)


def test_the_sweep_sends_what_is_due_and_leaves_the_rest(db, mail_server, mailoutbox):
    # Written without its own delivery (a worker died between commit and enqueue): the sweep sends it.
    lost = queue("lost@example.org")
    later = queue("later@example.org")
    OutgoingEmail.objects.filter(pk=later.pk).update(
        next_attempt_at=later.next_attempt_at + timedelta(hours=1)
    )
    failed = queue("failed@example.org")
    OutgoingEmail.objects.filter(pk=failed.pk).update(state=OutgoingEmail.State.FAILED)

    assert mail.sweep.call() == 1
    assert [message.to for message in mailoutbox] == [["lost@example.org"]]
    states = dict(
        OutgoingEmail.objects.filter(pk__in=[lost.pk, later.pk, failed.pk]).values_list("pk", "state")
    )
    assert states == {lost.pk: "sent", later.pk: "queued", failed.pk: "failed"}


def test_two_workers_with_the_same_message_send_it_once(db, mail_server, mailoutbox):
    message = queue()
    assert mail.deliver.call(message.pk) == OutgoingEmail.State.SENT
    assert mail.deliver.call(message.pk) == "not due"
    assert len(mailoutbox) == 1


def test_a_message_whose_worker_stopped_during_the_last_attempt_fails(db, mail_server, mailoutbox):
    message = queue()
    OutgoingEmail.objects.filter(pk=message.pk).update(attempts=mail.MAX_ATTEMPTS)
    mail.sweep.call()
    message.refresh_from_db()
    assert message.state == OutgoingEmail.State.FAILED
    assert mailoutbox == []


def test_the_platform_administrator_sends_a_failed_message_again(
    world, mail_server, mailoutbox, django_capture_on_commit_callbacks
):
    message = queue()
    OutgoingEmail.objects.filter(pk=message.pk).update(
        state=OutgoingEmail.State.FAILED, attempts=mail.MAX_ATTEMPTS, last_error="timed out"
    )
    message.refresh_from_db()
    with pytest.raises(access.NotAllowed):
        mail.retry(world.users["admin@nordfjord.demo"], message)
    with django_capture_on_commit_callbacks(execute=True):
        mail.retry(world.users["platform@fremdrift.demo"], message)
    message.refresh_from_db()
    assert (message.state, message.attempts) == (OutgoingEmail.State.SENT, 1)
    assert len(mailoutbox) == 1
    with pytest.raises(ValidationError):
        mail.retry(world.users["platform@fremdrift.demo"], message)
