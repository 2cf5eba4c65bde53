from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from fremdrift.core.admin import ReadOnlyAdmin

from . import models


class CriterionInline(admin.TabularInline):
    model = models.Criterion
    extra = 0


class ThemeInline(admin.TabularInline):
    model = models.Theme
    extra = 0


@admin.register(models.Fund)
class FundAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "kind", "currency", "threshold_amount"]
    list_filter = ["kind", "currency"]
    inlines = [CriterionInline, ThemeInline]


@admin.register(models.Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["name", "fund", "opens_on", "deadline"]


class ApplicationAdminForm(forms.ModelForm):
    # The application's own words for the shared project description (see description.py).
    class Meta:
        labels = {
            "title": _("Project title"),
            "starts_on": _("Project start"),
            "ends_on": _("Project end"),
            "criteria_how": _("How the project serves them"),
        }
        help_texts = {"spread_plan": ""}


@admin.register(models.Application)
class ApplicationAdmin(ReadOnlyAdmin):
    form = ApplicationAdminForm
    list_display = ["project_title", "fund", "organisation", "status", "route", "version"]
    list_filter = ["status", "route", "fund"]
    search_fields = ["title"]

    @admin.display(description=_("Project title"), ordering="title")
    def project_title(self, application):
        return application.title


@admin.register(models.LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    list_display = ["budget_year", "kind", "amount", "application", "booked_on", "recorded_by"]
    list_filter = ["kind"]
