"""The project and PDSA workflows as data, in the process engine (`fremdrift.core.workflow`).

The team starts a project, begins its final evaluation and resumes it. The board's closing
decisions are transitions too, taken on the closing page: into operations, spread and stop close
the project; extend sends it back to running with a new end date.
"""

from django.utils.translation import gettext_lazy as _

from fremdrift.core.workflow import Transition, Workflow, register

from .models import ClosingOutcome as O
from .models import PdsaStage as P
from .models import ProjectStatus as S

OPEN = frozenset({S.RUNNING, S.EVALUATING})
# While a project is closed, nothing in it changes any more.
EDITABLE_STATES = OPEN | {S.PLANNED}


def _decision(outcome, label, sources, target):
    return Transition(
        outcome,
        label,
        sources,
        target,
        "project.decide",
        page="projects:closing",
        page_label=_("The board's decision"),
    )


PROJECT = register(
    Workflow(
        name="project",
        model="projects.project",
        states=dict(S.choices),
        step_url="projects:step",
        refusal=_("This cannot be done while the project is %(status)s."),
        transitions=(
            Transition("start", _("Start the project"), frozenset({S.PLANNED}), S.RUNNING, "project.edit"),
            Transition(
                "evaluate",
                _("Begin the final evaluation"),
                frozenset({S.RUNNING}),
                S.EVALUATING,
                "project.edit",
            ),
            Transition(
                "resume", _("Resume the project"), frozenset({S.EVALUATING}), S.RUNNING, "project.edit"
            ),
            _decision(O.INTO_OPERATIONS, _("Into operations"), OPEN, S.CLOSED),
            _decision(O.SPREAD, _("Spread to more units"), OPEN, S.CLOSED),
            _decision(O.EXTENDED, _("Extend"), OPEN, S.RUNNING),
            _decision(O.STOPPED, _("Stop"), EDITABLE_STATES, S.CLOSED),
        ),
    )
)
# A project being evaluated or closed has a story to tell: it may be told as a case in the library.
FINISHED_STATES = frozenset({S.EVALUATING, S.CLOSED})


# --- PDSA: plan → do → study → act → done --------------------------------------------------------


def _advance(source, target, label):
    return Transition("advance", label, frozenset({source}), target, "pdsa.edit")


PDSA = register(
    Workflow(
        name="pdsa",
        model="projects.pdsacycle",
        field="stage",
        states=dict(P.choices),
        refusal=_("The cycle is already closed."),
        transitions=(
            _advance(P.PLAN, P.DO, _("Plan made: start the test")),
            _advance(P.DO, P.STUDY, _("Test done: study it")),
            _advance(P.STUDY, P.ACT, _("Studied: decide what to do")),
            _advance(P.ACT, P.DONE, _("Close the cycle")),
        ),
    )
)
# What must be written before a cycle leaves each stage.
PDSA_REQUIRES = {
    P.PLAN: ("title", "prediction", "plan_what"),
    P.DO: ("what_happened",),
    P.STUDY: ("study",),
    P.ACT: ("act",),
}
