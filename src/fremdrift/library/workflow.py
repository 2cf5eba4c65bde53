"""The library's workflows as data, in the process engine.

A case is written as a draft, sent to its organisation for approval, published by the approver, and
withdrawn when it no longer holds; imported cases belong to no organisation and are published on
import, so they take no steps here. A knowledge post written here awaits approval, is published by
its organisation's innovation unit, and withdrawn by its author or the innovation unit; imported
posts are published on import.
"""

from django.utils.translation import gettext_lazy as _

from fremdrift.core.workflow import Transition, Workflow, register

from .models import CaseStatus as S
from .models import KnowledgePostStatus


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

KNOWLEDGE_POST = register(
    Workflow(
        name="knowledge_post",
        model="library.knowledgepost",
        states=dict(KnowledgePostStatus.choices),
        step_url="library:knowledge_step",
        refusal=_("This cannot be done while the post is %(status)s."),
        transitions=(
            Transition(
                "publish",
                _("Approve and publish"),
                frozenset({KnowledgePostStatus.AWAITING_APPROVAL}),
                KnowledgePostStatus.PUBLISHED,
                "knowledge.publish",
            ),
            Transition(
                "withdraw",
                _("Withdraw the post"),
                frozenset({KnowledgePostStatus.AWAITING_APPROVAL, KnowledgePostStatus.PUBLISHED}),
                KnowledgePostStatus.WITHDRAWN,
                "knowledge.withdraw",
            ),
        ),
    )
)
