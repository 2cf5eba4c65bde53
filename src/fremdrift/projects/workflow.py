"""The project and PDSA workflows as data: states, transitions, and the action each needs.

Services consult `transition_for`; templates ask `available` which buttons to show; tests walk
`TRANSITIONS`. The board's closing decisions are transitions too: into operations, spread and stop
close the project; extend sends it back to running with a new end date.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import ClosingOutcome as O
from .models import PdsaStage as P
from .models import ProjectStatus as S


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset
    target: str
    action: str  # an action in access.RULES (team membership also grants "project.edit")


TRANSITIONS = [
    Transition("start", _("Start the project"), frozenset({S.PLANNED}), S.RUNNING, "project.edit"),
    Transition(
        "evaluate", _("Begin the final evaluation"), frozenset({S.RUNNING}), S.EVALUATING, "project.edit"
    ),
    Transition("resume", _("Resume the project"), frozenset({S.EVALUATING}), S.RUNNING, "project.edit"),
    # The board's decisions (closing.html), one per outcome.
    Transition(
        O.INTO_OPERATIONS,
        _("Into operations"),
        frozenset({S.RUNNING, S.EVALUATING}),
        S.CLOSED,
        "project.decide",
    ),
    Transition(
        O.SPREAD, _("Spread to more units"), frozenset({S.RUNNING, S.EVALUATING}), S.CLOSED, "project.decide"
    ),
    Transition(O.EXTENDED, _("Extend"), frozenset({S.RUNNING, S.EVALUATING}), S.RUNNING, "project.decide"),
    Transition(
        O.STOPPED, _("Stop"), frozenset({S.PLANNED, S.RUNNING, S.EVALUATING}), S.CLOSED, "project.decide"
    ),
]
STATES = list(S)
DECISIONS = [O.INTO_OPERATIONS, O.SPREAD, O.EXTENDED, O.STOPPED]
TEAM_STEPS = ["start", "evaluate", "resume"]
# While a project is closed, nothing in it changes any more.
EDITABLE_STATES = frozenset({S.PLANNED, S.RUNNING, S.EVALUATING})
# A project being evaluated or closed has a story to tell: it may be told as a case in the library.
FINISHED_STATES = frozenset({S.EVALUATING, S.CLOSED})


def transition_for(name: str, status: str) -> Transition | None:
    for transition in TRANSITIONS:
        if transition.name == name and status in transition.sources:
            return transition
    return None


def available(status: str, names=None) -> list[Transition]:
    return [t for t in TRANSITIONS if status in t.sources and (names is None or t.name in names)]


# --- PDSA: plan → do → study → act → done --------------------------------------------------------


@dataclass(frozen=True)
class PdsaStep:
    source: str
    target: str
    label: str
    requires: tuple[str, ...]  # fields that must be filled before the step


PDSA_STEPS = [
    PdsaStep(P.PLAN, P.DO, _("Plan made: start the test"), ("title", "prediction", "plan_what")),
    PdsaStep(P.DO, P.STUDY, _("Test done: study it"), ("what_happened",)),
    PdsaStep(P.STUDY, P.ACT, _("Studied: decide what to do"), ("study",)),
    PdsaStep(P.ACT, P.DONE, _("Close the cycle"), ("act",)),
]


def pdsa_step(stage: str) -> PdsaStep | None:
    return next((step for step in PDSA_STEPS if step.source == stage), None)
