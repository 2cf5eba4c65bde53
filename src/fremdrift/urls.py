from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from fremdrift.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("accounts/", include("fremdrift.accounts.urls")),
    path("organisations/", include("fremdrift.organisations.urls")),
    path("invitations/", include("fremdrift.organisations.invitation_urls")),
    path("strategy/", include("fremdrift.strategy.urls")),
    path("ideas/", include("fremdrift.ideas.urls")),
    path("funds/", include("fremdrift.funding.urls")),
    path("projects/", include("fremdrift.projects.urls")),
    path("measurement/", include("fremdrift.measurement.urls")),
    path("library/", include("fremdrift.library.urls")),
    path("", include("fremdrift.background.urls")),
    path("admin/", admin.site.urls),
]
if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

handler403 = "fremdrift.core.views.error_403"
handler404 = "fremdrift.core.views.error_404"
handler500 = "fremdrift.core.views.error_500"
