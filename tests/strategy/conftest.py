import pytest

from fremdrift.organisations.models import Organisation
from fremdrift.strategy.models import ActionPlan, ActionPlanRow, Beacon, Effort, Strategy


@pytest.fixture
def org(world):
    """An organisation of the demo world by name."""
    return lambda name: Organisation.objects.get(name=name)


@pytest.fixture
def strategy(world, org):
    strategy = Strategy.objects.create(
        organisation=org("Ældre og Sundhed"), title="Teststrategi", starts_year=2026, ends_year=2029
    )
    quality = Beacon.objects.create(strategy=strategy, title="Faglig kvalitet", position=1)
    Effort.objects.create(beacon=quality, title="Fælles sprog for rehabilitering", position=1)
    Beacon.objects.create(strategy=strategy, title="Teknologi der virker", position=2)
    return strategy


@pytest.fixture
def make_plan(org):
    def make(unit="Hjemmepleje Nord", title="Handleplan", strategy=None, rows=()):
        plan = ActionPlan.objects.create(organisation=org(unit), title=title, strategy=strategy)
        for position, fields in enumerate(rows, start=1):
            ActionPlanRow.objects.create(plan=plan, position=position, **fields)
        return plan

    return make
