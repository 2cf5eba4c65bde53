from django.urls import path

from . import views

app_name = "ideas"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.idea_create, name="create"),
    path("public/<int:organisation_pk>/", views.public_idea_create, name="public_create"),
    path("<int:pk>/", views.idea_detail, name="detail"),
    path("<int:pk>/support/", views.support, name="support"),
    path("<int:pk>/comment/", views.comment, name="comment"),
    path("<int:pk>/move/", views.move, name="move"),
    path("<int:pk>/to-action-plan/", views.to_action_plan, name="to_action_plan"),
    path("board/<int:organisation_pk>/", views.board, name="board"),
    path("campaigns/", views.campaign_list, name="campaigns"),
    path("campaigns/new/", views.campaign_create, name="campaign_create"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign"),
    path("learning/", views.review_list, name="reviews"),
    path("learning/new/", views.review_create, name="review_create"),
    path("learning/<int:pk>/", views.review_detail, name="review"),
    path("learning/<int:pk>/step/<slug:name>/", views.review_step, name="review_step"),
]
