"""The board's decision: into operations, spread, extend, stop (money back to the fund's ledger)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from fremdrift.access import NotAllowed
from fremdrift.audit.models import AuditEntry
from fremdrift.projects import services
from projects.conftest import BOARD, INNOVATION, LEAD

pytestmark = [pytest.mark.projects]


def test_into_operations_names_the_receiving_unit_and_is_recorded(world, falls):
    board = world.users[BOARD]
    with pytest.raises(ValidationError) as error:
        services.decide_closing(board, project=falls, outcome="into_operations", reasons="Virker.")
    assert "receiving_organisation" in error.value.message_dict
    decision = services.decide_closing(
        board,
        project=falls,
        outcome="into_operations",
        reasons="Virker.",
        receiving_organisation=world.organisations["Plejecenter Lindely"],
    )
    falls.refresh_from_db()
    assert falls.status == "closed" and falls.receiving_organisation.name == "Plejecenter Lindely"
    assert AuditEntry.objects.filter(action="decision", object_id=str(decision.pk), reason="Virker.").exists()
    with pytest.raises(ValidationError):
        services.decide_closing(board, project=falls, outcome="stopped", reasons="igen")


def test_only_the_board_decides(world, falls):
    for email in (LEAD, INNOVATION):
        with pytest.raises(NotAllowed):
            services.decide_closing(world.users[email], project=falls, outcome="stopped", reasons="Nej")


def test_extending_sets_the_new_end_and_carries_the_budget_over(world, falls):
    spent = falls.status_reports.order_by("-reported_on", "-pk").first().spent
    assert 0 < spent < falls.budget  # something spent, something left to carry over
    decision = services.decide_closing(
        world.users[BOARD],
        project=falls,
        outcome="extended",
        reasons="Mere tid",
        new_ends_on=datetime.date(2026, 12, 31),
    )
    falls.refresh_from_db()
    assert falls.status == "running" and falls.ends_on == datetime.date(2026, 12, 31)
    assert decision.carried_over == falls.budget - spent


def test_spreading_names_the_units(world, falls):
    units = [world.organisations["Plejecenter Skovbrynet"]]
    decision = services.decide_closing(
        world.users[BOARD], project=falls, outcome="spread", reasons="Del det", spread_to=units
    )
    assert list(decision.spread_to.all()) == units


def test_a_stopped_granted_project_returns_its_unspent_money_to_the_fund(world, granted_project):
    from fremdrift.funding.selectors import year_balance

    lead, board, unit = world.users[LEAD], world.users[BOARD], world.users[INNOVATION]
    services.take_step(lead, project=granted_project, name="start")
    services.submit_status_report(
        lead,
        project=granted_project,
        reported_on=datetime.date(2026, 10, 1),
        progress="Sensorer opsat",
        traffic_light="red",
        spent=Decimal("150000"),
    )
    grant = granted_project.application.ledger_entries.get(kind="grant")
    unspent = grant.amount - Decimal("150000")
    assert unspent > 0
    budget_year = grant.budget_year
    before = year_balance(budget_year)
    decision = services.decide_closing(
        board, project=granted_project, outcome="stopped", reasons="Sensorerne virker ikke."
    )
    assert decision.to_return == unspent
    decision.refresh_from_db()
    assert not decision.awaits_return  # the board that granted the money takes it back at once
    after = year_balance(budget_year)
    assert decision.returned_entry.kind == "return" and decision.returned_entry.amount == unspent
    assert after.returned - before.returned == unspent
    assert after.available - before.available == unspent
    with pytest.raises(ValidationError):
        services.return_unspent_money(unit, decision=decision)


def test_the_board_moves_a_project_into_operations_on_the_page(client_for, world, falls):
    page = client_for(BOARD).post(
        f"/projects/{falls.pk}/closing/",
        {
            "outcome": "into_operations",
            "reasons": "Faldene er halveret.",
            "receiving_organisation": world.organisations["Plejecenter Lindely"].pk,
        },
    )
    assert page.status_code == 302
    falls.refresh_from_db()
    assert falls.status == "closed"
