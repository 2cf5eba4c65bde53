import pytest

LEAD = "projektleder@nordfjord.demo"
QUALITY = "kvalitet@nordfjord.demo"
INNOVATION = "innovation@nordfjord.demo"
BOARD = "direktion@nordfjord.demo"
STAFF = "medarbejder@nordfjord.demo"
REVIEWER = "vurderer@nordfjord.demo"
ADMIN = "admin@nordfjord.demo"
OTHER_LEAD = "projektleder@solund.demo"
OTHER_ADMIN = "admin@solund.demo"


@pytest.fixture
def falls(world):
    """The demo's falls-prevention project at Plejecenter Lindely (24 monthly counts)."""
    from fremdrift.projects.models import Project

    return Project.objects.get(title="Færre fald på Lindely")


@pytest.fixture
def falls_indicator(falls):
    return falls.goals.first().indicators.first()


@pytest.fixture
def granted_project(world):
    """The project the demo made from the board's grant ("Rolige nætter …")."""
    from fremdrift.projects.models import Project

    return Project.objects.get(application__isnull=False)


@pytest.fixture
def make_project(world):
    from fremdrift.projects import services

    def build(unit="Plejecenter Lindely", lead=LEAD, title="Bedre morgener", **fields):
        return services.create_project(
            world.users[lead], organisation=world.organisations[unit], title=title, **fields
        )

    return build
