"""A story in turn's addresses, mounted at /espaces-partages/<space_id>/histoire/."""

from django.urls import path

from . import views

app_name = "stories"

urlpatterns = [
    path("", views.home, name="home"),
    path("ouverture/", views.opening, name="opening"),
    path("fin/", views.finish, name="finish"),
    path("notre-chapitre/", views.write, name="write"),
    path("chapitres/<int:chapter_id>/publier/", views.publish, name="publish"),
    path("chapitres/<int:chapter_id>/renvoyer/", views.send_back, name="send_back"),
]
