"""The improvement board's columns and the moves between them, and the course of a learning review,
as data in the process engine.

Each move on the board is a transition named after the column it leads to. The services take them
through the engine; the board asks which "move to" options each card offers; tests walk both.
"""

from django.utils.translation import gettext_lazy as _

from fremdrift.core.workflow import Transition, Workflow, moves, register

AWAITING_APPROVAL = "awaiting_approval"
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


# Not a column: an idea from the public waits here, seen only by those who may approve it
# (`access.HELD`), until one of them lets it onto the board or drops it.
HELD = {AWAITING_APPROVAL: _("Awaiting approval")}


IDEA = register(
    Workflow(
        name="idea",
        model="ideas.idea",
        states={**HELD, **STATES},
        refusal=_("The idea cannot move from where it is (%(status)s) to there."),
        transitions=(
            Transition("approve", _("Approve"), frozenset({AWAITING_APPROVAL}), NEW, "idea.approve"),
            Transition(
                "reject", _("Do not approve"), frozenset({AWAITING_APPROVAL}), DROPPED, "idea.approve"
            ),
            # to: from
            *moves(
                STATES,
                "idea.move",
                {
                    NEW: {PRIORITISED, DROPPED},
                    PRIORITISED: {NEW, TESTING},
                    TESTING: {PRIORITISED, ADOPTED},
                    ADOPTED: {PRIORITISED, TESTING},
                    DROPPED: {NEW, PRIORITISED, TESTING},
                },
            ),
        ),
    )
)

# Moving into these needs a reason: who prioritised and why, who dropped it and why.
REASON_REQUIRED = frozenset({PRIORITISED, DROPPED})


def choices():
    return list(IDEA.states.items())


# --- learning reviews: find the causes, act on them, follow up ------------------------------------

INVESTIGATING = "investigating"
ACTING = "acting"
FOLLOWED_UP = "followed_up"

LEARNING_STATES = {
    INVESTIGATING: _("Finding the causes"),
    ACTING: _("Acting on it"),
    FOLLOWED_UP: _("Followed up"),
}

LEARNING_REVIEW = register(
    Workflow(
        name="learning_review",
        model="ideas.learningreview",
        states=LEARNING_STATES,
        step_url="ideas:review_step",
        refusal=_("This cannot be done while the learning review is %(status)s."),
        transitions=(
            Transition(
                "act",
                _("Causes found: act on them"),
                frozenset({INVESTIGATING}),
                ACTING,
                "learning_review.edit",
            ),
            Transition(
                "follow_up",
                _("Followed up: close the review"),
                frozenset({ACTING}),
                FOLLOWED_UP,
                "learning_review.edit",
            ),
            Transition(
                "reopen", _("Reopen the review"), frozenset({FOLLOWED_UP}), ACTING, "learning_review.edit"
            ),
        ),
    )
)
