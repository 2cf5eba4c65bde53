from django import forms
from django.utils.translation import gettext_lazy as _

from fremdrift.strategy.models import ActionPlan

from .models import Campaign, Comment, Idea, LearningAction, LearningCause, LearningReview

MARKDOWN_HELP = _("Plain text. You may use Markdown: *italic*, **bold**, lists and links.")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IdeaForm(forms.ModelForm):
    class Meta:
        model = Idea
        fields = ["organisation", "title", "problem", "proposal", "helps", "beacon", "theme", "campaign"]
        help_texts = {
            "organisation": _("The unit whose improvement board the idea goes on."),
            "problem": MARKDOWN_HELP,
            "proposal": MARKDOWN_HELP,
            "helps": _("Citizens, relatives, colleagues – who gains, and how?"),
        }

    def __init__(self, *args, organisations, beacons, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["beacon"].queryset = beacons
        self.fields["beacon"].label_from_instance = lambda b: f"{b.title} ({b.strategy.title})"
        self.fields["campaign"].queryset = campaigns


class PublicIdeaForm(forms.ModelForm):
    # A honeypot: hidden from people (and screen readers), filled in by form-filling robots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    class Meta:
        model = Idea
        fields = ["public_name", "title", "problem", "proposal", "helps"]
        help_texts = {
            "public_name": _("Shown with your idea. We do not ask for an e-mail address."),
            "problem": MARKDOWN_HELP,
            "proposal": MARKDOWN_HELP,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["public_name"].required = True
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]

    def clean(self):
        cleaned = super().clean()
        self.is_from_a_robot = bool(cleaned.pop("website", ""))
        return cleaned


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"body": MARKDOWN_HELP}


class MoveForm(forms.Form):
    to_status = forms.ChoiceField(label=_("Move to"))
    reason = forms.CharField(
        label=_("Why"),
        required=False,
        max_length=1000,
        help_text=_("Needed when prioritising or dropping."),
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = targets


class ToPlanForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("Action plan"), queryset=ActionPlan.objects.none())

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["organisation", "title", "theme", "description", "starts_on", "ends_on"]
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class LearningReviewForm(forms.ModelForm):
    class Meta:
        model = LearningReview
        fields = ["organisation", "title", "occurred_in", "what_happened", "follow_up_on"]
        widgets = {"follow_up_on": DATE}

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class CauseForm(forms.ModelForm):
    class Meta:
        model = LearningCause
        fields = ["category", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class ActionForm(forms.ModelForm):
    class Meta:
        model = LearningAction
        fields = ["description", "responsible", "due_on", "action_plan_row"]
        widgets = {"due_on": DATE, "description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_plan_row"].queryset = rows
        self.fields["action_plan_row"].label_from_instance = lambda r: (
            f"{r.plan.organisation}: {r.effort[:80]}"
        )
