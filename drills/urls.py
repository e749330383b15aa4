"""The drills' addresses, mounted at /entrainements/ (and /en/entrainements/)."""

from django.urls import path

from . import views_pupil, views_teacher

app_name = "drills"

urlpatterns = [
    path("classes/<int:classroom_id>/nouveau/", views_teacher.drill_new, name="new"),
    path("<int:drill_id>/modifier/", views_teacher.drill_edit, name="edit"),
    path("<int:drill_id>/classe/", views_teacher.grid, name="grid"),
    path("<int:drill_id>/eleves/<int:pupil_id>/niveau/", views_teacher.set_level, name="set_level"),
    path("<int:drill_id>/commencer/", views_pupil.start, name="start"),
    path("series/<int:round_id>/", views_pupil.play, name="round"),
]
