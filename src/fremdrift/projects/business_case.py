"""Net present value and payback of a business case: plain functions over Decimals, no Django.

Year 0 is the business case's first year and is not discounted. A year's net flow is its economic
benefits minus its costs (investment and running). Only economic benefits are money; the others
are shown beside the calculation, never summed into it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0")


@dataclass(frozen=True)
class YearFlow:
    year: int
    costs: Decimal
    benefits: Decimal

    @property
    def net(self) -> Decimal:
        return self.benefits - self.costs


def yearly_flows(
    first_year: int, costs: Iterable[tuple[int, Decimal]], benefits: Iterable[tuple[int, Decimal]]
):
    """One YearFlow per year from `first_year` to the last year named, gaps filled with zero."""
    cost_by_year: dict[int, Decimal] = {}
    benefit_by_year: dict[int, Decimal] = {}
    for year, amount in costs:
        cost_by_year[year] = cost_by_year.get(year, ZERO) + Decimal(amount)
    for year, amount in benefits:
        benefit_by_year[year] = benefit_by_year.get(year, ZERO) + Decimal(amount)
    years = set(cost_by_year) | set(benefit_by_year)
    if any(year < first_year for year in years):
        raise ValueError("a line lies before the business case's first year")
    last = max(years, default=first_year)
    return [
        YearFlow(year, cost_by_year.get(year, ZERO), benefit_by_year.get(year, ZERO))
        for year in range(first_year, last + 1)
    ]


def discount_factor(rate_percent: Decimal, t: int) -> Decimal:
    return (Decimal(1) + Decimal(rate_percent) / Decimal(100)) ** t


def net_present_value(flows: list[YearFlow], rate_percent: Decimal) -> Decimal:
    """Σ net_t / (1 + r)^t, rounded to øre/öre at the end only."""
    total = sum((flow.net / discount_factor(rate_percent, t) for t, flow in enumerate(flows)), ZERO)
    return total.quantize(CENT, rounding=ROUND_HALF_EVEN)


def payback_year(flows: list[YearFlow], rate_percent: Decimal | None = None) -> int | None:
    """The first calendar year by whose end the cumulative (discounted, if a rate is given) net flow
    is no longer negative, once something has been spent; None if it never pays back."""
    cumulative = ZERO
    for t, flow in enumerate(flows):
        net = flow.net if rate_percent is None else flow.net / discount_factor(rate_percent, t)
        cumulative += net
        if cumulative >= 0 and any(f.costs for f in flows[: t + 1]):
            return flow.year
    return None


@dataclass(frozen=True)
class Summary:
    flows: list[YearFlow]
    npv: Decimal
    payback: int | None
    discounted_payback: int | None
    total_costs: Decimal
    total_benefits: Decimal


def summarise(first_year, rate_percent, costs, benefits) -> Summary:
    flows = yearly_flows(first_year, costs, benefits)
    return Summary(
        flows=flows,
        npv=net_present_value(flows, rate_percent),
        payback=payback_year(flows),
        discounted_payback=payback_year(flows, rate_percent),
        total_costs=sum((f.costs for f in flows), ZERO),
        total_benefits=sum((f.benefits for f in flows), ZERO),
    )
