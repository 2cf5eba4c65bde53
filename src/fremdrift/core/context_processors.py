from django.conf import settings

from .navigation import entries_for


def navigation(request):
    return {
        "nav_entries": entries_for(request.user) if hasattr(request, "user") else [],
        "demo_mode": settings.DEMO_MODE,
        "oidc_enabled": settings.OIDC_ENABLED,
        "oidc_provider_name": settings.OIDC_PROVIDER_NAME,
    }
