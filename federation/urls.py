"""Sign-in through identity providers, under /connexion/ (outside the language prefix:
providers know one callback address per service). SAML's addresses: federation/saml/urls.py."""

from django.urls import include, path

from . import linking
from .cas import views as cas_views
from .oidc import views as oidc_views

app_name = "federation"

urlpatterns = [
    path("saml/", include("federation.saml.urls")),
    path("comptes-lies/", linking.LinkedAccountsView.as_view(), name="linked_accounts"),
    # CAS
    path("cas/", cas_views.CASLoginView.as_view(), name="cas_login"),
    path("cas/lier/", cas_views.CASLinkView.as_view(), name="cas_link"),
    # OpenID Connect
    path("oidc/", oidc_views.OIDCStartView.as_view(), name="oidc_login"),
    path("oidc/retour/", oidc_views.OIDCCallbackView.as_view(), name="oidc_callback"),
    path("oidc/lier/", oidc_views.OIDCLinkView.as_view(), name="oidc_link"),
]
