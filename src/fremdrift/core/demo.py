"""Demo data written for Fremdrift: two fictional Danish municipalities and a user for every role.

Loaded by `fremdrift demo` into an empty database. Other apps add their demo content through
`DEMO_LOADERS`, each a function taking the `DemoWorld` built here.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction

from fremdrift.accounts.demo import DEMO_PASSWORD
from fremdrift.organisations.models import Membership, Organisation, OrganisationKind
from fremdrift.organisations.roles import Role

K = OrganisationKind

# name, kind, children
TREES = [
    (
        "Nordfjord Kommune",
        K.MUNICIPALITY,
        [
            (
                "Ældre og Sundhed",
                K.ADMINISTRATION,
                [
                    ("Kvalitet og Innovation", K.DEPARTMENT, []),
                    (
                        "Hjemmeplejen",
                        K.DEPARTMENT,
                        [
                            ("Hjemmepleje Nord", K.UNIT, [("Aftenteam Nord", K.TEAM, [])]),
                            ("Hjemmepleje Syd", K.UNIT, []),
                        ],
                    ),
                    (
                        "Plejecentre",
                        K.DEPARTMENT,
                        [
                            ("Plejecenter Lindely", K.UNIT, []),
                            ("Plejecenter Skovbrynet", K.UNIT, []),
                        ],
                    ),
                    (
                        "Rehabilitering og Forebyggelse",
                        K.DEPARTMENT,
                        [
                            ("Træningscenter Nordfjord", K.UNIT, []),
                            ("Forebyggende Hjemmebesøg", K.UNIT, []),
                        ],
                    ),
                ],
            ),
            ("Børn og Unge", K.ADMINISTRATION, []),
        ],
    ),
    (
        "Sølund Kommune",
        K.MUNICIPALITY,
        [
            (
                "Omsorg og Sundhed",
                K.ADMINISTRATION,
                [
                    ("Hjemmeplejen Sølund", K.DEPARTMENT, [("Område Vest", K.UNIT, [])]),
                ],
            ),
        ],
    ),
    ("Nationalt Videnscenter for Velfærdsinnovation", K.NATIONAL_BODY, []),
]

# e-mail, first name, last name, [(organisation, role)]
PEOPLE = [
    ("medarbejder@nordfjord.demo", "Sofie", "Jensen", [("Hjemmepleje Nord", Role.STAFF)]),
    ("projektleder@nordfjord.demo", "Mette", "Holm", [("Plejecenter Lindely", Role.PROJECT_LEAD)]),
    ("vurderer@nordfjord.demo", "Jonas", "Kristensen", [("Ældre og Sundhed", Role.REVIEWER)]),
    ("vurderer2@nordfjord.demo", "Lene", "Bach", [("Ældre og Sundhed", Role.REVIEWER)]),
    ("innovation@nordfjord.demo", "Anders", "Møller", [("Ældre og Sundhed", Role.INNOVATION_UNIT)]),
    ("direktion@nordfjord.demo", "Karen", "Thomsen", [("Ældre og Sundhed", Role.BOARD_MEMBER)]),
    ("kvalitet@nordfjord.demo", "Birgitte", "Lund", [("Ældre og Sundhed", Role.QUALITY_CONSULTANT)]),
    ("admin@nordfjord.demo", "Peter", "Nielsen", [("Nordfjord Kommune", Role.ORG_ADMIN)]),
    ("projektleder@solund.demo", "Henrik", "Dahl", [("Område Vest", Role.PROJECT_LEAD)]),
    ("admin@solund.demo", "Louise", "Berg", [("Sølund Kommune", Role.ORG_ADMIN)]),
]
PLATFORM_ADMIN = ("platform@fremdrift.demo", "Ida", "Platform")


@dataclass
class DemoWorld:
    organisations: dict[str, Organisation] = field(default_factory=dict)
    users: dict[str, object] = field(default_factory=dict)


# Apps append loaders here (in their AppConfig.ready) to add their own demo content.
DEMO_LOADERS = []


def _build_tree(nodes, parent, world):
    for name, kind, children in nodes:
        organisation = Organisation.objects.create(name=name, kind=kind, parent=parent)
        world.organisations[name] = organisation
        _build_tree(children, organisation, world)


def _make_user(email, first_name, last_name, **extra):
    user = get_user_model()(username=email, email=email, first_name=first_name, last_name=last_name, **extra)
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


@transaction.atomic
def load_demo_data() -> DemoWorld:
    world = DemoWorld()
    _build_tree(TREES, None, world)
    email, first, last = PLATFORM_ADMIN
    world.users[email] = _make_user(
        email, first, last, is_platform_admin=True, is_staff=True, is_superuser=True
    )
    for email, first, last, roles in PEOPLE:
        user = _make_user(email, first, last)
        world.users[email] = user
        for organisation_name, role in roles:
            Membership.objects.create(
                user=user, organisation=world.organisations[organisation_name], role=role
            )
    for loader in DEMO_LOADERS:
        loader(world)
    return world


def has_data() -> bool:
    return Organisation.objects.exists()
