"""The trail as a person reads it, in their language: field labels instead of attribute names, choice
labels instead of stored values, names of related objects instead of their ids, dates and amounts
formatted. The entries keep their raw values (the export shows those); only what is shown changes.

Related objects are fetched in bulk, one query per related model on the page, so a page's query
count does not grow with its entries.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fremdrift.core.formatting import money, number

# Names services record beside a model's own fields (`audit.record(..., changes=...)`), described as
# fields so that they are labelled and formatted like the rest.
RECORDED_ONLY = {
    "granted": models.DecimalField(gettext_lazy("granted amount"), max_digits=14, decimal_places=2),
    "imported": models.IntegerField(gettext_lazy("rows imported")),
    "file": models.CharField(gettext_lazy("file")),
    "over_commitment_reason": models.TextField(gettext_lazy("reason for granting beyond the budget")),
}


@dataclass(frozen=True)
class ShownChange:
    label: str
    before: str | None
    after: str | None


def type_labels(models_) -> dict:
    """model -> its name, with its app's name where another model shares it ("Mål (Projekter)")."""
    shared = Counter(str(m._meta.verbose_name) for m in apps.get_models())
    return {
        model: f"{capfirst(model._meta.verbose_name)} ({model._meta.app_config.verbose_name})"
        if shared[str(model._meta.verbose_name)] > 1
        else capfirst(model._meta.verbose_name)
        for model in models_
    }


def _field(model, name):
    """The model field a recorded name stands for: a field's name or its attname (`user_id`)."""
    if model is None:
        return RECORDED_ONLY.get(name)
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        pass
    for field in model._meta.concrete_fields:
        if field.attname == name:
            return field
    return RECORDED_ONLY.get(name)


def _ids(field, value) -> list:
    """The related ids a recorded value names (one for a foreign key, a list for many-to-many);
    a value that is no id (a redacted one) names none."""
    values = value if isinstance(value, list) else [value]
    target = field.related_model._meta.pk
    ids = []
    for item in values:
        if item is None:
            continue
        try:
            ids.append(target.to_python(item))
        except (ValidationError, TypeError, ValueError):
            return []
    return ids


def _related(entries, labels) -> dict:
    """(related model, id) -> the object, one query per related model."""
    wanted = defaultdict(set)
    for entry, model in entries:
        for side in entry.changes.values():
            if not isinstance(side, dict):
                continue
            for name, value in side.items():
                field = labels.setdefault((model, name), _field(model, name))
                if field is not None and field.is_relation and field.related_model is not None:
                    wanted[field.related_model].update(_ids(field, value))
    found = {}
    for related_model, ids in wanted.items():
        for obj in related_model._default_manager.filter(pk__in=ids):
            found[(related_model, obj.pk)] = obj
    return found


def _name(related_model, pk, objects) -> str:
    obj = objects.get((related_model, pk))
    return str(obj) if obj is not None else _("%(id)s (deleted)") % {"id": pk}


def _shown(field, value, objects):
    if value is None or value == "" or field is None:
        return value
    if field.is_relation and field.related_model is not None:
        ids = _ids(field, value)
        if not ids and value:
            return value  # not an id: redacted, or recorded by hand
        return ", ".join(_name(field.related_model, pk, objects) for pk in ids)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(str(value))
        if moment is not None:
            return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
    elif isinstance(field, models.DateField):
        day = parse_date(str(value))
        if isinstance(day, datetime.date):
            return formats.date_format(day, "SHORT_DATE_FORMAT")
    elif isinstance(field, models.DecimalField):
        # An entry does not know its fund's currency: the amount alone.
        return money(value) if field.decimal_places == 2 else number(value, field.decimal_places)
    return value


def _label(field, name) -> str:
    return capfirst(field.verbose_name) if field is not None else capfirst(name.replace("_", " "))


def present(entries) -> list:
    """The entries, each with `shown_type` and `shown_changes` ([ShownChange]) to display."""
    entries = list(entries)
    pairs = [(entry, entry.content_type.model_class()) for entry in entries]
    labels: dict = {}
    objects = _related(pairs, labels)
    names = type_labels({model for _entry, model in pairs if model is not None})
    for entry, model in pairs:
        entry.shown_type = names.get(model, entry.content_type.model)
        entry.shown_changes = [
            ShownChange(
                _label(labels.get((model, name)), name),
                _shown(labels.get((model, name)), before, objects),
                _shown(labels.get((model, name)), after, objects),
            )
            for name, before, after in entry.changed_fields
        ]
    return entries
