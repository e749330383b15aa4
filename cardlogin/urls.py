"""Logging in without typing, mounted beside the login page at /compte/ (French) and
/en/compte/ (English). The secret of each address is in its path."""

from django.urls import path

from . import views

app_name = "cardlogin"

urlpatterns = [
    path("carte/<str:token>/", views.card, name="card"),
    path("tablette/<str:token>/", views.tablet, name="tablet"),
    path("tablette/<str:token>/<int:pupil_id>/", views.tablet_pupil, name="tablet_pupil"),
]
