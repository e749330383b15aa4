"""Signing in through identity providers, mounted at /connexion/ (site/preau/urls.py)."""

from django.urls import include, path

app_name = "federation"

urlpatterns = [
    path("saml/", include("federation.saml.urls")),
]
