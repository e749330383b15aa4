"""The library's addresses, mounted at /bibliotheque/ (and /en/bibliotheque/)."""

from django.urls import path

from . import views, views_files

app_name = "library"

urlpatterns = [
    path("", views.home, name="home"),
    path("publier/", views.new, name="new"),
    path("ma-bibliotheque/", views.mine, name="mine"),
    path("<int:resource_id>/", views.detail, name="detail"),
    path("<int:resource_id>/modifier/", views.edit, name="edit"),
    path("<int:resource_id>/supprimer/", views.delete, name="delete"),
    path("<int:resource_id>/utiliser/", views.use, name="use"),
    path(
        "<int:resource_id>/fichiers/<int:file_id>/<str:name>",
        views_files.resource_file,
        name="file",
    ),
    path(
        "classe/<int:page_id>/fichiers/<int:file_id>/<str:name>",
        views_files.class_file,
        name="class_file",
    ),
]
