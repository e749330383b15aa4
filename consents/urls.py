"""The families' answers, mounted at /autorisations/ (and /en/autorisations/)."""

from django.urls import path

from . import views

app_name = "consents"

urlpatterns = [
    path("enfants/<int:pupil_id>/", views.child_consent, name="child"),
]
