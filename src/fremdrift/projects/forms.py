from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from fremdrift.core.forms import LocalDecimalField, MoneyField
from fremdrift.measurement.models import Indicator
from fremdrift.organisations.models import Organisation

from .models import (
    BenefitKind,
    ClosingOutcome,
    CostKind,
    Evaluation,
    PdsaCycle,
    Project,
    StatusReport,
)
from .services import GRANTED_BUDGET, PARTS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProjectForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(label=_("Owner unit"), queryset=Organisation.objects.none())

    class Meta:
        model = Project
        fields = ["organisation", "title", "starts_on", "ends_on", "budget", "challenge"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "challenge": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"budget": MoneyField}

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )


def part_form_class(part: str):
    """A form for one part of the project page, with the version it was read at."""

    class PartForm(forms.ModelForm):
        version = forms.IntegerField(widget=forms.HiddenInput)

        class Meta:
            model = Project
            fields = list(PARTS[part])
            widgets = {"starts_on": DATE, "ends_on": DATE}
            field_classes = {"budget": MoneyField}

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if "budget" in self.fields and self.instance.budget_is_granted:
                self.fields["budget"].disabled = True
                self.fields["budget"].help_text = GRANTED_BUDGET

    return PartForm


class GoalForm(forms.Form):
    description = forms.CharField(label=_("Goal"), max_length=500)
    success_criterion = forms.CharField(
        label=_("Success criterion"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class TeamForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        label=_("Team members"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = people if people is not None else get_user_model().objects.none()


class PdsaForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = PdsaCycle
        fields = [
            "title",
            "prediction",
            "plan_who",
            "plan_what",
            "plan_when",
            "plan_where",
            "indicator",
            "what_happened",
            "study",
            "act",
            "act_notes",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ("prediction", "plan_what", "what_happened", "study", "act_notes")
        }

    def __init__(self, *args, project=None, stage="plan", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = (
            Indicator.objects.filter(goal__project=project)
            if project is not None
            else Indicator.objects.none()
        )
        shown = {
            "plan": ["title", "prediction", "plan_who", "plan_what", "plan_when", "plan_where", "indicator"],
            "do": ["what_happened"],
            "study": ["study"],
            "act": ["act", "act_notes"],
        }.get(stage, [])
        for name in list(self.fields):
            if name != "version" and name not in shown:
                del self.fields[name]


class StatusReportForm(forms.ModelForm):
    class Meta:
        model = StatusReport
        fields = ["reported_on", "traffic_light", "progress", "risks", "spent", "next_steps"]
        widgets = {"reported_on": DATE, "traffic_light": forms.RadioSelect}
        field_classes = {"spent": MoneyField}


class ProgressForm(forms.Form):
    happened_on = forms.DateField(label=_("Date"), widget=DATE)
    text = forms.CharField(label=_("What moved forward"), widget=forms.Textarea(attrs={"rows": 2}))


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due_on = forms.DateField(label=_("Due"), widget=DATE)


class EvaluationForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Evaluation
        fields = ["kind", "goals_reached", "goals_and_indicators", "data_showed", "learnt", "dead_ends"]
        widgets = {"kind": forms.RadioSelect, "goals_reached": forms.RadioSelect}


class BusinessCaseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    first_year = forms.IntegerField(label=_("First year"), min_value=2000, max_value=2100)
    discount_rate = LocalDecimalField(
        label=_("Discount rate (% a year)"), min_value=0, max_value=100, decimal_places=2
    )
    notes = forms.CharField(label=_("Assumptions"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class CostLineForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label=_("Kind"), choices=CostKind.choices)
    description = forms.CharField(label=_("What"), max_length=300)
    amount = MoneyField(label=_("Amount"))


class BenefitLineForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label=_("Kind"), choices=BenefitKind.choices)
    description = forms.CharField(label=_("Benefit"), max_length=300)
    unit = forms.CharField(label=_("Unit"), max_length=60, required=False)
    owner = forms.CharField(label=_("Owner"), max_length=200)
    target = LocalDecimalField(label=_("Target"), decimal_places=2, max_digits=14)
    forecast = LocalDecimalField(label=_("Forecast"), decimal_places=2, max_digits=14, required=False)
    actual = LocalDecimalField(label=_("Actual"), decimal_places=2, max_digits=14, required=False)
    indicator = forms.ModelChoiceField(
        label=_("Actual from indicator"), queryset=Indicator.objects.none(), required=False
    )

    def __init__(self, *args, project=None, **kwargs):
        super().__init__(*args, **kwargs)
        if project is not None:
            self.fields["indicator"].queryset = Indicator.objects.filter(goal__project=project)


class ClosingForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=ClosingOutcome.choices, widget=forms.RadioSelect)
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 4}))
    receiving_organisation = forms.ModelChoiceField(
        label=_("Receiving unit (into operations)"), queryset=Organisation.objects.none(), required=False
    )
    spread_to = forms.ModelMultipleChoiceField(
        label=_("Spread to (spread)"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_ends_on = forms.DateField(label=_("New end date (extend)"), required=False, widget=DATE)
    new_budget = MoneyField(label=_("New budget (extend)"), required=False)
    to_return = MoneyField(label=_("Unspent money returned to the fund (stop)"), required=False)

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["receiving_organisation"].queryset = organisations
            self.fields["spread_to"].queryset = organisations


class PortfolioFilterForm(forms.Form):
    fund = forms.ModelChoiceField(label=_("Fund"), queryset=None, required=False, empty_label=_("All"))
    organisation = forms.ModelChoiceField(
        label=_("Unit"), queryset=None, required=False, empty_label=_("All")
    )
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=None, required=False, empty_label=_("All"))
    criterion = forms.ModelChoiceField(
        label=_("Bottom line"), queryset=None, required=False, empty_label=_("All")
    )
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, funds, organisations, themes, criteria, **kwargs):
        from .models import ProjectStatus

        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = funds
        self.fields["organisation"].queryset = organisations
        self.fields["theme"].queryset = themes
        self.fields["criterion"].queryset = criteria
        self.fields["status"].choices = [("", _("All"))] + list(ProjectStatus.choices)
