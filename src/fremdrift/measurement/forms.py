from django import forms
from django.utils.translation import gettext_lazy as _

from fremdrift.core.forms import DecimalInput, LocalDecimalField, spreadsheet_size

from .models import Indicator, PhaseChange

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "definition",
            "kind",
            "per",
            "direction",
            "unit",
            "frequency",
            "baseline_starts_on",
            "baseline_ends_on",
            "baseline",
            "target",
            "owner",
            "data_collection",
        ]
        widgets = {
            "baseline_starts_on": DATE,
            "baseline_ends_on": DATE,
            "definition": forms.Textarea(attrs={"rows": 2}),
            "data_collection": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"baseline": LocalDecimalField, "target": LocalDecimalField}

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        if people is not None:
            self.fields["owner"].queryset = people


class ChangeForm(forms.ModelForm):
    class Meta:
        model = PhaseChange
        fields = ["starts_on", "label", "new_phase"]
        widgets = {"starts_on": DATE}


class FreezeForm(forms.Form):
    frozen_baseline = forms.IntegerField(
        label=_("Frozen baseline (points)"),
        min_value=1,
        required=False,
        help_text=_("Leave empty to compute from all points."),
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or Excel file (.csv, .xlsx)"), validators=[spreadsheet_size])


class CorrectionForm(forms.Form):
    # Read by the service as the page shows numbers ("1.234,75"), so every way in is checked alike.
    value = forms.CharField(label=_("Value"), required=False, widget=DecimalInput)
    numerator = forms.CharField(label=_("Numerator"), required=False, widget=DecimalInput)
    denominator = forms.CharField(label=_("Denominator"), required=False, widget=DecimalInput)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)
    reason = forms.CharField(label=_("Why is it corrected?"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, indicator=None, **kwargs):
        super().__init__(*args, **kwargs)
        if indicator is not None:
            drop = ("value",) if indicator.has_denominator else ("numerator", "denominator")
            for name in drop:
                del self.fields[name]
