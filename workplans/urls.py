"""Work plan addresses, mounted at /plans-de-travail/ (and /en/plans-de-travail/)."""

from django.urls import path

from . import views, views_edit

app_name = "workplans"

urlpatterns = [
    path("classes/<int:classroom_id>/nouveau/", views_edit.plan_new, name="new"),
    path("<int:plan_id>/modifier/", views_edit.plan_edit, name="edit"),
    path("<int:plan_id>/tableau/", views.grid_view, name="grid"),
    path("<int:plan_id>/ajuster/", views.adjust, name="adjust"),
    path("<int:plan_id>/ajouter/", views.add_task, name="add_task"),
    path("taches/<int:task_id>/cocher/", views.tick, name="tick"),
]
