"""The improvement board's columns and the moves between them, as data in the process engine.

Each move is a transition named after the column it leads to. The service takes it through the
engine; the board asks it which "move to" options each card offers; tests walk it.
"""

from django.utils.translation import gettext_lazy as _

from fremdrift.core.workflow import Transition, Workflow, register

NEW = "new"
PRIORITISED = "prioritised"
TESTING = "testing"
ADOPTED = "adopted"
DROPPED = "dropped"

# In board order: these are the columns.
STATES = {
    NEW: _("New"),
    PRIORITISED: _("Prioritised"),
    TESTING: _("Testing"),
    ADOPTED: _("Adopted"),
    DROPPED: _("Dropped"),
}


def _move_to(target, *sources):
    return Transition(target, STATES[target], frozenset(sources), target, "idea.move")


IDEA = register(
    Workflow(
        name="idea",
        model="ideas.idea",
        states=STATES,
        refusal=_("The idea cannot move from where it is (%(status)s) to there."),
        transitions=(
            _move_to(NEW, PRIORITISED, DROPPED),
            _move_to(PRIORITISED, NEW, TESTING),
            _move_to(TESTING, PRIORITISED, ADOPTED),
            _move_to(ADOPTED, PRIORITISED, TESTING),
            _move_to(DROPPED, NEW, PRIORITISED, TESTING),
        ),
    )
)

# Moving into these needs a reason: who prioritised and why, who dropped it and why.
REASON_REQUIRED = frozenset({PRIORITISED, DROPPED})


def choices():
    return list(STATES.items())


def targets(idea) -> list[tuple[str, str]]:
    """(state, label) the idea may move to, in board order."""
    return IDEA.targets(idea)
