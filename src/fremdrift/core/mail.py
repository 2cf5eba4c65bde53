"""The one place that sends e-mail."""

import logging

from django.core.mail import send_mail

logger = logging.getLogger(__name__)


def send(subject: str, body: str, recipients: list[str]) -> bool:
    """Send one e-mail; True when it went.

    The subject is made one line: it is often made from what users wrote (an application's title),
    and a header with a line break is refused. Mail goes out after the change it reports is saved,
    so a failure to send is logged, never raised: it must not turn a saved decision into an error page.
    """
    try:
        send_mail(" ".join(subject.split()), body, None, recipients)
    except Exception:
        logger.exception("E-mail %r to %s could not be sent", subject, recipients)
        return False
    return True
