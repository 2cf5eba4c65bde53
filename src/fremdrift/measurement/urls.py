from django.urls import path

from . import views

app_name = "measurement"

urlpatterns = [
    path("goals/<int:goal_pk>/indicators/new/", views.indicator_new, name="indicator_new"),
    path("indicators/<int:pk>/", views.indicator, name="indicator"),
    path("indicators/<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/chart.svg", views.chart_svg, name="chart_svg"),
    path("indicators/<int:pk>/enter/", views.entry, name="entry"),
    path("indicators/<int:pk>/import/", views.import_file, name="import"),
    path("indicators/<int:pk>/export.<sheet:fmt>", views.export, name="export"),
    path("indicators/<int:pk>/changes/", views.add_change, name="add_change"),
    path("indicators/<int:pk>/changes/<int:change_pk>/remove/", views.remove_change, name="remove_change"),
    path("indicators/<int:pk>/freeze/", views.freeze, name="freeze"),
    path("indicators/<int:pk>/measurements/<int:measurement_pk>/correct/", views.correct, name="correct"),
]
