from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("<int:pk>/", views.organisation_detail, name="detail"),
    path("<int:pk>/members/<int:membership_pk>/remove/", views.revoke_membership, name="revoke_membership"),
    path("<int:pk>/invite/", views.bulk_invite, name="bulk_invite"),
    path("invitations/<int:pk>/step/<slug:name>/", views.invitation_step, name="invitation_step"),
    path("audit/", views.audit_overview, name="audit_overview"),
    path("<int:pk>/audit/", views.audit_trail, name="audit"),
    path("<int:pk>/audit/export.csv", views.audit_export, name="audit_export"),
]
