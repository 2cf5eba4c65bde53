"""The states of an action-plan row and the moves between them, as data in the process engine.

A row's status is saved with the rest of the row, so the service asks `may_move` rather than taking
a transition on its own; the row form asks it which statuses to offer; tests walk it.
"""

from django.utils.translation import gettext_lazy as _

from fremdrift.core.workflow import Workflow, moves, register

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
ON_STANDBY = "on_standby"
COMPLETED = "completed"
DROPPED = "dropped"

STATES = {
    NOT_STARTED: _("Not started"),
    IN_PROGRESS: _("In progress"),
    ON_STANDBY: _("On standby"),
    COMPLETED: _("Completed"),
    DROPPED: _("Dropped"),
}

# A row may start in any state (plans are often entered when work is already under way).
INITIAL_STATES = frozenset(STATES)


ROW = register(
    Workflow(
        name="action_plan_row",
        model="strategy.actionplanrow",
        states=STATES,
        refusal=_("The row cannot change from %(status)s to that status."),
        # to: from. A dropped row is taken up again; a completed one reopened when it was not done after all.
        transitions=moves(
            STATES,
            "action_plan.edit",
            {
                NOT_STARTED: {DROPPED},
                IN_PROGRESS: {NOT_STARTED, ON_STANDBY, COMPLETED},
                ON_STANDBY: {NOT_STARTED, IN_PROGRESS},
                COMPLETED: {IN_PROGRESS},
                DROPPED: {NOT_STARTED, IN_PROGRESS, ON_STANDBY},
            },
        ),
    )
)

# Rows in these states are finished: they are never overdue.
CLOSED_STATES = frozenset({COMPLETED, DROPPED})


def choices():
    return list(STATES.items())


def may_move(status: str, target: str) -> bool:
    return status == target or any(status in t.sources and t.target == target for t in ROW.transitions)


def options_from(status: str) -> list[tuple[str, str]]:
    """The statuses a row in `status` can be given (its own included), in workflow order."""
    return [(state, label) for state, label in STATES.items() if may_move(status, state)]
