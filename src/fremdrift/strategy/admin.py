from django.contrib import admin

from .models import ActionPlan, ActionPlanRow, Beacon, Effort, Strategy


class BeaconInline(admin.TabularInline):
    model = Beacon
    extra = 0


class EffortInline(admin.TabularInline):
    model = Effort
    extra = 0


class RowInline(admin.StackedInline):
    model = ActionPlanRow
    extra = 0
    autocomplete_fields = ()


@admin.register(Strategy)
class StrategyAdmin(admin.ModelAdmin):
    list_display = ("title", "organisation", "starts_year", "ends_year")
    inlines = [BeaconInline]


@admin.register(Beacon)
class BeaconAdmin(admin.ModelAdmin):
    list_display = ("title", "strategy", "position")
    inlines = [EffortInline]


@admin.register(ActionPlan)
class ActionPlanAdmin(admin.ModelAdmin):
    list_display = ("title", "organisation", "strategy")
    inlines = [RowInline]
