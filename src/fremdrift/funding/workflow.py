"""The application workflow as data, in the process engine (`fremdrift.core.workflow`).

The small/large rule lives here and only here. `route_for` sets an application's route when it is
submitted, by the fund's threshold: below it an application is small, taken all year without a
round and decided by the innovation unit; from it the application is large, belongs to a round and
is decided by the management board on the innovation unit's recommendation. The decide and correct
transitions below carry the rule: which states they open from, and which action in
`fremdrift.access` (and so which role) they need.
"""

from django.utils.translation import gettext_lazy as _

from fremdrift.core.workflow import Transition, Workflow, register

from .models import ApplicationStatus as S
from .models import DecidingBody, Route


def route_for(fund, amount) -> str:
    return Route.SMALL if amount < fund.threshold_amount else Route.LARGE


def is_small(application) -> bool:
    return application.route == Route.SMALL


def is_large(application) -> bool:
    # A draft has no route yet; until it has one it is treated as large, the stricter way.
    return not is_small(application)


DECIDED = frozenset({S.GRANTED, S.REJECTED})
BEFORE_DECISION = frozenset({S.SUBMITTED, S.IN_REVIEW, S.RECOMMENDED})
# The deciding body, by the action the decision needs.
DECIDES = {
    "application.decide_small": DecidingBody.INNOVATION_UNIT,
    "application.decide_board": DecidingBody.BOARD,
}


def _decision(name, label, sources_small, sources_large, page=""):
    """The same decision twice: by the innovation unit when small, by the board when large."""
    return (
        Transition(
            name,
            label,
            sources_small,
            None,
            "application.decide_small",
            condition=is_small,
            outcomes=DECIDED,
            page=page,
        ),
        Transition(
            name,
            label,
            sources_large,
            None,
            "application.decide_board",
            condition=is_large,
            outcomes=DECIDED,
            page=page,
        ),
    )


APPLICATION = register(
    Workflow(
        name="application",
        model="funding.application",
        states=dict(S.choices),
        refusal=_("This cannot be done while the application is %(status)s."),
        transitions=(
            Transition("submit", _("Submit"), frozenset({S.DRAFT}), S.SUBMITTED, "application.submit"),
            Transition(
                "withdraw",
                _("Withdraw"),
                frozenset({S.DRAFT}) | BEFORE_DECISION,
                S.WITHDRAWN,
                "application.withdraw",
            ),
            Transition(
                "return_for_revision",
                _("Return for revision"),
                frozenset({S.SUBMITTED, S.IN_REVIEW}),
                S.DRAFT,
                "application.assign",
            ),
            Transition(
                "assign_reviewer",
                _("Assign reviewer"),
                frozenset({S.SUBMITTED, S.IN_REVIEW}),
                S.IN_REVIEW,
                "application.assign",
            ),
            Transition("review", _("Review"), frozenset({S.IN_REVIEW}), S.IN_REVIEW, "application.review"),
            Transition(
                "recommend",
                _("Recommend"),
                BEFORE_DECISION,
                S.RECOMMENDED,
                "application.recommend",
                page="funding:recommend",
            ),
            *_decision(
                "decide", _("Decide"), BEFORE_DECISION, frozenset({S.RECOMMENDED}), page="funding:decide"
            ),
            *_decision("correct_decision", _("Correct the decision"), DECIDED, DECIDED),
        ),
    )
)


def deciding_body(transition) -> str:
    return DECIDES[transition.action]
