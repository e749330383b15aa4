"""A password login waiting for its code: the session is not logged in until then.

The login views (accounts/views.py) ask the `preau_password_login` hook before calling
Django's `login()`; for a person whose second factor is on, `hold()` keeps only who
they are (and where they were going) in the session and sends them to the code step.
`complete()` logs them in once a device accepted the code, with the device set on the
user so that django-otp's own `user_logged_in` receiver marks the session as verified
(OTPMiddleware then reads it on every request).
"""

import time

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import verify_token
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

PENDING_KEY = "twofactor_pending"
# Set by every login(): the session was opened knowing about second factors (middleware.py).
CHECKED_KEY = "twofactor_checked"
# A password typed long ago no longer opens the code step: type it again.
PENDING_SECONDS = 600


def hold(request, user, next_url=""):
    """Keep the person waiting for their code; returns the redirection to the code step."""
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[1]),
        "next": next_url or "",
        "since": int(time.time()),
    }
    return redirect("twofactor:code")


def pending(request) -> dict | None:
    held = request.session.get(PENDING_KEY)
    if not held or time.time() - held.get("since", 0) > PENDING_SECONDS:
        return None
    return held


def pending_user(request):
    held = pending(request)
    if held is None:
        return None
    return get_user_model().objects.filter(pk=held["user"], is_active=True).first()


def forget(request) -> None:
    request.session.pop(PENDING_KEY, None)


def throttled(device) -> str:
    """What to say while django-otp makes the person wait after wrong codes, else ""."""
    allowed, details = device.verify_is_allowed()
    if not allowed and details and details.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS:
        seconds = max(1, int((details["locked_until"] - _now()).total_seconds()) + 1)
        return ngettext(
            "Too many wrong codes. Wait %(seconds)d second, then type the code your "
            "application shows now.",
            "Too many wrong codes. Wait %(seconds)d seconds, then type the code your "
            "application shows now.",
            seconds,
        ) % {"seconds": seconds}
    return ""


def _now():
    from django.utils import timezone

    return timezone.now()


def check_code(user, code: str):
    """The device that accepts `code` (six digits: the app's; else a recovery code,
    which then is used up), and the refusal to show otherwise.

    Wrong codes are counted by the device (django-otp's throttling: each failure doubles
    the wait before the next try), so guessing a six-digit code is out of reach."""
    code = "".join(code.split()).lower()
    if code.isdigit() and len(code) == 6:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    else:
        device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if device is None or not code:
        return None, _("This code is not right. Type the six digits your application shows now.")
    if refusal := throttled(device):
        return None, refusal
    if verified := verify_token(user, device.persistent_id, code):
        return verified, ""
    return None, _(
        "This code is not right. Type the six digits your application shows now, or one "
        "of your recovery codes."
    )


def complete(request, user, device, backend):
    """Log the person in, verified by `device`; returns where they go next."""
    held = pending(request) or {}
    forget(request)
    user.otp_device = device
    login(request, user, backend=backend)
    next_url = held.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    from accounts.views import landing_url

    return landing_url(request) or reverse(settings.LOGIN_REDIRECT_URL)


def mark_session(sender, request, user, **kwargs):
    """user_logged_in: this session knows whether it was verified (middleware.py)."""
    if request is not None and hasattr(request, "session"):
        request.session[CHECKED_KEY] = True
