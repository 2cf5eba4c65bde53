"""Net present value and payback, computed in Decimals by a pure module."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fremdrift.projects.business_case import (
    YearFlow,
    net_present_value,
    payback_year,
    summarise,
    yearly_flows,
)

pytestmark = [pytest.mark.projects]

money = st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False)
rates = st.decimals(min_value=0, max_value=20, places=2, allow_nan=False, allow_infinity=False)
flows = st.lists(st.tuples(money, money).map(lambda cb: YearFlow(0, cb[0], cb[1])), min_size=1, max_size=10)


def test_a_known_case():
    summary = summarise(
        2025,
        Decimal("4"),
        costs=[(2025, Decimal("100000")), (2026, Decimal("10000"))],
        benefits=[(2026, Decimal("60000")), (2027, Decimal("60000"))],
    )
    # -100000 + 50000/1.04 + 60000/1.04^2 = -100000 + 48076.923 + 55473.373
    assert summary.npv == Decimal("3550.30")
    assert summary.payback == 2027
    assert summary.discounted_payback == 2027
    assert [f.year for f in summary.flows] == [2025, 2026, 2027]


@given(flows)
def test_at_zero_rate_the_npv_is_the_plain_sum(flows):
    assert net_present_value(flows, Decimal("0")) == sum((f.net for f in flows), Decimal("0")).quantize(
        Decimal("0.01")
    )


@given(flows, rates)
def test_year_zero_is_not_discounted(flows, rate):
    only_first = [flows[0]] + [YearFlow(0, Decimal("0"), Decimal("0")) for _ in flows[1:]]
    assert net_present_value(only_first, rate) == flows[0].net.quantize(Decimal("0.01"))


@given(money, st.lists(money, min_size=1, max_size=8), rates, rates)
def test_a_higher_rate_never_raises_the_npv_of_an_investment(investment, returns, low, high):
    low, high = sorted([low, high])
    case = [YearFlow(0, investment, Decimal("0"))] + [YearFlow(0, Decimal("0"), r) for r in returns]
    assert net_present_value(case, high) <= net_present_value(case, low)


@given(flows)
def test_payback_is_the_first_year_the_running_total_is_not_negative(flows):
    flows = [YearFlow(2025 + t, f.costs, f.benefits) for t, f in enumerate(flows)]
    year = payback_year(flows)
    running = Decimal("0")
    for t, flow in enumerate(flows):
        running += flow.net
        spent = any(f.costs for f in flows[: t + 1])
        if year is not None and flow.year < year:
            assert running < 0 or not spent
        if flow.year == year:
            assert running >= 0 and spent
            break
    else:
        assert year is None


def test_a_line_before_the_first_year_is_refused():
    with pytest.raises(ValueError):
        yearly_flows(2025, [(2024, Decimal("1"))], [])
