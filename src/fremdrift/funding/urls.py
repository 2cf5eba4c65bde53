from django.urls import path

from . import views

app_name = "funding"

urlpatterns = [
    path("", views.fund_list, name="list"),
    path("new/", views.fund_create, name="fund_create"),
    path("<int:pk>/", views.fund_detail, name="fund"),
    path("<int:pk>/calendar.ics", views.fund_calendar, name="calendar"),
    path("<int:pk>/calendar/<slug:token>.ics", views.fund_calendar_feed, name="calendar_feed"),
    path("<int:pk>/granted/", views.granted_list, name="granted"),
    path("<int:pk>/rounds/new/", views.round_create, name="round_create"),
    path("<int:pk>/apply/", views.application_create, name="apply"),
    path("from-idea/<int:idea_pk>/", views.application_from_idea, name="from_idea"),
    path("<int:pk>/export/applications.<sheet:fmt>", views.export_applications, name="export_applications"),
    path("<int:pk>/export/ledger.<sheet:fmt>", views.export_ledger, name="export_ledger"),
    path("rounds/<int:pk>/", views.round_detail, name="round"),
    path("rounds/<int:pk>/meeting/", views.meeting, name="meeting"),
    path("rounds/<int:pk>/papers.pdf", views.meeting_papers, name="papers"),
    path("applications/", views.application_list, name="applications"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("applications/<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path("applications/<int:pk>/submit/", views.application_submit, name="application_submit"),
    path("applications/<int:pk>/withdraw/", views.application_withdraw, name="application_withdraw"),
    path("applications/<int:pk>/review/", views.review, name="review"),
    path("applications/<int:pk>/recommend/", views.recommend, name="recommend"),
    path("applications/<int:pk>/decide/", views.decide, name="decide"),
    path("decisions/<int:pk>/correct/", views.correct, name="correct"),
]
