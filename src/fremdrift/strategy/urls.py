from django.urls import path

from . import views

app_name = "strategy"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.strategy_create, name="create"),
    path("<int:pk>/", views.strategy_tree, name="tree"),
    path("<int:pk>/edit/", views.strategy_edit, name="edit"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("plans/<int:pk>/rolled-up/", views.plan_detail, {"view": "rolled_up"}, name="plan_rolled_up"),
    path("plans/<int:pk>/by-beacon/", views.plan_detail, {"view": "by_beacon"}, name="plan_by_beacon"),
    path("plans/<int:pk>/rows/new/", views.row_edit, name="row_create"),
    path("plans/<int:pk>/rows/<int:row_pk>/", views.row_edit, name="row_edit"),
    path("plans/<int:pk>/export.xlsx", views.plan_export, name="export"),
    path("plans/<int:pk>/import/", views.plan_import, name="import"),
]
