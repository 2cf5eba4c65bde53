from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from fremdrift.audit.models import AuditAction
from fremdrift.audit.presenting import type_labels

from .models import OrganisationKind
from .roles import Role


class MemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class ChildOrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (k.value, k.label)
            for k in OrganisationKind
            if k
            not in (OrganisationKind.MUNICIPALITY, OrganisationKind.REGION, OrganisationKind.NATIONAL_BODY)
        ],
    )


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Who"), required=False)
    action = forms.ChoiceField(
        label=_("What"), required=False, choices=[("", _("All"))] + AuditAction.choices
    )
    object_type = forms.ModelChoiceField(
        label=_("Kind of object"), required=False, queryset=ContentType.objects.none(), empty_label=_("All")
    )
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, object_types=None, **kwargs):
        super().__init__(*args, **kwargs)
        object_types = object_types if object_types is not None else ContentType.objects.none()
        self.fields["object_type"].queryset = object_types
        # Named as each choice is drawn: listing the kinds here would read the trail a second time.
        self.fields["object_type"].label_from_instance = lambda ct: (
            type_labels([ct.model_class()])[ct.model_class()] if ct.model_class() else ct.model
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("since") and cleaned.get("until") and cleaned["since"] > cleaned["until"]:
            self.add_error("until", _("The end date is before the start date."))
        return cleaned
