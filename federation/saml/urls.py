"""SAML sign-in, under /connexion/saml/ (federation/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("<slug:key>/", views.LoginView.as_view(), name="saml_login"),
    path("<slug:key>/acs/", views.AcsView.as_view(), name="saml_acs"),
    path("<slug:key>/metadata/", views.MetadataView.as_view(), name="saml_metadata"),
    path("<slug:key>/lier/", views.LinkView.as_view(), name="saml_link"),
]
