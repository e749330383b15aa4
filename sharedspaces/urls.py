"""Shared spaces' addresses, mounted at /espaces-partages/ (and /en/espaces-partages/).
Each activity mounts its own under /espaces-partages/<space_id>/ (site/preau/urls.py)."""

from django.urls import path

from . import views

app_name = "sharedspaces"

urlpatterns = [
    path("", views.index, name="index"),
    path("nouveau/", views.new_space, name="new"),
    path("<int:space_id>/", views.space, name="space"),
    path("<int:space_id>/classes/", views.classes, name="classes"),
    path("<int:space_id>/classes/inviter/", views.invite, name="invite"),
    path("<int:space_id>/classes/<int:row_id>/<str:action>/", views.answer, name="answer"),
    path("<int:space_id>/classes/<int:row_id>/ordre/<str:direction>/", views.move, name="move"),
]
