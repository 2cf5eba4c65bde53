"""The one process engine: every stateful thing declares its workflow here, as data.

A workflow is states and transitions. A transition names its sources, its target (or, when the
acting person chooses, the `outcomes` it may end in), the action in `fremdrift.access` that it
needs and an optional condition on the object (such as "the application is small"). Its event is
"<workflow>.<transition>", sent through `transitioned` once the transaction commits.

- `begin(actor, obj, name)` locks the object, checks permission and the transition, and returns a
  `Step`; the service validates and writes what else the step changes, then `step.finish()` sets
  the state, leaves the audit entry and emits the event. `perform` does both for a bare step.
- `available(user, obj)` answers which transitions the user may take now: the buttons a page shows
  (`{% transition_buttons obj %}`) and what a test walks.

Each app declares its workflows in its own `workflow.py` and registers them with `register`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils.translation import gettext as _

from fremdrift import access, audit

# Sent on commit for every transition taken: workflow, transition, obj, actor, before, after.
transitioned = Signal()


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset
    target: str | None
    action: str
    # Only for objects it holds for; transitions may share a name with different conditions.
    condition: Callable[[Any], bool] | None = None
    # When `target` is None the person chooses the new state among these.
    outcomes: frozenset = frozenset()
    # Taken on a page of its own (a URL name taking the object's pk) when it needs more than a click;
    # transitions sharing a page show as one link, labelled `page_label`.
    page: str = ""
    page_label: str = ""

    def applies_to(self, obj) -> bool:
        return self.condition is None or bool(self.condition(obj))

    def ends_in(self) -> frozenset:
        return frozenset({self.target}) if self.target is not None else self.outcomes


@dataclass(frozen=True)
class Workflow:
    name: str
    model: str  # app label and model name, as "funding.application"
    states: dict  # state -> label, in the order pages show them
    transitions: tuple[Transition, ...]
    # The refusal when a transition is not open from the current state; may use %(status)s.
    refusal: str
    field: str = "status"
    # The URL name (taking the object's pk and the transition's name) a one-click step posts to.
    step_url: str = ""

    def state_of(self, obj) -> str:
        return getattr(obj, self.field)

    def candidates(self, name: str, obj) -> list[Transition]:
        return [t for t in self.transitions if t.name == name and t.applies_to(obj)]

    def open_from(self, obj) -> list[Transition]:
        state = self.state_of(obj)
        return [t for t in self.transitions if state in t.sources and t.applies_to(obj)]

    def transition(self, name: str, obj) -> Transition | None:
        """The transition of that name open from the object's state, if any."""
        return next((t for t in self.open_from(obj) if t.name == name), None)

    def toward(self, obj, target: str) -> Transition | None:
        """The transition that takes the object from its state to `target` (for board-like moves)."""
        return next((t for t in self.open_from(obj) if target in t.ends_in()), None)

    def targets(self, obj) -> list[tuple[str, str]]:
        """(state, label) the object may move to, in the workflow's order."""
        reachable = {target for t in self.open_from(obj) for target in t.ends_in()}
        return [(state, label) for state, label in self.states.items() if state in reachable]

    def refuse(self, obj):
        status = self.states.get(self.state_of(obj), "")
        return ValidationError(self.refusal % {"status": str(status).lower()})


def moves(states: dict, action: str, sources_by_target: dict) -> tuple[Transition, ...]:
    """A board's transitions: one per state it leads to, named and labelled after that state."""
    return tuple(
        Transition(target, states[target], frozenset(sources), target, action)
        for target, sources in sources_by_target.items()
    )


_registry: dict[str, Workflow] = {}


def register(workflow: Workflow) -> Workflow:
    _registry[workflow.model] = workflow
    return workflow


def workflow_for(obj) -> Workflow:
    return _registry[obj._meta.label_lower]


def registered() -> list[Workflow]:
    return list(_registry.values())


def require(user, obj, name: str) -> Transition:
    """The transition of that name that applies to the object, once the user holds what it needs,
    whatever the state: a person without the right hears that first. Also for a transition's page."""
    flow = workflow_for(obj)
    candidates = flow.candidates(name, obj)
    if not candidates:
        raise flow.refuse(obj)
    access.require(user, candidates[0].action, obj)
    return candidates[0]


def available(user, obj) -> list[Transition]:
    """The transitions the user may take on the object now, each once, in declared order."""
    seen, result = set(), []
    for transition in workflow_for(obj).open_from(obj):
        if transition.name not in seen and access.has_permission(user, transition.action, obj):
            seen.add(transition.name)
            result.append(transition)
    return result


@dataclass
class Step:
    """A transition under way: the locked object, and what `finish` needs."""

    workflow: Workflow
    transition: Transition
    obj: Any
    actor: Any
    before: str

    def finish(self, target: str | None = None, *, reason: str = ""):
        after = self.transition.target if self.transition.target is not None else target
        if after not in self.transition.ends_in():
            raise self.workflow.refuse(self.obj)
        setattr(self.obj, self.workflow.field, after)
        self.obj.save()
        audit.record(
            "transition",
            self.obj,
            changes={"before": {self.workflow.field: self.before}, "after": {self.workflow.field: after}},
            reason=reason,
        )
        event = {
            "workflow": self.workflow,
            "transition": self.transition,
            "event": f"{self.workflow.name}.{self.transition.name}",
            "obj": self.obj,
            "actor": self.actor,
            "before": self.before,
            "after": after,
        }
        transaction.on_commit(lambda: transitioned.send(sender=Workflow, **event))
        return self.obj


def begin(actor, obj, name: str | None = None, *, target: str | None = None, by_click: bool = False) -> Step:
    """Lock the object and open the named transition (or the one toward `target`) for the actor.

    Permission is checked before the state (`require`). With `by_click` (a one-click step URL), a
    transition taken on a page of its own is refused. Must be called inside a transaction; the
    caller finishes the step in the same transaction.
    """
    workflow = workflow_for(obj)
    # Lock the row and bring the caller's own object up to date, so it shows the new state after.
    obj.refresh_from_db(from_queryset=type(obj)._default_manager.select_for_update())
    if name is None:
        transition = workflow.toward(obj, target)
        if transition is None:
            raise workflow.refuse(obj)
        access.require(actor, transition.action, obj)
    else:
        checked = require(actor, obj, name)
        if by_click and checked.page:
            raise ValidationError(_("This step is taken on its own page."))
        transition = workflow.transition(name, obj)
        if transition is None:
            raise workflow.refuse(obj)
        if transition.action != checked.action:
            access.require(actor, transition.action, obj)
    return Step(workflow, transition, obj, actor, workflow.state_of(obj))


@transaction.atomic
def perform(actor, obj, name: str | None = None, *, target: str | None = None, reason: str = ""):
    """Take a transition that changes nothing but the state."""
    return begin(actor, obj, name, target=target).finish(target, reason=reason)
