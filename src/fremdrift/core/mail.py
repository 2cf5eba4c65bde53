"""The one place that sends e-mail.

Every e-mail is about one thing and links to it. It is written once, as plain text, in a template
that extends `layout`; it goes out as that text and as HTML (`email/base.txt` and `email/base.html`:
the same words, the link, the installation's address and why the recipient got it). It comes from
the installation's sender, with a Message-ID on the installation's domain, marked as automatic.

No e-mail goes out in the request that causes it. `send` stores the composed message as an
`OutgoingEmail`, and once the transaction commits the worker delivers it (`deliver`). A mail server
that is down or refuses costs time, never the message or the change it reports: the attempt is
recorded and `sweep`, a periodic job, tries the message again after `RETRY_DELAYS`; after
`MAX_ATTEMPTS` (over a day and a half) it has failed for good, and the platform administrator sees it
on the outgoing e-mail page, where it can be sent again (`retry`).
"""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, make_msgid
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from fremdrift import access
from fremdrift.background.models import OutgoingEmail
from fremdrift.core import site

logger = logging.getLogger(__name__)

# Out-of-office and other auto-responders do not answer automatic mail: RFC 3834's header, and the one
# Exchange and Outlook read. Not "Precedence: bulk": it is no standard, and spam filters read it as mass mail.
AUTOMATIC = {"Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All"}

# How long to wait after the first, second … failed attempt; a mail server that is down for a restart
# is tried again within minutes, one that is down for a weekend morning still gets the message.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
    timedelta(hours=24),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# Messages attempted per sweep, so one sweep keeps a worker from other tasks for minutes at most.
SWEEP_BATCH = 100


def retry_delay(attempts: int) -> timedelta:
    """How long after the `attempts`-th attempt the next may start (the longest delay after the last)."""
    return RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]


def send(template: str, context: dict, recipients: list[str], *, subject: str, link: str) -> OutgoingEmail:
    """Queue one e-mail about the thing at `link` (a path, as `reverse` gives it).

    Rendered now, in the active language (the recipient's: wrap the call in `translation.override`).
    The subject is made one line: it is often made from what users wrote (an application's title), and
    a header with a line break is refused. The message is stored in the caller's transaction and goes
    to a worker when it commits; if it rolls back, nothing was sent.
    """
    subject = " ".join(subject.split())
    context = {**context, "subject": subject, "link": site.absolute_url(link), "site_url": settings.SITE_URL}
    message = OutgoingEmail.objects.create(
        template=template,
        sender=settings.DEFAULT_FROM_EMAIL,
        recipients=list(recipients),
        subject=subject,
        text=render_to_string(template, {**context, "layout": "email/base.txt"}),
        html=render_to_string(template, {**context, "layout": "email/base.html"}),
        message_id=make_msgid(domain=site.domain()),
        headers=AUTOMATIC,
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(partial(deliver.enqueue, message.pk))
    return message


@task
def deliver(message_pk: int) -> str:
    """One attempt to hand the message to the mail server; the message's state afterwards.

    Does nothing for a message that is sent, failed, or not due (another worker has this attempt). The
    attempt is claimed by moving `attempts` on by one where it still has the value read, so of two
    workers holding the same message one sends it. Never raises: the outcome is kept on the message.
    """
    now = timezone.now()
    message = OutgoingEmail.objects.filter(
        pk=message_pk, state=OutgoingEmail.State.QUEUED, next_attempt_at__lte=now
    ).first()
    if message is None:
        return "not due"
    if message.attempts >= MAX_ATTEMPTS:
        # The worker stopped during the last attempt.
        OutgoingEmail.objects.filter(pk=message.pk).update(state=OutgoingEmail.State.FAILED)
        return OutgoingEmail.State.FAILED
    attempts = message.attempts + 1
    claimed = OutgoingEmail.objects.filter(
        pk=message.pk, state=OutgoingEmail.State.QUEUED, attempts=message.attempts
    ).update(attempts=attempts, last_attempt_at=now, next_attempt_at=now + retry_delay(attempts))
    if not claimed:
        return "not due"
    try:
        transmit(message)
    except Exception as error:
        state = OutgoingEmail.State.FAILED if attempts >= MAX_ATTEMPTS else OutgoingEmail.State.QUEUED
        OutgoingEmail.objects.filter(pk=message.pk).update(
            state=state, last_error=f"{type(error).__name__}: {error}"
        )
        log = logger.error if state == OutgoingEmail.State.FAILED else logger.warning
        log(
            "E-mail %s to %s, attempt %s of %s: %s",
            message.pk,
            message.recipients,
            attempts,
            MAX_ATTEMPTS,
            error,
        )
        return state
    OutgoingEmail.objects.filter(pk=message.pk).update(state=OutgoingEmail.State.SENT, sent_at=timezone.now())
    return OutgoingEmail.State.SENT


def transmit(message: OutgoingEmail) -> None:
    """The stored message to the mail server (`EMAIL_BACKEND`), as composed; raises when it is refused."""
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text,
        from_email=message.sender,
        to=message.recipients,
        headers={"Message-ID": message.message_id, **message.headers},
    )
    email.attach_alternative(message.html, "text/html")
    email.send()


@task
def sweep() -> int:
    """Attempt every queued message that is due, one after another: the retries, and any message whose
    own task was lost (a worker stopped, a process died between commit and enqueue). How many were
    attempted; the rest wait for the next sweep."""
    due = OutgoingEmail.objects.filter(
        state=OutgoingEmail.State.QUEUED, next_attempt_at__lte=timezone.now()
    ).order_by("next_attempt_at")
    pks = list(due.values_list("pk", flat=True)[:SWEEP_BATCH])
    for pk in pks:
        deliver.call(pk)
    return len(pks)


@transaction.atomic
def retry(actor, message: OutgoingEmail) -> OutgoingEmail:
    """Send a message that failed (or is still waiting) again now, with its attempts counted afresh."""
    access.require_platform_admin(actor, "outgoing_email.retry")
    if message.state == OutgoingEmail.State.SENT:
        raise ValidationError(_("This e-mail has been sent."))
    message.state = OutgoingEmail.State.QUEUED
    message.attempts = 0
    message.next_attempt_at = timezone.now()
    message.save(update_fields=["state", "attempts", "next_attempt_at"])
    transaction.on_commit(partial(deliver.enqueue, message.pk))
    logger.info("E-mail %s to %s sent again by %s", message.pk, message.recipients, actor)
    return message
