"""Forms for fund pages. Every error lands at its field; the services check again whoever calls them."""

import datetime
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fremdrift.core.forms import LocalDecimalField, MoneyField

from .models import (
    REPORT_EVERY_MONTHS,
    Currency,
    DecisionOutcome,
    Fund,
    FundKind,
    FundTimeZone,
    PartnerKind,
    RecommendationOutcome,
    Sdg,
)

DATE = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
DATETIME = {
    "widget": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    "input_formats": ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
}
TEXT = {"widget": forms.Textarea(attrs={"rows": 4})}


class RoundForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    opens_on = forms.DateField(label=_("Opens"), **DATE)
    deadline = forms.DateTimeField(label=_("Deadline"), help_text=_("In the fund's time zone."), **DATETIME)
    information_meeting = forms.DateTimeField(label=_("Information meeting"), required=False, **DATETIME)
    workshop = forms.DateTimeField(label=_("Workshop"), required=False, **DATETIME)
    assessment_meeting = forms.DateField(label=_("Assessment meeting"), required=False, **DATE)
    decision_meeting = forms.DateField(label=_("Decision meeting"), required=False, **DATE)

    def __init__(self, *args, fund, **kwargs):
        super().__init__(*args, **kwargs)
        self.fund = fund

    def clean(self):
        cleaned = super().clean()
        # Times are typed in the fund's time zone, whatever the user's.
        for name in ("deadline", "information_meeting", "workshop"):
            value = cleaned.get(name)
            if value is not None:
                cleaned[name] = timezone.make_aware(timezone.make_naive(value), self.fund.zone)
        opens, deadline = cleaned.get("opens_on"), cleaned.get("deadline")
        if opens and deadline and deadline.astimezone(self.fund.zone).date() < opens:
            self.add_error("deadline", _("The deadline is before the round opens."))
        decision, assessment = cleaned.get("decision_meeting"), cleaned.get("assessment_meeting")
        if decision and assessment and decision < assessment:
            self.add_error("decision_meeting", _("The decision meeting is before the assessment meeting."))
        return cleaned


