from django import forms
from django.contrib.auth import password_validation
from django.contrib.contenttypes.models import ContentType
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from fremdrift.audit.models import AuditAction
from fremdrift.audit.presenting import type_labels
from fremdrift.core.forms import spreadsheet_size

from .models import Organisation, OrganisationKind
from .roles import Role


class MemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    name = forms.CharField(label=_("Name"), max_length=300, required=False)
    unit = forms.ModelChoiceField(
        label=_("Organisational unit"), queryset=Organisation.objects.none(), empty_label=None
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        # The organisation and the units below it: an administrator here may invite to each of them.
        self.fields["unit"].queryset = Organisation.objects.filter(path__startswith=organisation.path)
        self.fields["unit"].initial = organisation.pk


class BulkInvitationForm(forms.Form):
    rows = forms.CharField(
        label=_("People, one on each line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "E-mail address; name; unit; role, separated by semicolons, commas or tabs, as copied "
            "from a spreadsheet. An empty unit is this organisation."
        ),
    )
    file = forms.FileField(
        label=_("Or a file (.csv, .xlsx)"),
        required=False,
        help_text=_("Columns: e-mail address, name, unit, role, with their names in the first row."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
        validators=[spreadsheet_size],
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("rows", "").strip() and not cleaned.get("file") and not self.errors:
            self.add_error("rows", _("Paste the people to invite, or choose a file."))
        return cleaned


class JoinForm(forms.Form):
    """A new person's name and password, as she takes an invitation."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=lazy(lambda: " ".join(password_validation.password_validators_help_texts()), str)(),
    )
    password_again = forms.CharField(
        label=_("The password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password") and cleaned.get("password_again") != cleaned["password"]:
            self.add_error("password_again", _("The two passwords are not the same."))
        return cleaned


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
