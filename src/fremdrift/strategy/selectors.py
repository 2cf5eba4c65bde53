"""Reads for strategy and action-plan pages: flat queries, narrowed by `fremdrift.access`."""

from collections import Counter, OrderedDict

from django.db.models import Count, Prefetch, Q

from fremdrift import access

from . import workflow
from .models import ActionPlan, ActionPlanRow, Beacon, Effort, Strategy


def visible_strategies(user):
    return access.narrow(Strategy.objects.select_related("organisation"), user, "strategy.view").annotate(
        beacon_count=Count("beacons", distinct=True)
    )


def visible_plans(user):
    return access.narrow(
        ActionPlan.objects.select_related("organisation", "strategy"), user, "action_plan.view"
    ).annotate(
        row_count=Count("rows", distinct=True),
        open_count=Count("rows", filter=~Q(rows__status__in=workflow.CLOSED_STATES), distinct=True),
    )


def _rows(queryset):
    return queryset.select_related(
        "plan__organisation", "beacon", "strategic_effort", "strategic_effort__beacon"
    ).prefetch_related("ideas")


def status_counts(rows) -> list[dict]:
    counter = Counter(row.status for row in rows)
    return [{"status": s, "label": label, "count": counter.get(s, 0)} for s, label in workflow.STATES.items()]


def plans_below(plan):
    """The plans of the organisations under this plan's organisation (not the plan's own organisation)."""
    return ActionPlan.objects.filter(organisation__path__startswith=plan.organisation.path).exclude(
        organisation=plan.organisation
    )


def plan_page(plan, *, rolled_up=False):
    """The rows of a plan, or of the plan and every plan below it, with status counts."""
    if rolled_up:
        plans = ActionPlan.objects.filter(Q(pk=plan.pk) | Q(pk__in=plans_below(plan)))
    else:
        plans = ActionPlan.objects.filter(pk=plan.pk)
    rows = list(
        _rows(ActionPlanRow.objects.filter(plan__in=plans)).order_by(
            "plan__organisation__path", "plan__title", "position", "pk"
        )
    )
    return {
        "rows": rows,
        "counts": status_counts(rows),
        "overdue_count": sum(1 for row in rows if row.overdue),
        "plans_below": list(plans_below(plan).select_related("organisation")),
    }


def rows_by_beacon(rows) -> list[tuple[object, list]]:
    """Rows grouped by the beacon they serve (or focus area as written), beacons in strategy order."""
    groups: OrderedDict = OrderedDict()
    for row in sorted(
        rows,
        key=lambda r: (
            r.beacon is None,
            (r.beacon.strategy_id, r.beacon.position, r.beacon.pk) if r.beacon else (0, 0, 0),
            r.focus_area.casefold(),
        ),
    ):
        key = ("beacon", row.beacon_id) if row.beacon_id else ("text", row.focus_area.casefold())
        if key not in groups:
            groups[key] = {"label": row.focus_area_label, "beacon": row.beacon, "rows": []}
        groups[key]["rows"].append(row)
    return list(groups.values())


def strategy_tree(strategy, user):
    """Beacons → efforts → the action-plan rows (and their ideas) that serve them, as far as the user sees.

    The ideas that serve a beacon directly are the ideas app's to add (its `ideas_serving` tag)."""
    rows = list(
        _rows(
            access.narrow(
                ActionPlanRow.objects.filter(beacon__strategy=strategy),
                user,
                "action_plan.view",
                "plan__organisation",
            )
        ).order_by("plan__organisation__path", "position")
    )
    by_effort: dict = {}
    without_effort: dict = {}
    for row in rows:
        if row.strategic_effort_id:
            by_effort.setdefault(row.strategic_effort_id, []).append(row)
        else:
            without_effort.setdefault(row.beacon_id, []).append(row)
    beacons = list(
        Beacon.objects.filter(strategy=strategy).prefetch_related(
            Prefetch("efforts", queryset=Effort.objects.order_by("position", "pk"))
        )
    )
    tree = []
    for beacon in beacons:
        tree.append(
            {
                "beacon": beacon,
                "efforts": [
                    {
                        "effort": effort,
                        "rows": by_effort.get(effort.pk, []),
                        "counts": status_counts(by_effort.get(effort.pk, [])),
                    }
                    for effort in beacon.efforts.all()
                ],
                "other_rows": without_effort.get(beacon.pk, []),
            }
        )
    return {"tree": tree, "counts": status_counts(rows)}