class ApplicationStartForm(forms.Form):
    title = forms.CharField(label=_("Project title"), max_length=200)
    organisation = forms.ModelChoiceField(label=_("Applicant unit"), queryset=None)
    round = forms.ModelChoiceField(
        label=_("Round"),
        queryset=None,
        required=False,
        help_text=_("Needed from the fund's threshold; smaller applications are taken all year."),
    )

    def __init__(self, *args, units, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = units
        self.fields["round"].queryset = rounds
        if units.count() == 1:
            self.fields["organisation"].initial = units.first()


class ApplicationForm(forms.Form):
    title = forms.CharField(label=_("Project title"), max_length=200)
    round = forms.ModelChoiceField(label=_("Round"), queryset=None, required=False)
    starts_on = forms.DateField(label=_("Project start"), required=False, **DATE)
    ends_on = forms.DateField(label=_("Project end"), required=False, **DATE)
    challenge = forms.CharField(
        label=_("1. The challenge"),
        required=False,
        help_text=_("What problem does the project solve, for whom, and how do you know?"),
        **TEXT,
    )
    criteria = forms.ModelMultipleChoiceField(
        label=_("2. Bottom lines served"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    criteria_how = forms.CharField(label=_("How the project serves them"), required=False, **TEXT)
    sdgs = forms.TypedMultipleChoiceField(
        label=_("UN Sustainable Development Goals"),
        choices=Sdg.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    activities = forms.CharField(label=_("4. Activities"), required=False, **TEXT)
    resources = forms.CharField(label=_("Resources"), required=False, **TEXT)
    evaluation_plan = forms.CharField(
        label=_("5. Evaluation"),
        required=False,
        help_text=_("Ongoing and final evaluation, with a business case."),
        **TEXT,
    )
    spread_plan = forms.CharField(
        label=_("6. Spread and implementation"),
        required=False,
        help_text=_("Criteria for moving into operations, and long-term effect indicators."),
        **TEXT,
    )

    def __init__(self, *args, fund, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = fund.rounds.all()
        self.fields["criteria"].queryset = fund.criteria.all()
        self.fields["themes"].queryset = fund.themes.all()
        if not fund.uses_sdgs:
            del self.fields["sdgs"]
        if not fund.themes.exists():
            del self.fields["themes"]

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The project ends before it starts."))
        return cleaned


class IndicatorForm(forms.Form):
    """One indicator under a goal; rows with the same goal belong together."""

    goal = forms.CharField(label=_("Goal"), max_length=500)
    name = forms.CharField(label=_("Indicator"), max_length=200)
    definition = forms.CharField(
        label=_("Definition"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    unit = forms.CharField(label=_("Unit"), max_length=60, required=False)
    baseline = LocalDecimalField(label=_("Baseline"), required=False, max_digits=14, decimal_places=4)
    target = LocalDecimalField(
        label=_("Target"),
        max_digits=14,
        decimal_places=4,
        error_messages={"required": _("An indicator needs a target.")},
    )
    data_collection = forms.CharField(
        label=_("How the data are collected"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PartnerForm(forms.Form):
    name = forms.CharField(label=_("Partner"), max_length=200)
    # A blank first choice, so an empty extra row stays unchanged and is skipped.
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "–"), *PartnerKind.choices])
    contribution = forms.CharField(label=_("Role in the project"), max_length=500, required=False)


class BudgetLineForm(forms.Form):
    description = forms.CharField(label=_("What"), max_length=300)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    amount = MoneyField(label=_("Amount applied for"))
    co_financing = MoneyField(label=_("Co-financing"), required=False)


IndicatorFormSet = forms.formset_factory(IndicatorForm, extra=1)
PartnerFormSet = forms.formset_factory(PartnerForm, extra=1)
BudgetLineFormSet = forms.formset_factory(BudgetLineForm, extra=1)


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Attachment"), help_text=_("PDF, Word, Excel or an image, at most 10 MB."))


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=None)

    def __init__(self, *args, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class ConflictForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest?"),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    conflict_note = forms.CharField(
        label=_("About the conflict of interest"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("has_conflict") and not cleaned.get("conflict_note", "").strip():
            self.add_error("conflict_note", _("Describe the conflict of interest."))
        return cleaned


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("Overall comment"), required=False, **TEXT)

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=_("%(criterion)s: score (0–%(max)s)")
                % {"criterion": criterion.name, "max": criterion.scale_max},
                help_text=criterion.description,
                min_value=0,
                max_value=criterion.scale_max,
                required=False,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("%(criterion)s: comment") % {"criterion": criterion.name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.order_fields([name for name in self.fields if name != "comment"] + ["comment"])

    def scores(self):
        return {
            c.pk: (self.cleaned_data.get(f"score_{c.pk}"), self.cleaned_data.get(f"comment_{c.pk}", ""))
            for c in self.criteria
        }


class RecommendationForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Recommendation"), choices=RecommendationOutcome.choices)
    amount = MoneyField(label=_("Amount"), required=False)
    conditions = forms.CharField(
        label=_("Conditions"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reasons = forms.CharField(label=_("Reasons"), **TEXT)


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=DecisionOutcome.choices)
    amount = MoneyField(label=_("Amount granted"), required=False)
    budget_year = forms.TypedChoiceField(label=_("Budget year"), required=False, coerce=int, empty_value=None)
    conditions = forms.CharField(
        label=_("Conditions"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reasons = forms.CharField(label=_("Reasons"), help_text=_("The applicant reads these."), **TEXT)
    over_commitment_reason = forms.CharField(
        label=_("Reason for over-commitment"),
        required=False,
        help_text=_("Only if the grant goes beyond what is available in the budget year."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, fund, budget_years=None, **kwargs):
        """`budget_years`: the fund's years, fetched once when a page shows many of these forms."""
        super().__init__(*args, **kwargs)
        years = list(budget_years if budget_years is not None else fund.budget_years.all())
        self.years = {year.pk: year for year in years}
        self.fields["budget_year"].choices = [("", "–")] + [(year.pk, str(year.year)) for year in years]
        if "budget_year" not in self.initial:
            this_year = next((y for y in years if y.year == datetime.date.today().year), None)
            if this_year:
                self.initial["budget_year"] = this_year.pk

    def clean_budget_year(self):
        value = self.cleaned_data.get("budget_year")
        return self.years.get(value) if value else None


class BudgetForm(forms.Form):
    year = forms.IntegerField(label=_("Budget year"), min_value=2000, max_value=2100)
    amount = MoneyField(label=_("Amount"))
    reason = forms.CharField(label=_("Reason"), max_length=500)


class CarryOverForm(forms.Form):
    budget_year = forms.ModelChoiceField(label=_("From budget year"), queryset=None)
    amount = MoneyField(label=_("Amount"))
    reason = forms.CharField(label=_("Reason"), max_length=500)

    def __init__(self, *args, fund, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget_year"].queryset = fund.budget_years.all()
        self.fields["budget_year"].label_from_instance = lambda year: str(year.year)


class PaymentForm(forms.Form):
    amount = MoneyField(label=_("Amount paid out"))
    reason = forms.CharField(label=_("Note"), max_length=500, required=False)


class ReturnForm(CarryOverForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget_year"].label = _("Back into budget year")
        self.fields["amount"].label = _("Amount returned")


class FundForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Owner"), queryset=None)
    name = forms.CharField(label=_("Name"), max_length=200)
    purpose = forms.CharField(label=_("Purpose"), required=False, **TEXT)
    kind = forms.ChoiceField(label=_("Kind"), choices=FundKind.choices)
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=FundTimeZone.choices)
    threshold_amount = MoneyField(
        label=_("Threshold"),
        help_text=_(
            "Below it applications are taken all year and decided by the innovation unit; from it they "
            "belong to a round and are decided by the board. 0: every application belongs to a round."
        ),
    )
    minimum_grant = MoneyField(label=_("Minimum grant"), required=False)
    uses_sdgs = forms.BooleanField(
        label=_("Applications choose UN Sustainable Development Goals"), required=False
    )
    report_every_months = forms.IntegerField(
        label=_("Status report every (months)"),
        required=False,
        min_value=1,
        max_value=36,
        initial=REPORT_EVERY_MONTHS,
        help_text=_(
            "Funded projects report their status this many months after their last report. Empty: every 6 "
            "months."
        ),
    )
    cycle_is_public = forms.BooleanField(
        label=_("The yearly cycle is public"),
        required=False,
        help_text=Fund._meta.get_field("cycle_is_public").help_text,
    )
    themes = forms.CharField(
        label=_("Themes"),
        required=False,
        help_text=_("One theme per line."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def clean_themes(self):
        return [line.strip() for line in self.cleaned_data["themes"].splitlines() if line.strip()]

    def clean_report_every_months(self):
        return self.cleaned_data["report_every_months"] or REPORT_EVERY_MONTHS


class CriterionForm(forms.Form):
    name = forms.CharField(label=_("Bottom line"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    weight = LocalDecimalField(
        label=_("Weight"),
        min_value=Decimal("0"),
        max_digits=5,
        decimal_places=2,
        initial=1,
        error_messages={"min_value": _("The weight cannot be negative.")},
    )
    scale_max = forms.IntegerField(label=_("Highest score"), min_value=1, max_value=100, initial=5)


CriterionFormSet = forms.formset_factory(CriterionForm, extra=4, min_num=1, validate_min=True)
