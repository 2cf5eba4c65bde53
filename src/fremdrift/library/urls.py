from django.urls import path

from . import views

app_name = "library"

urlpatterns = [
    path("", views.index, name="index"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("cases/<int:pk>/adopt/", views.adopt, name="adopt"),
    path("cases/<int:pk>/step/<slug:name>/", views.step, name="step"),
    path("reuses/<int:pk>/progress/", views.reuse_progress, name="reuse_progress"),
    path("from-project/<int:project_pk>/", views.from_project, name="from_project"),
    path("reuse/", views.reuse_overview, name="overview"),
    path("knowledge/", views.knowledge, name="knowledge"),
    path("knowledge/<int:pk>/comment/", views.comment, name="comment"),
    path("knowledge/<int:pk>/step/<slug:name>/", views.knowledge_step, name="knowledge_step"),
    path("open-data/cases.json", views.open_data, {"format": "json"}, name="open_data_json"),
    path("open-data/cases.csv", views.open_data, {"format": "csv"}, name="open_data_csv"),
]
