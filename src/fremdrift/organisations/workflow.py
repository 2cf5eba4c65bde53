"""An invitation's life as data, in the process engine.

An invitation is sent, then accepted by the person it is addressed to, or revoked by an
administrator; re-sending it (a new link, seven more days) keeps it sent. Expiry is not a step:
an invitation is expired when its time has run out, so its link stops working at that moment
whether or not any job runs. An expired invitation can still be re-sent or revoked.
"""

from django.utils.translation import gettext_lazy as _

from fremdrift.core.workflow import Transition, Workflow, register

from .models import InvitationStatus as S

INVITATION = register(
    Workflow(
        name="invitation",
        model="organisations.invitation",
        states=dict(S.choices),
        step_url="organisations:invitation_step",
        refusal=_("This cannot be done: the invitation is %(status)s."),
        transitions=(
            Transition("accept", _("Accept"), frozenset({S.SENT}), S.ACCEPTED, "invitation.accept"),
            Transition("resend", _("Re-send"), frozenset({S.SENT}), S.SENT, "invitation.manage"),
            Transition("revoke", _("Revoke"), frozenset({S.SENT}), S.REVOKED, "invitation.manage"),
        ),
    )
)
