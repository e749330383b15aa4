"""Sessions the second factor has not vouched for.

After django-otp's OTPMiddleware (which tells `request.user.is_verified()`):
- a session opened before this app existed (no mark, see pending.mark_session) of a
  person whose second factor is on is logged out and sent to the login page: checked
  once per such session, then marked, so other sessions cost nothing;
- with PREAU_OTP_REQUIRED_FOR_ADMINS, the Wagtail admin is closed to sessions without a
  verified code: the person sets it up first, or types their code (a session opened by a
  login card or an identity provider, which the second factor does not concern).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import devices, pending


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if answer := self.refusal(request):
            return answer
        return self.get_response(request)

    def refusal(self, request):
        session = getattr(request, "session", None)
        if session is None or not session.get("_auth_user_id"):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not session.get(pending.CHECKED_KEY):
            if devices.is_enabled(user):
                logout(request)
                return redirect_to_login(request.get_full_path())
            session[pending.CHECKED_KEY] = True
        if getattr(settings, "PREAU_OTP_REQUIRED_FOR_ADMINS", False) and self._in_admin(request):
            if devices.is_enabled(user):
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('twofactor:code')}?{query}")
            messages.warning(
                request,
                _("The administration asks for a second factor: switch it on to enter it."),
            )
            return redirect("twofactor:setup")
        return None

    @staticmethod
    def _in_admin(request):
        admin = reverse("wagtailadmin_home")
        open_paths = (reverse("wagtailadmin_login"), reverse("wagtailadmin_logout"))
        return request.path.startswith(admin) and not request.path.startswith(open_paths)
