"""The rollover's addresses, mounted at /ecole/ beside the school's management pages."""

from django.urls import path

from . import views

app_name = "schoolyear"

urlpatterns = [
    path("<int:school_id>/nouvelle-annee/", views.rollover, name="rollover"),
    path(
        "<int:school_id>/nouvelle-annee/a-la-main/", views.rollover_by_hand, name="rollover_by_hand"
    ),
    path("<int:school_id>/nouvelle-annee/appliquer/", views.rollover_apply, name="rollover_apply"),
]
