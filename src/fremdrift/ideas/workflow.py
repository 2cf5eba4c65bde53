"""The improvement board's columns and the moves between them, as data.

The service consults it; the board asks it which "move to" options each card offers; tests walk it.
"""

from django.utils.translation import gettext_lazy as _

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

# from -> {to: the action in access.RULES it needs}
TRANSITIONS = {
    NEW: {PRIORITISED: "idea.move", DROPPED: "idea.move"},
    PRIORITISED: {NEW: "idea.move", TESTING: "idea.move", ADOPTED: "idea.move", DROPPED: "idea.move"},
    TESTING: {PRIORITISED: "idea.move", ADOPTED: "idea.move", DROPPED: "idea.move"},
    ADOPTED: {TESTING: "idea.move"},
    DROPPED: {NEW: "idea.move"},
}

# Moving into these needs a reason: who prioritised and why, who dropped it and why.
REASON_REQUIRED = frozenset({PRIORITISED, DROPPED})


def choices():
    return list(STATES.items())


def targets(status: str) -> list[tuple[str, str]]:
    """(state, label) an idea in `status` may move to, in board order."""
    allowed = TRANSITIONS.get(status, {})
    return [(state, label) for state, label in STATES.items() if state in allowed]


def action_for(status: str, target: str) -> str | None:
    return TRANSITIONS.get(status, {}).get(target)
