from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("portfolio/", views.portfolio, name="portfolio"),
    path("from-application/<int:application_pk>/", views.from_application, name="from_application"),
    path("from-idea/<int:idea_pk>/", views.from_idea, name="from_idea"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/report.pdf", views.report_pdf, name="report_pdf"),
    path("<int:pk>/edit/<slug:part>/", views.edit_part, name="edit_part"),
    path("<int:pk>/team/", views.team, name="team"),
    path("<int:pk>/goals/add/", views.add_goal, name="add_goal"),
    path("<int:pk>/step/<slug:name>/", views.step, name="step"),
    path("<int:pk>/pdsa/new/", views.pdsa_new, name="pdsa_new"),
    path("pdsa/<int:pk>/", views.pdsa, name="pdsa"),
    path("ideas/<int:idea_pk>/pdsa/new/", views.pdsa_new, name="idea_pdsa_new"),
    path("<int:pk>/reports/new/", views.report_new, name="report_new"),
    path("<int:pk>/progress/", views.log_progress, name="log_progress"),
    path("<int:pk>/milestones/", views.add_milestone, name="add_milestone"),
    path("<int:pk>/milestones/<int:milestone_pk>/reached/", views.reach_milestone, name="reach_milestone"),
    path("<int:pk>/evaluations/new/", views.evaluation, name="evaluation_new"),
    path("<int:pk>/evaluations/<int:evaluation_pk>/", views.evaluation, name="evaluation"),
    path("<int:pk>/business-case/", views.business_case, name="business_case"),
    path("<int:pk>/closing/", views.closing, name="closing"),
    path("<int:pk>/closing/<int:decision_pk>/return/", views.return_money, name="return_money"),
]
