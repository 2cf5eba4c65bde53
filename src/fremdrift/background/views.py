from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_replace
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fremdrift import access
from fremdrift.core import mail

from .models import OutgoingEmail

# The demo inbox shows the latest messages; a demo that has run for months need not show them all.
DEMO_INBOX_SIZE = 100


@login_required
def outgoing_email(request):
    """For the platform administrator: the e-mail that has not gone out, failed for good or still trying."""
    access.require_platform_admin(request.user, "outgoing_email.view")
    waiting = OutgoingEmail.objects.exclude(state=OutgoingEmail.State.SENT).defer("text", "html")
    return render(
        request,
        "background/outgoing_email.html",
        {
            "failed": waiting.filter(state=OutgoingEmail.State.FAILED),
            "queued": waiting.filter(state=OutgoingEmail.State.QUEUED).order_by("next_attempt_at"),
            "max_attempts": mail.MAX_ATTEMPTS,
        },
    )


@login_required
@require_POST
def retry_email(request, pk):
    access.require_platform_admin(request.user, "outgoing_email.retry")
    message = get_object_or_404(OutgoingEmail, pk=pk)
    try:
        mail.retry(request.user, message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The e-mail to %(recipients)s is sent again.") % {"recipients": ", ".join(message.recipients)},
        )
    return redirect("background:outgoing_email")


def _demo_only():
    if not settings.DEMO_MODE:
        raise Http404


def demo_inbox(request):
    """In demo mode nothing leaves the machine: every e-mail Fremdrift sent, for anyone trying it out."""
    _demo_only()
    return render(
        request, "background/demo_inbox.html", {"emails": OutgoingEmail.objects.all()[:DEMO_INBOX_SIZE]}
    )


# The HTML part as a mail program shows it: its inline styles apply, nothing in it runs (`sandbox`).
@csp_replace({"style-src": [UNSAFE_INLINE], "sandbox": [True]})
def demo_inbox_html(request, pk):
    _demo_only()
    return HttpResponse(get_object_or_404(OutgoingEmail, pk=pk).html)
