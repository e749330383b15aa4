"""Préau's OpenID Connect addresses: start (to the provider), callback, link.

mozilla-django-oidc's views, switched off (404) while the configuration names no
provider, reading the endpoints through discovery, and turning a refused sign-in into a
page that says why.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from .. import oidc
from ..linking import (
    OUTCOME,
    after_sign_in,
    continue_page,
    refusal,
    start_linking,
    take_outcome,
)
from . import discovery


class OIDCEnabledMixin:
    @staticmethod
    def get_settings(attr, *args):
        return discovery.setting(attr, *args)

    def dispatch(self, request, *args, **kwargs):
        if not oidc.enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class OIDCStartView(OIDCEnabledMixin, OIDCAuthenticationRequestView):
    def __init__(self, **kwargs):
        # The library reads its endpoints here; wait for a request (and for dispatch's
        # check that a provider is configured).
        super(OIDCAuthenticationRequestView, self).__init__(**kwargs)

    def get(self, request):
        self.OIDC_OP_AUTH_ENDPOINT = self.get_settings("OIDC_OP_AUTHORIZATION_ENDPOINT")
        self.OIDC_RP_CLIENT_ID = self.get_settings("OIDC_RP_CLIENT_ID")
        return super().get(request)


class OIDCLinkView(LoginRequiredMixin, OIDCStartView):
    """POST from "linked accounts": a link to the provider (its state, nonce and PKCE
    verifier kept in the session); the callback links."""

    http_method_names = ["post"]

    def post(self, request):
        start_linking(request, oidc.provider_key())
        redirect_to_provider = self.get(request)
        request.session["oidc_login_next"] = reverse("federation:linked_accounts")
        return continue_page(request, oidc.label(), redirect_to_provider["Location"])


class OIDCCallbackView(OIDCEnabledMixin, OIDCAuthenticationCallbackView):
    def get(self, request):
        try:
            response = super().get(request)
        except SuspiciousOperation:
            # A forged or replayed answer: an id_token with a bad signature, audience or
            # nonce, an unknown state.
            return refusal(request, oidc.label(), {"result": "failed"})
        return response

    @property
    def success_url(self):
        next_url = self.request.session.get("oidc_login_next") or ""
        return after_sign_in(self.request, next_url)

    def login_success(self):
        outcome = take_outcome(self.request)
        if outcome.get("result") == "linked":
            messages.success(
                self.request,
                _("Your %(provider)s account is now linked.") % {"provider": oidc.label()},
            )
            return redirect("federation:linked_accounts")
        return super().login_success()

    def login_failure(self):
        outcome = take_outcome(self.request)
        if outcome.get("result") == "taken":
            self.request.session[OUTCOME] = outcome
            return redirect("federation:linked_accounts")
        return refusal(self.request, oidc.label(), outcome or {"result": "failed"})
