"""Exercise addresses, mounted at /exercices/ (and /en/exercices/)."""

from django.urls import path

from . import views
from .h5p import views as h5p_views

app_name = "exercises"

urlpatterns = [
    path("<int:exercise_id>/commencer/", views.start, name="start"),
    path("<int:exercise_id>/resultats/", views.results, name="results"),
    path("<int:exercise_id>/resultats.csv", views.results_csv, name="results_csv"),
    path("essais/<int:attempt_id>/", views.attempt_view, name="attempt"),
    path("essais/<int:attempt_id>/resultat/", views.result, name="result"),
    path(
        "essais/<int:attempt_id>/h5p/<str:question_id>/",
        h5p_views.report,
        name="h5p_report",
    ),
    path("h5p/<uuid:folder>/<path:path>", h5p_views.package_file, name="h5p_file"),
    path(
        "classes/<int:classroom_id>/eleves/<int:pupil_id>/",
        views.pupil_results,
        name="pupil_results",
    ),
]
