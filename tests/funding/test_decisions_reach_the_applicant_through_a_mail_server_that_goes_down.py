"""The decision reaches the applicant through a real mail server, sent by the worker, in the applicant's
language with the link to the application; while the server is down the e-mail waits, and it arrives
once the server answers again.

The SMTP server (aiosmtpd) runs in the test on 127.0.0.1; the worker loop runs in the test's process on
the database queue, as `fremdrift worker` runs it. The database commits (the worker reads what others
committed), so the test empties it afterwards like the browser tests do.
"""

import email
import socket
from datetime import timedelta
from decimal import Decimal
from email import policy

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.urls import reverse
from django.utils import timezone

from fremdrift.background import worker
from fremdrift.background.models import OutgoingEmail
from fremdrift.funding import decisions, notifications
from funding.people import BOARD, LEAD
from mails import SITE_URL

pytestmark = [pytest.mark.funding]


class MailServer:
    """An SMTP server on a free port of 127.0.0.1 that keeps what it receives; it can be stopped and
    started again on the same port."""

    def __init__(self):
        self.received = []
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller = None

    async def handle_DATA(self, server, session, envelope):
        self.received.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def start(self):
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()
        self.controller = None


@pytest.fixture
def mail_server(settings):
    server = MailServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 5
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    server.start()
    yield server
    if server.controller is not None:
        server.stop()


@pytest.mark.django_db(transaction=True)
def test_the_worker_delivers_the_decision_and_keeps_it_while_the_mail_server_is_down(
    world, recommended, budget_year, installation, mail_server
):
    OutgoingEmail.objects.all().delete()  # the demo world's own decisions wrote some
    lead = world.users[LEAD]
    lead.language = "sv"
    lead.save()
    decision = decisions.decide(
        world.users[BOARD],
        application=recommended,
        outcome="granted",
        amount=Decimal("200000"),
        reasons="Stark ansökan.",
        budget_year=budget_year,
    )
    assert mail_server.received == []  # the decision did not wait for the mail server
    runner = worker.task_runner()

    worker.run_once(runner)
    [received] = mail_server.received
    assert received["To"] == lead.email
    text = received.get_body(("plain",)).get_content()
    assert "Läs beslutet i Fremdrift" in text and "Stark ansökan." in text
    assert SITE_URL + reverse("funding:application", args=[recommended.pk]) in text
    assert '<html lang="sv">' in received.get_body(("html",)).get_content()

    mail_server.stop()
    notifications.send_decision(decision.pk)  # the applicant is told again, while the server is down
    worker.run_once(runner)
    waiting = OutgoingEmail.objects.latest("pk")
    assert (waiting.state, waiting.attempts) == (OutgoingEmail.State.QUEUED, 1)
    assert "ConnectionRefusedError" in waiting.last_error
    assert waiting.next_attempt_at > timezone.now()

    mail_server.start()
    worker.run_once(runner)
    assert len(mail_server.received) == 1  # not before its next attempt

    with time_machine.travel(waiting.next_attempt_at + timedelta(seconds=1)):
        worker.run_once(runner)
    assert len(mail_server.received) == 2
    assert "Läs beslutet i Fremdrift" in mail_server.received[1].get_body(("plain",)).get_content()
    waiting.refresh_from_db()
    assert (waiting.state, waiting.attempts) == (OutgoingEmail.State.SENT, 2)
