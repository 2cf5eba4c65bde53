"""The demo world that every database test starts from, built once per test session."""

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def demo_world():
    """The demo world as the database holds it, loading it first when the database is empty.

    The world is built once per test session (conftest's `django_db_setup`); each test runs in a
    transaction that is rolled back, so every test starts from the same world. Tests on a committing database (the browser's
    live server) empty it afterwards, and the next such test loads it again.
    """
    from django.test import override_settings

    from fremdrift.core.demo import DemoWorld, has_data, load_demo_data
    from fremdrift.organisations.models import Organisation

    if not has_data():
        with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
            return load_demo_data()
    from django.contrib.auth import get_user_model

    return DemoWorld(
        organisations={organisation.name: organisation for organisation in Organisation.objects.all()},
        users={user.email: user for user in get_user_model().objects.all()},
    )


def fremdrift_tables() -> list[str]:
    """The tables of Fremdrift's own models (not Django's, not the packages')."""
    from django.apps import apps

    return [
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model.__module__.startswith("fremdrift.")
    ]
