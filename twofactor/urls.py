"""The second factor, mounted beside the login page at /compte/ (French) and /en/compte/."""

from django.urls import path

from . import views

app_name = "twofactor"

urlpatterns = [
    path("double-authentification/", views.manage, name="manage"),
    path("double-authentification/activer/", views.setup, name="setup"),
    path("double-authentification/desactiver/", views.disable, name="disable"),
    path("connexion/code/", views.code, name="code"),
]
