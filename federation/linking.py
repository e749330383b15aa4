"""What CAS and OpenID Connect sign-ins share: finding the account a provider's
identifier is linked to, linking it when a logged-in person asks, and the pages that
say why a sign-in did not open a session.

The backends call `resolve()` from inside authenticate(); they leave a word in the session
(an unknown identifier, a link made or refused) that the views then turn into a page, so
the person learns what happened instead of a bare 403.
"""

import time

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

from accounts.views import landing_url

from . import identities
from .models import ExternalIdentity

LINKING = "federation_linking"  # the provider a logged-in person is linking
OUTCOME = "federation_outcome"  # what the last sign-in through a provider gave

# The providers of this module that a person may link from "linked accounts":
# key -> (label callable, url name of the POST view that starts linking).
_linkable = {}


def register_linkable(key, label, link_url_name, enabled, url_args=()):
    """Offer linking to the provider `key` on the one "linked accounts" page, for every
    protocol (SAML, CAS, OIDC): `link_url_name` (with `url_args`) is the POST view that
    sends the logged-in person through the provider."""
    _linkable[key] = (label, link_url_name, enabled, tuple(url_args))


def linkable_providers():
    from django.urls import reverse

    return [
        {"key": key, "label": label(), "url": reverse(url_name, args=url_args)}
        for key, (label, url_name, enabled, url_args) in _linkable.items()
        if enabled()
    ]


class SignInOnly:
    """For the CAS and OIDC backends, which the libraries build on ModelBackend: they sign
    people in and answer no permission question (classrooms.auth_backend does, without
    ModelBackend's queries on every page)."""

    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        return set()

    def has_perm(self, user_obj, perm, obj=None):
        return False

    def has_module_perms(self, user_obj, app_label):
        return False

    def with_perm(self, perm, is_active=True, include_superusers=True, obj=None):
        return get_user_model().objects.none()


# A link asked for is honoured this long: a wish left half-way (the provider's tab closed)
# must not link whatever identity comes back later with this session (a CAS ticket carries
# no state of its own).
LINK_WINDOW_SECONDS = 300


def start_linking(request, provider_key):
    request.session[LINKING] = {"provider": provider_key, "at": time.time()}


def cancel_linking(request):
    """A plain sign-in started: any link asked for before is dropped."""
    request.session.pop(LINKING, None)


def _wishes_to_link(session, provider_key):
    wish = session.get(LINKING)
    if not isinstance(wish, dict) or wish.get("provider") != provider_key:
        return False
    return 0 <= time.time() - wish.get("at", 0) <= LINK_WINDOW_SECONDS


def resolve(request, provider_key, subject):
    """The account (`provider_key`, `subject`) signs in to, or None.

    A logged-in person who asked to link this provider gets the identifier linked to
    their account (unless it is already another account's: refused). Anyone else gets
    the open account already linked, never one matched by a name or an address.
    """
    if not subject:
        return None
    session = request.session
    user = getattr(request, "user", None)
    if _wishes_to_link(session, provider_key) and user is not None and user.is_authenticated:
        del session[LINKING]
        taken = ExternalIdentity.objects.filter(provider=provider_key, subject=subject).exclude(
            user=user
        )
        if taken.exists():
            session[OUTCOME] = {"provider": provider_key, "result": "taken"}
            return None
        identities.link(user, provider_key, subject)
        session[OUTCOME] = {"provider": provider_key, "result": "linked"}
        return user
    session.pop(LINKING, None)
    account = identities.account_for(provider_key, subject)
    if account is None:
        session[OUTCOME] = {"provider": provider_key, "result": "unknown"}
    return account


def continue_page(request, provider_label, url):
    """The page a link request answers: a link to the provider, not a redirect (browsers
    hold a form's redirects to the page's form-action policy, 'self' only)."""
    context = {"provider_label": provider_label, "continue_url": url}
    return render(request, "federation/link_continue.html", context)


def take_outcome(request):
    return request.session.pop(OUTCOME, None) or {}


def safe_next(request, value):
    """`value` if it is an address on this site, else ""."""
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return ""


def after_sign_in(request, next_url=""):
    """Where a person who just signed in through a provider goes: `next`, else where
    the login page would send them (accounts.views.landing_url), else "my spaces"."""
    return next_url or landing_url(request) or resolve_url(settings.LOGIN_REDIRECT_URL)


def refusal(request, provider_label, outcome=None):
    """The page for a sign-in that opened no session, saying why and what to do."""
    outcome = outcome if outcome is not None else take_outcome(request)
    result = outcome.get("result", "failed")
    context = {
        "provider_label": provider_label,
        "result": result,
        "login_url": resolve_url(settings.LOGIN_URL),
    }
    return render(request, "federation/sign_in_refused.html", context, status=403)


class LinkedAccountsView(LoginRequiredMixin, View):
    """A person's identities at providers, and a button to link each enabled one."""

    def get(self, request):
        providers = linkable_providers()
        if not providers:
            raise Http404
        linked = {
            identity.provider: identity
            for identity in ExternalIdentity.objects.filter(user=request.user)
        }
        rows = [dict(provider, identity=linked.get(provider["key"])) for provider in providers]
        outcome = take_outcome(request)
        return render(
            request,
            "federation/linked_accounts.html",
            {"providers": rows, "outcome": outcome, "next_field": REDIRECT_FIELD_NAME},
        )


def linked_accounts_link(user, request):
    """The `preau_my_spaces_links` hook: "linked accounts" when a provider is on."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    if not user.is_authenticated or not linkable_providers():
        return []
    return [(reverse("federation:linked_accounts"), _("Sign-in with my ENT accounts"), "login")]
