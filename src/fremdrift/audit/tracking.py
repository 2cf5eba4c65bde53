"""Records every create, update and delete of registered domain models, and explicit events.

Services say who acts (and why) with `acting_as`; the request middleware does the same for
anything a view saves. Registration is per model, in each app's `ready()`.
"""

import contextvars
import functools
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.fields.files import FieldFile
from django.db.models.signals import post_delete, post_save, pre_save

# Never copied into the trail: secrets and bookkeeping.
EXCLUDED_FIELDS = {"password", "last_login", "path", "updated_at", "search_vector", "version"}


@dataclass(frozen=True)
class AuditContext:
    actor: object = None
    reason: str = ""


_context = contextvars.ContextVar("fremdrift_audit_context", default=AuditContext())  # noqa: B039 (frozen)
_registry: dict[type, dict] = {}


@contextmanager
def acting_as(actor, reason: str = ""):
    token = _context.set(AuditContext(actor=actor, reason=reason))
    try:
        yield
    finally:
        _context.reset(token)


def service(function):
    """For service functions called as `f(actor, ...)`: whatever they save is recorded as done
    by the actor, with the `reason` keyword argument as the why."""

    @functools.wraps(function)
    def wrapper(actor, *args, **kwargs):
        with acting_as(actor, reason=kwargs.get("reason", "")):
            return function(actor, *args, **kwargs)

    return wrapper


def current_context() -> AuditContext:
    return _context.get()


_encoder = DjangoJSONEncoder()


def _plain(value):
    """A JSON-safe copy: dates, decimals and UUIDs become strings, exactly; a file, its name."""
    if value is None or isinstance(value, str | int | float | bool | list | dict):
        return value
    if isinstance(value, FieldFile):
        return value.name or None
    return _encoder.default(value)


def _snapshot(instance) -> dict:
    excluded = EXCLUDED_FIELDS | _registry[type(instance)]["exclude"]
    return {
        field.attname: _plain(getattr(instance, field.attname))
        for field in instance._meta.concrete_fields
        if field.name not in excluded and field.attname not in excluded
    }


def record(action: str, instance, *, changes: dict | None = None, reason: str | None = None, actor=None):
    """Write one audit entry. Explicit calls are for decisions and transitions with a reason."""
    from django.contrib.contenttypes.models import ContentType

    from .models import AuditEntry

    context = current_context()
    actor = actor if actor is not None else context.actor
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    organisation = None
    config = _registry.get(type(instance))
    if config is not None:
        organisation = config["organisation"](instance)
    return AuditEntry.objects.create(
        actor=actor,
        actor_label=str(actor) if actor is not None else "",
        action=action,
        organisation=organisation,
        organisation_path=getattr(organisation, "path", "") or "",
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_id=str(instance.pk),
        object_repr=str(instance)[:255],
        changes=changes or {},
        reason=reason if reason is not None else context.reason,
    )


def _before_save(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._audit_before = None
        return
    previous = sender._default_manager.filter(pk=instance.pk).first()
    instance._audit_before = _snapshot(previous) if previous is not None else None


def _after_save(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    after = _snapshot(instance)
    before = getattr(instance, "_audit_before", None)
    if created or before is None:
        record("create", instance, changes={"after": after})
        return
    changed = {name for name in after if before.get(name) != after[name]}
    if changed:
        record(
            "update",
            instance,
            changes={
                "before": {name: before.get(name) for name in sorted(changed)},
                "after": {name: after[name] for name in sorted(changed)},
            },
        )


def _after_delete(sender, instance, **kwargs):
    record("delete", instance, changes={"before": _snapshot(instance)})


def register(model, *, organisation, exclude=()):
    """Track a model. `organisation(instance)` names whose trail the entries belong to."""
    _registry[model] = {"organisation": organisation, "exclude": set(exclude)}
    uid = f"fremdrift-audit-{model._meta.label}"
    pre_save.connect(_before_save, sender=model, dispatch_uid=uid + "-pre")
    post_save.connect(_after_save, sender=model, dispatch_uid=uid + "-post")
    post_delete.connect(_after_delete, sender=model, dispatch_uid=uid + "-delete")


def is_registered(model) -> bool:
    return model in _registry
