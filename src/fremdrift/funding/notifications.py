"""E-mails about applications, each in the recipient's language. Sent after the transaction commits."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override

from fremdrift.core import mail


def send_decision(decision_pk: int):
    from .models import Decision

    decision = (
        Decision.objects.select_related(
            "application__fund", "application__project_lead", "application__created_by"
        )
        .filter(pk=decision_pk)
        .first()
    )
    if decision is None:
        return
    application = decision.application
    recipients = {user.pk: user for user in (application.project_lead, application.created_by) if user.email}
    for user in recipients.values():
        with override(user.language or settings.LANGUAGE_CODE):
            context = {"decision": decision, "application": application, "user": user}
            mail.send(
                "funding/email/decision.txt",
                context,
                [user.email],
                subject=render_to_string("funding/email/decision_subject.txt", context),
                link=reverse("funding:application", args=[application.pk]),
            )
