"""The case workflow as data, in the process engine: a case is written as a draft, sent to its
organisation for approval, published by the approver, and withdrawn when it no longer holds.

Imported cases belong to no organisation and are published on import; they take no steps here.
"""

from django.utils.translation import gettext_lazy as _

from fremdrift.core.workflow import Transition, Workflow, register

from .models import CaseStatus as S


def _has_organisation(case) -> bool:
    return case.organisation_id is not None


CASE = register(
    Workflow(
        name="case",
        model="library.case",
        states=dict(S.choices),
        step_url="library:step",
        refusal=_("This cannot be done while the case is %(status)s."),
        transitions=(
            Transition(
                "submit",
                _("Send for approval"),
                frozenset({S.DRAFT}),
                S.AWAITING_APPROVAL,
                "case.edit",
                condition=_has_organisation,
            ),
            Transition(
                "publish",
                _("Approve and publish"),
                frozenset({S.AWAITING_APPROVAL, S.WITHDRAWN}),
                S.PUBLISHED,
                "case.publish",
                condition=_has_organisation,
            ),
            Transition(
                "return",
                _("Send back to the author"),
                frozenset({S.AWAITING_APPROVAL}),
                S.DRAFT,
                "case.publish",
                condition=_has_organisation,
            ),
            Transition(
                "withdraw",
                _("Withdraw from the library"),
                frozenset({S.PUBLISHED}),
                S.WITHDRAWN,
                "case.publish",
                condition=_has_organisation,
            ),
        ),
    )
)
