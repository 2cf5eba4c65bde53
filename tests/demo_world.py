"""The demo world that every database test starts from, built once per test session."""

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def demo_world():
    """The demo world as the database holds it, loading it first when the database is empty.

    The world is built once per test session (conftest's `django_db_setup`); each test runs in a transaction that is rolled
    back, so every test starts from the same world. Tests on a committing database (the browser's
    live server) empty it afterwards, and the next such test loads it again.
    """
    from django.test import override_settings

    from fremdrift.core.demo import DemoWorld, load_demo_data
    from fremdrift.organisations.models import Organisation

    if not Organisation.objects.exists():
        with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
            return load_demo_data()
    from django.contrib.auth import get_user_model

    return DemoWorld(
        organisations={organisation.name: organisation for organisation in Organisation.objects.all()},
        users={user.email: user for user in get_user_model().objects.all()},
    )
