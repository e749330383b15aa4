"""Signing in through a SAML identity provider, and linking one's account to it.

djangosaml2's views, each bound to the provider named in its address (config.py): an
address of a provider the configuration does not list answers 404.

Linking: a person logged in the usual way asks to link (a POST from the accounts page);
the wish is kept in djangosaml2's own session, whose cookie comes back with the IdP's
cross-site POST when Préau's session cookie does not (SameSite), and is used up by the
next answer. The link is only ever made from a verified assertion.
"""

from django.contrib import auth
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from djangosaml2 import views as saml_views
from djangosaml2.utils import get_fallback_login_redirect_url

from accounts.views import landing_url

from .. import identities
from ..linking import OUTCOME
from ..models import ExternalIdentity
from . import config

LINK_WISH = "preau_saml_link"
LANGUAGE = "preau_saml_language"

# Why an answer signs nobody in; refused.html words each for the person.
NOT_LINKED = "not_linked"
CLOSED = "closed"
LOCKED = "locked"
LINKED_ELSEWHERE = "linked_elsewhere"
LINK_REFUSED = "link_refused"
INVALID = "invalid"


class ProviderMixin:
    """Binds a djangosaml2 view to the configured provider its address names."""

    def dispatch(self, request, *args, key, **kwargs):
        self.provider = config.provider_or_none(key)
        if self.provider is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_sp_config(self, request):
        return config.sp_config(self.provider, request)


class LoginView(ProviderMixin, saml_views.LoginView):
    """The login page's button: off to the IdP with a signed-or-not AuthnRequest
    (HTTP-Redirect), `next` travelling as RelayState."""

    def get(self, request, *args, **kwargs):
        # A link asked for and abandoned must not turn a later sign-in into a link.
        request.saml_session.pop(LINK_WISH, None)
        request.saml_session[LANGUAGE] = translation.get_language()
        return super().get(request, *args, **kwargs)


class LinkView(ProviderMixin, LoginRequiredMixin, saml_views.LoginView):
    """« Lier mon compte EduConnect »: the person, logged in, goes through the IdP; the
    answer links the identity it vouches for to their account (AcsView)."""

    http_method_names = ["post"]

    def should_prevent_auth(self, request):
        return False  # being logged in is the point

    def post(self, request, *args, **kwargs):
        request.saml_session[LINK_WISH] = {"provider": self.provider.key, "user": request.user.pk}
        request.saml_session[LANGUAGE] = translation.get_language()
        to_idp = super().get(request, *args, **kwargs)
        if not isinstance(to_idp, HttpResponseRedirect):
            return to_idp
        # A page with a link, not a redirect: browsers hold a form's redirects to the
        # form-action of the page it was on (CSP: Préau's own site only).
        return render(
            request,
            "federation/saml/link_continue.html",
            {"provider": self.provider, "idp_url": to_idp["Location"]},
        )


@method_decorator(csrf_exempt, name="dispatch")  # the IdP's POST carries its own proof
class AcsView(ProviderMixin, saml_views.AssertionConsumerServiceView):
    """Where the IdP posts its answer. pysaml2 checks it (signature against the IdP's
    metadata, audience, lifetime, an answer to a request this browser made and not
    answered yet); then the person is signed in, or their account linked."""

    linking = False

    def post(self, request, *args, **kwargs):
        language = request.saml_session.get(LANGUAGE) or translation.get_language()
        with translation.override(language):
            return super().post(request)

    def authenticate_user(
        self, request, session_info, attribute_mapping, create_unknown_user, assertion_info
    ):
        wish = request.saml_session.pop(LINK_WISH, None)
        if wish and wish.get("provider") == self.provider.key:
            return self._link(request, wish, session_info)
        user = auth.authenticate(
            request=request,
            session_info=session_info,
            saml_provider=self.provider,
            assertion_info=assertion_info,
        )
        if user is None:
            raise PermissionDenied(self._why_not(request))
        auth.login(request, user)
        return user

    def _why_not(self, request):
        if getattr(request, "axes_locked_out", False):
            return LOCKED
        subject = getattr(request, "saml_subject", "")
        closed = ExternalIdentity.objects.filter(
            provider=self.provider.key, subject=subject, user__is_active=False
        )
        return CLOSED if subject and closed.exists() else NOT_LINKED

    def _link(self, request, wish, session_info):
        subject = self.provider.subject_of(session_info)
        user = get_user_model().objects.filter(pk=wish.get("user"), is_active=True).first()
        # Préau's own session cookie may not come with a cross-site POST; when it does,
        # it must be the person who asked.
        other_person = request.user.is_authenticated and user and request.user.pk != user.pk
        if not subject or user is None or other_person:
            raise PermissionDenied(LINK_REFUSED)
        taken = ExternalIdentity.objects.filter(provider=self.provider.key, subject=subject)
        if taken.exclude(user=user).exists():
            raise PermissionDenied(LINKED_ELSEWHERE)
        identities.link(user, self.provider.key, subject)
        # What the "linked accounts" page says next (federation.linking).
        request.session[OUTCOME] = {"provider": self.provider.key, "result": "linked"}
        self.linking = True
        return user

    def custom_redirect(self, user, relay_state, session_info):
        if self.linking:
            return reverse("federation:linked_accounts")
        fallback = get_fallback_login_redirect_url()
        safe = url_has_allowed_host_and_scheme(
            relay_state,
            allowed_hosts={self.request.get_host()},
            require_https=self.request.is_secure(),
        )
        if safe and relay_state and relay_state != fallback:
            return relay_state
        return landing_url(self.request) or fallback

    def handle_acs_failure(self, request, exception=None, status=403, **kwargs):
        reason = (
            exception.args[0] if isinstance(exception, PermissionDenied) and exception.args else ""
        )
        if reason not in {NOT_LINKED, CLOSED, LOCKED, LINKED_ELSEWHERE, LINK_REFUSED}:
            reason = INVALID
        return render(
            request,
            "federation/saml/refused.html",
            {"provider": self.provider, "reason": reason},
            status=403,
        )


class MetadataView(ProviderMixin, saml_views.MetadataView):
    """Préau's SP metadata for this provider, to hand to its administrators."""
