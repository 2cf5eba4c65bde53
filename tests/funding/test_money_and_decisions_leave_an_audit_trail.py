"""Every decision about money and every status change is recorded: who, when, what, why."""

import pytest

from fremdrift.audit.models import AuditEntry
from fremdrift.funding import bookkeeping, decisions
from funding.people import BOARD, INNOVATION

pytestmark = [pytest.mark.funding]


def test_a_decision_and_its_grant_are_in_the_trail_with_the_reason(world, recommended, budget_year):
    decision = decisions.decide(
        world.users[BOARD],
        application=recommended,
        outcome="granted",
        amount="200000",
        reasons="Direktionens begrundelse",
        budget_year=budget_year,
    )
    entry = AuditEntry.objects.get(action="decision", object_id=str(decision.pk))
    assert entry.actor == world.users[BOARD]
    assert entry.reason == "Direktionens begrundelse"
    assert entry.organisation == recommended.fund.organisation
    transitions = AuditEntry.objects.filter(action="transition", object_id=str(recommended.pk))
    assert [t.changes["after"]["status"] for t in transitions.order_by("at", "pk")] == [
        "submitted",
        "recommended",
        "granted",
    ]
    grant = recommended.ledger_entries.get(kind="grant")
    booked = AuditEntry.objects.get(
        action="create", content_type__model="ledgerentry", object_id=str(grant.pk)
    )
    assert booked.actor == world.users[BOARD]
    assert grant.decision == decision  # whose entry above carries the reason


def test_a_carry_over_records_who_and_why(world, budget_year):
    carried = bookkeeping.carry_over(
        world.users[INNOVATION], budget_year=budget_year, amount="1000", reason="Til 2027"
    )
    entry = AuditEntry.objects.get(
        action="create", content_type__model="ledgerentry", object_id=str(carried.pk)
    )
    assert entry.actor == world.users[INNOVATION]
    assert entry.reason == "Til 2027"
