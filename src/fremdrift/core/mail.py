"""The one place that sends e-mail.

Every e-mail is about one thing and links to it. It is written once, as plain text, in a template
that extends `layout`; it goes out as that text and as HTML (`email/base.txt` and `email/base.html`:
the same words, the link, the installation's address and why the recipient got it). It comes from
the installation's sender, with a Message-ID on the installation's domain, marked as automatic.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, make_msgid
from django.template.loader import render_to_string

from fremdrift.core import site

logger = logging.getLogger(__name__)

# Out-of-office and other auto-responders do not answer automatic mail: RFC 3834's header, and the one
# Exchange and Outlook read. Not "Precedence: bulk": it is no standard, and spam filters read it as mass mail.
AUTOMATIC = {"Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All"}


def send(template: str, context: dict, recipients: list[str], *, subject: str, link: str) -> bool:
    """Send one e-mail about the thing at `link` (a path, as `reverse` gives it); True when it went.

    Rendered in the active language. The subject is made one line: it is often made from what users
    wrote (an application's title), and a header with a line break is refused. Mail goes out after
    the change it reports is saved, so a failure to send is logged, never raised: it must not turn a
    saved decision into an error page.
    """
    subject = " ".join(subject.split())
    context = {**context, "subject": subject, "link": site.absolute_url(link), "site_url": settings.SITE_URL}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(template, {**context, "layout": "email/base.txt"}),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        headers={"Message-ID": make_msgid(domain=site.domain()), **AUTOMATIC},
    )
    message.attach_alternative(
        render_to_string(template, {**context, "layout": "email/base.html"}), "text/html"
    )
    try:
        message.send()
    except Exception:
        logger.exception("E-mail %r to %s could not be sent", subject, recipients)
        return False
    return True
