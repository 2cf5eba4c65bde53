from django.urls import path

from . import views

app_name = "background"

urlpatterns = [
    path("outgoing-email/", views.outgoing_email, name="outgoing_email"),
    path("outgoing-email/<int:pk>/retry/", views.retry_email, name="retry_email"),
    path("demo/inbox/", views.demo_inbox, name="demo_inbox"),
    path("demo/inbox/<int:pk>/", views.demo_inbox_html, name="demo_inbox_html"),
]
