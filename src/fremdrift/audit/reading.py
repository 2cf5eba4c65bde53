"""The trail as one reader may read it: fields sealed to them (`access.SEALED`) are redacted."""

from django.utils.translation import gettext as _

from fremdrift import access


def _objects(entries) -> dict:
    """(content type id, object id) -> the object, fetched once per type; a deleted one rebuilt
    from its last snapshot, so its sealed fields still follow what it hangs on."""
    wanted: dict = {}
    for entry in entries:
        if _sealed(entry) is not None:
            wanted.setdefault(entry.content_type, set()).add(entry.object_id)
    found = {}
    for content_type, ids in wanted.items():
        model = content_type.model_class()
        for obj in model._default_manager.filter(pk__in=ids):
            found[(content_type.pk, str(obj.pk))] = obj
    for entry in entries:
        key = (entry.content_type_id, entry.object_id)
        if key in found or _sealed(entry) is None:
            continue
        model = entry.content_type.model_class()
        attnames = {field.attname for field in model._meta.concrete_fields}
        snapshot = entry.changes.get("before") or entry.changes.get("after")
        if isinstance(snapshot, dict):
            found[key] = model(**{name: value for name, value in snapshot.items() if name in attnames})
    return found


def _sealed(entry):
    return access.SEALED.get(f"{entry.content_type.app_label}.{entry.content_type.model}")


def readable(entries, user) -> list:
    """The entries (a page of them) with every sealed field the user may not read replaced."""
    entries = list(entries)
    objects = _objects(entries)
    hidden = _("(sealed)")
    verdicts = {}  # one question per reading right; an object rebuilt from the trail asks for itself
    for entry in entries:
        sealed = _sealed(entry)
        if sealed is None:
            continue
        obj = objects.get((entry.content_type_id, entry.object_id))
        if obj is None:
            may_read = False
        elif obj._state.adding:
            may_read = access.may_read_sealed(user, obj)
        else:
            rights = sealed.rights_of(obj)
            if rights not in verdicts:
                verdicts[rights] = access.may_read_sealed(user, obj)
            may_read = verdicts[rights]
        if may_read:
            continue
        # In memory only: the trail itself is append-only and keeps the raw values.
        entry.changes = {
            side: {name: hidden if name in sealed.fields else value for name, value in values.items()}
            if isinstance(values, dict)
            else values
            for side, values in entry.changes.items()
        }
        if sealed.in_name:
            entry.object_repr = hidden
    return entries
