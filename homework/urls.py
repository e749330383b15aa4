"""The homework diary's addresses, mounted at /cahier/ (and /en/cahier/)."""

from django.urls import path

from . import feeds, views

app_name = "homework"

urlpatterns = [
    path("classes/<int:classroom_id>/nouvelle/", views.session_new, name="session_new"),
    path("classes/<int:classroom_id>/copier/", views.copy, name="copy"),
    path("seances/<int:session_id>/", views.session_edit, name="session_edit"),
    path("seances/<int:session_id>/supprimer/", views.session_delete, name="session_delete"),
    path("travail/<int:item_id>/fait/", views.tick, name="tick"),
    path("fichiers/<int:file_id>/<str:name>", views.session_file, name="file"),
    path("calendrier/<int:user_id>/<str:token>.ics", feeds.homework_feed, name="feed"),
]
