from django import forms
from django.utils.translation import gettext_lazy as _

from fremdrift.core.forms import spreadsheet_size

from . import workflow
from .models import ActionPlan, ActionPlanRow, Beacon, Effort, Strategy
from .services import ROW_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StrategyForm(forms.ModelForm):
    class Meta:
        model = Strategy
        fields = ["organisation", "title", "starts_year", "ends_year", "vision", "mission", "definition"]

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is None:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations


class BeaconForm(forms.ModelForm):
    class Meta:
        model = Beacon
        fields = ["title", "description"]


class EffortForm(forms.ModelForm):
    class Meta:
        model = Effort
        fields = ["title", "description"]


class ActionPlanForm(forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["organisation", "title", "strategy"]

    def __init__(self, *args, organisations, strategies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["strategy"].queryset = strategies


class RowForm(forms.ModelForm):
    class Meta:
        model = ActionPlanRow
        fields = list(ROW_FIELDS)
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "effort": forms.Textarea(attrs={"rows": 2}),
            "goal": forms.Textarea(attrs={"rows": 3}),
            "expected_effect": forms.Textarea(attrs={"rows": 3}),
            "status_note": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "starts_on": _("Leave empty to read it from the time frame."),
            "project_link": _("A link to the project, or its name, until projects live in Fremdrift."),
        }

    def __init__(self, *args, beacons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["beacon"].queryset = Beacon.objects.filter(pk__in=[b.pk for b in beacons])
        self.fields["strategic_effort"].queryset = Effort.objects.filter(beacon__in=[b.pk for b in beacons])
        self.fields["strategic_effort"].label_from_instance = lambda e: f"{e.beacon.title} › {e.title}"
        current = self.instance.status if self.instance.pk else None
        self.fields["status"].choices = workflow.options_from(current) if current else workflow.choices()


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (XLSX)"),
        help_text=_(
            "Columns: Fokusområde, Indsats, Mål, Effekt, Finansiering, Tidsramme, Status. "
            "You will see what changes before anything is saved."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
        validators=[spreadsheet_size],
    )
