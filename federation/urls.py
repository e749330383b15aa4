"""Sign-in through identity providers, under /connexion/ (outside the language prefix:
providers know one callback address per service)."""

from django.urls import path

from . import linking
from .cas import views as cas_views
from .oidc import views as oidc_views

app_name = "federation"

urlpatterns = [
    path("comptes-lies/", linking.LinkedAccountsView.as_view(), name="linked_accounts"),
    # CAS
    path("cas/", cas_views.CASLoginView.as_view(), name="cas_login"),
    path("cas/lier/", cas_views.CASLinkView.as_view(), name="cas_link"),
    # OpenID Connect
    path("oidc/", oidc_views.OIDCStartView.as_view(), name="oidc_login"),
    path("oidc/retour/", oidc_views.OIDCCallbackView.as_view(), name="oidc_callback"),
    path("oidc/lier/", oidc_views.OIDCLinkView.as_view(), name="oidc_link"),
]
