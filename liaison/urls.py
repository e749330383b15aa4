"""Words to parents' addresses, mounted at /carnet/ (and /en/carnet/)."""

from django.urls import path

from . import views_files, views_parent, views_staff

app_name = "liaison"

urlpatterns = [
    path("", views_staff.index, name="index"),
    path("ecoles/<int:school_id>/ecrire/", views_staff.new_school_word, name="new_school"),
    path("classes/<int:classroom_id>/ecrire/", views_staff.new_class_word, name="new_class"),
    path("mots/<int:word_id>/suivi/", views_staff.follow, name="follow"),
    path("mots/<int:word_id>/relancer/", views_staff.remind, name="remind"),
    path("mots/<int:word_id>/a-imprimer/", views_staff.print_list, name="print"),
    path("enfants/<int:child_id>/", views_parent.child_notebook, name="child"),
    path("enfants/<int:child_id>/mots/<int:word_id>/", views_parent.read_word, name="read"),
    path("fichiers/<int:file_id>/<str:name>", views_files.word_file, name="file"),
]
