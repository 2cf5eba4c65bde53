"""The ledger's arithmetic: plain functions over (kind, amount) pairs, no Django.

available = budget + returned + carried in − granted − carried out
Payments move money already granted, so they do not change what is available. An over-commitment
entry records, with a reason, how far grants were allowed to go beyond what was available.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Balance:
    budget: Decimal = ZERO
    granted: Decimal = ZERO
    paid: Decimal = ZERO
    returned: Decimal = ZERO
    carried_in: Decimal = ZERO
    carried_out: Decimal = ZERO
    over_committed: Decimal = ZERO

    @property
    def available(self) -> Decimal:
        return self.budget + self.returned + self.carried_in - self.granted - self.carried_out

    @property
    def is_sound(self) -> bool:
        """Never below zero further than the recorded over-commitments allow."""
        return self.available + self.over_committed >= ZERO


FIELD_BY_KIND = {
    "budget": "budget",
    "grant": "granted",
    "payment": "paid",
    "return": "returned",
    "carry_in": "carried_in",
    "carry_out": "carried_out",
    "over_commitment": "over_committed",
}


def balance(entries: Iterable[tuple[str, Decimal]]) -> Balance:
    totals = dict.fromkeys(FIELD_BY_KIND.values(), ZERO)
    for kind, amount in entries:
        totals[FIELD_BY_KIND[kind]] += amount
    return Balance(**totals)


def shortfall(current: Balance, amount: Decimal) -> Decimal:
    """How much granting `amount` would go beyond what is available (0 if it fits)."""
    missing = amount - current.available - current.over_committed
    return max(missing, ZERO)
