"""The project's URLs with the OpenID Connect views switched on, as OIDC settings would."""

from django.urls import include, path

from fremdrift.urls import handler403, handler404, handler500  # noqa: F401
from fremdrift.urls import urlpatterns as project_urls

urlpatterns = [*project_urls, path("oidc/", include("mozilla_django_oidc.urls"))]
