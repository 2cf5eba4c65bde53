"""The states of an action-plan row and the moves between them, as data.

The service consults it; templates ask it which statuses to offer; tests walk it.
"""

from django.utils.translation import gettext_lazy as _

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

# from -> {to: the action in access.RULES it needs}
TRANSITIONS = {
    NOT_STARTED: {
        IN_PROGRESS: "action_plan.edit",
        ON_STANDBY: "action_plan.edit",
        DROPPED: "action_plan.edit",
    },
    IN_PROGRESS: {ON_STANDBY: "action_plan.edit", COMPLETED: "action_plan.edit", DROPPED: "action_plan.edit"},
    ON_STANDBY: {IN_PROGRESS: "action_plan.edit", DROPPED: "action_plan.edit"},
    # Reopened when it turns out not to be done after all.
    COMPLETED: {IN_PROGRESS: "action_plan.edit"},
    # Taken up again.
    DROPPED: {NOT_STARTED: "action_plan.edit"},
}

# Rows in these states are finished: they are never overdue.
CLOSED_STATES = frozenset({COMPLETED, DROPPED})


def choices():
    return list(STATES.items())


def may_move(status: str, target: str) -> bool:
    return status == target or target in TRANSITIONS.get(status, {})


def options_from(status: str) -> list[tuple[str, str]]:
    """The statuses a row in `status` can be given (its own included), in workflow order."""
    return [(state, label) for state, label in STATES.items() if may_move(status, state)]
