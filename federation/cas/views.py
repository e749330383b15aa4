"""Préau's CAS addresses: sign in (to the CAS server and back with a ticket), link.

The service address given to the CAS server is this view's own, with `next` when there
is one, rebuilt the same way on the way back so the server's check of it matches.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django_cas_ng.utils import get_cas_client

from .. import cas
from ..linking import (
    after_sign_in,
    cancel_linking,
    continue_page,
    refusal,
    safe_next,
    start_linking,
    take_outcome,
)


class CASEnabledMixin:
    def dispatch(self, request, *args, **kwargs):
        if not cas.enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


def service_url(request, next_url):
    url = request.build_absolute_uri(reverse("federation:cas_login"))
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class CASLoginView(CASEnabledMixin, View):
    def get(self, request):
        next_url = safe_next(request, request.GET.get("next", ""))
        service = service_url(request, next_url)
        ticket = request.GET.get("ticket")
        if not ticket:
            cancel_linking(request)
            return redirect(get_cas_client(service_url=service, request=request).get_login_url())
        user = authenticate(request, ticket=ticket, service=service)
        outcome = take_outcome(request)
        if outcome.get("result") == "linked":
            messages.success(
                request, _("Your %(provider)s account is now linked.") % {"provider": cas.label()}
            )
            return redirect("federation:linked_accounts")
        if outcome.get("result") == "taken":
            return redirect_with_outcome(request, outcome)
        if user is None:
            return refusal(request, cas.label(), outcome)
        login(request, user)
        return redirect(after_sign_in(request, next_url))


def redirect_with_outcome(request, outcome):
    from ..linking import OUTCOME

    request.session[OUTCOME] = outcome
    return redirect("federation:linked_accounts")


class CASLinkView(CASEnabledMixin, LoginRequiredMixin, View):
    """POST from "linked accounts": a link to the CAS server; the callback links."""

    def post(self, request):
        start_linking(request, cas.provider_key())
        service = service_url(request, reverse("federation:linked_accounts"))
        login_url = get_cas_client(service_url=service, request=request).get_login_url()
        return continue_page(request, cas.label(), login_url)
