"""Small builders for tests: the least data that shows a behaviour."""

from itertools import count

from django.contrib.auth import get_user_model

from fremdrift.organisations.models import Membership, Organisation, OrganisationKind

_numbers = count(1)


def make_organisation(name=None, kind=OrganisationKind.MUNICIPALITY, parent=None, **extra):
    return Organisation.objects.create(
        name=name or f"Organisation {next(_numbers)}", kind=kind, parent=parent, **extra
    )


def make_user(email=None, password="a-long-test-password-1", **extra):
    email = email or f"person{next(_numbers)}@example.org"
    user = get_user_model()(username=email, email=email, **extra)
    user.set_password(password)
    user.save()
    return user


def make_member(organisation, role, **user_fields):
    user = make_user(**user_fields)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user
