"""The application workflow as data: states, transitions, who may take each, and routing.

Services consult `transition_for`; templates ask `available_transitions` which buttons to show;
tests walk `TRANSITIONS`.

Routing by the fund's threshold: below it an application is "small": taken all year without a
round and decided by the innovation unit. From the threshold it is "large": it belongs to a round
and is decided by the management board on the innovation unit's recommendation.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import ApplicationStatus as S
from .models import Route

# The acting party, checked by the service: "applicant" means the application's author or project
# lead who may still apply for their unit; anything else is an action in `access.RULES`, checked on
# the fund.
APPLICANT = "applicant"


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset
    target: str | None  # None: decided by the outcome (granted or rejected)
    action: str
    routes: frozenset = frozenset({Route.SMALL, Route.LARGE, ""})


DECIDED = frozenset({S.GRANTED, S.REJECTED})
OPEN_FOR_DECISION_SMALL = frozenset({S.SUBMITTED, S.IN_REVIEW, S.RECOMMENDED})

TRANSITIONS = [
    Transition("submit", _("Submit"), frozenset({S.DRAFT}), S.SUBMITTED, APPLICANT),
    Transition(
        "withdraw",
        _("Withdraw"),
        frozenset({S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.RECOMMENDED}),
        S.WITHDRAWN,
        APPLICANT,
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
        frozenset({S.SUBMITTED, S.IN_REVIEW, S.RECOMMENDED}),
        S.RECOMMENDED,
        "application.recommend",
    ),
    Transition(
        "decide",
        _("Decide"),
        OPEN_FOR_DECISION_SMALL,
        None,
        "application.decide_small",
        frozenset({Route.SMALL}),
    ),
    Transition(
        "decide",
        _("Decide"),
        frozenset({S.RECOMMENDED}),
        None,
        "application.decide_board",
        frozenset({Route.LARGE}),
    ),
    Transition(
        "correct_decision",
        _("Correct the decision"),
        DECIDED,
        None,
        "application.decide_small",
        frozenset({Route.SMALL}),
    ),
    Transition(
        "correct_decision",
        _("Correct the decision"),
        DECIDED,
        None,
        "application.decide_board",
        frozenset({Route.LARGE}),
    ),
]

STATES = [s for s in S]


def transition_for(name: str, application) -> Transition | None:
    """The transition of that name allowed from the application's state and route, if any."""
    for transition in TRANSITIONS:
        if (
            transition.name == name
            and application.status in transition.sources
            and application.route in transition.routes
        ):
            return transition
    return None


def decide_action(route: str) -> str:
    return "application.decide_small" if route == Route.SMALL else "application.decide_board"


def route_for(fund, amount) -> str:
    return Route.SMALL if amount < fund.threshold_amount else Route.LARGE
