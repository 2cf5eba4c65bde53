from django import forms
from django.utils.translation import gettext_lazy as _

from fremdrift.funding.models import Sdg

from .models import CaseLanguage, KnowledgePost, Reuse, Sector, ValueDimension


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=300)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All")), ("case", _("Cases")), ("knowledge_post", _("Knowledge posts"))],
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=[("", _("All")), *Sector.choices])
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All")), *CaseLanguage.choices]
    )
    value_dimension = forms.ChoiceField(
        label=_("Value created"), required=False, choices=[("", _("All")), *ValueDimension.choices]
    )
    theme = forms.CharField(label=_("Theme"), required=False, max_length=100)
    target_group = forms.CharField(label=_("Target group"), required=False, max_length=100)
    organisation = forms.CharField(label=_("Organisation"), required=False, max_length=100)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2100)
    sdg = forms.TypedChoiceField(
        label=_("UN Sustainable Development Goal"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("All")), *Sdg.choices],
    )

    def filters(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "q" and value}


class AdoptForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Reuse in"), queryset=None)
    note = forms.CharField(
        label=_("What do you plan to do?"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        from fremdrift.organisations.models import Organisation

        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        )


class ReuseProgressForm(forms.Form):
    stage = forms.ChoiceField(label=_("How far it got"), choices=Reuse.Stage.choices)
    note = forms.CharField(
        label=_("What we changed and learnt"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class KnowledgePostForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("From"), queryset=None)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (k.value, k.label)
            for k in (
                KnowledgePost.Kind.EXPERIENCE,
                KnowledgePost.Kind.PRELIMINARY_RESULT,
                KnowledgePost.Kind.DEAD_END,
                KnowledgePost.Kind.ADVICE,
            )
        ],
    )
    theme = forms.CharField(label=_("Theme"), required=False, max_length=300)
    project = forms.ModelChoiceField(label=_("Project"), required=False, queryset=None)
    title = forms.CharField(label=_("Title"), max_length=300)
    text = forms.CharField(label=_("What you want to share"), widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, organisations, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["project"].queryset = projects


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))
