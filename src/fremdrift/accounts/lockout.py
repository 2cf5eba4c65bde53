"""How django-axes names the one trying to log in."""

from django.conf import settings


def normalised_username(request, credentials=None) -> str:
    """The address as the log-in matches it (any letter case, spaces around it ignored), so every
    spelling of one address counts towards the same lock-out."""
    source = credentials if credentials else getattr(request, "POST", {})
    return (source.get(settings.AXES_USERNAME_FORM_FIELD) or "").strip().casefold()
