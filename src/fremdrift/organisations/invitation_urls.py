"""The addresses in invitation e-mails: the token stands for the invitation, so no log-in is needed."""

from django.urls import path

from . import views

app_name = "invitations"

urlpatterns = [
    path("<str:token>/", views.invitation, name="open"),
    path("<str:token>/ask-again/", views.ask_for_new_invitation, name="ask_again"),
]
