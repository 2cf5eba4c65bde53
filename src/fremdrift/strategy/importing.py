"""Strategies and action plans from parsed source documents (Aalborg's strategies, Hedensted's
implementation plan). The owning organisations are found by name, or created, from the document."""

from itertools import groupby

from django.db import transaction

from fremdrift.core.importing import ImportReport, key_text, upsert
from fremdrift.importers import records
from fremdrift.organisations.models import Organisation, OrganisationKind

from . import xlsx
from .models import ActionPlan, ActionPlanRow, Beacon, Effort, Strategy


@transaction.atomic
def import_strategies(document: records.ParsedDocument, report: ImportReport) -> None:
    beacons: dict[tuple[str, ...], Beacon] = {}
    owner = None
    strategy = None
    for parsed in document.strategies:
        owner = owning_organisation(parsed.organisation, report)
        definition = "\n\n".join(part for part in (parsed.statement, parsed.definition) if part)
        strategy, _changed = upsert(
            Strategy,
            report,
            "strategy",
            key_text(parsed.key),
            {
                "organisation": owner,
                "title": parsed.title[:200],
                "vision": parsed.vision,
                "mission": parsed.mission,
                "definition": definition,
            },
        )
        for parsed_beacon in parsed.beacons:
            beacon, _changed = upsert(
                Beacon,
                report,
                "beacon",
                key_text(parsed_beacon.key),
                {
                    "strategy": strategy,
                    "title": parsed_beacon.title[:200],
                    "description": parsed_beacon.description,
                    "position": parsed_beacon.number,
                },
            )
            beacons[parsed_beacon.key] = beacon
            for position, parsed_effort in enumerate(parsed_beacon.efforts, 1):
                upsert(
                    Effort,
                    report,
                    "effort",
                    key_text(parsed_effort.key),
                    {
                        "beacon": beacon,
                        "title": parsed_effort.title[:300],
                        "description": parsed_effort.description,
                        "position": position,
                    },
                )
    if document.action_plan_rows and owner is None:
        report.warnings.append("action-plan rows without a strategy to say whose they are; not imported")
        return
    free_text = 0
    for section, rows in groupby(document.action_plan_rows, key=lambda row: row.section):
        rows = list(rows)
        plan, _changed = upsert(
            ActionPlan,
            report,
            "action plan",
            key_text(rows[0].key[:-1]),
            {
                "organisation": owner,
                "title": section[:200],
                "strategy": strategy,
            },
        )
        for position, row in enumerate(rows, 1):
            values = _row_values(row, beacons)
            free_text += values["status_note"] == row.status != ""
            upsert(
                ActionPlanRow,
                report,
                "action-plan row",
                key_text(row.key),
                {"plan": plan, "position": position, **values},
            )
    if free_text:
        report.warnings.append(
            f"{free_text} action-plan rows give their status as free text only; it is kept as the status note"
        )


def owning_organisation(name: str, report: ImportReport) -> Organisation:
    """'Aalborg Kommune, Senior og Omsorg' → the municipality and its administration."""
    municipality_name, _, part_name = (part.strip() for part in name.partition(","))
    municipality, created = Organisation.objects.get_or_create(
        name=municipality_name, parent=None, defaults={"kind": OrganisationKind.MUNICIPALITY}
    )
    if created:
        report.created["organisation"] += 1
    if not part_name:
        return municipality
    part, created = Organisation.objects.get_or_create(
        name=part_name, parent=municipality, defaults={"kind": OrganisationKind.ADMINISTRATION}
    )
    if created:
        report.created["organisation"] += 1
    return part


def _row_values(row: records.ActionPlanRow, beacons) -> dict:
    try:
        status, note = xlsx.parse_status(row.status)
    except xlsx.StatusError:
        # Many rows describe progress in words; never guess a status from them.
        status, note = "not_started", row.status
    try:
        starts_on, ends_on = xlsx.parse_time_frame(row.time_frame)
    except xlsx.TimeFrameError:
        starts_on = ends_on = None  # the time frame stays as written
    beacon = beacons.get(row.beacon_key)
    return {
        "beacon": beacon,
        "focus_area": "" if beacon else row.focus_area[:300],
        "effort": row.effort,
        "goal": row.goal,
        "expected_effect": row.effect,
        "financing": row.financing[:300],
        "time_frame": row.time_frame[:200],
        "starts_on": starts_on,
        "ends_on": ends_on,
        "status": status,
        "status_note": note,
    }
