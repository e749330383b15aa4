"""The second factor's pages: switching it on (QR code, secret, first code, recovery
codes), the code step of a login, and switching it off.

Only people it is offered to (people.py) or who have it on reach the settings page;
anyone else gets a 404. Every answer is private (never_cache): a secret or recovery
codes are shown once and must stay out of every cache.
"""

import django_otp
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from accounts.sessions import end_other_sessions

from . import devices, pending
from .forms import CodeForm, LoginCodeForm
from .people import is_offered


def _may_manage(user) -> bool:
    return is_offered(user) or devices.is_enabled(user)


def _safe_next(request, url):
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


@login_required
@never_cache
def manage(request):
    """« Double authentification »: its state, and the button that switches it on or off."""
    if not _may_manage(request.user):
        raise Http404
    context = {
        "enabled": devices.is_enabled(request.user),
        "form": CodeForm(),
        "recovery_left": _recovery_left(request.user),
    }
    return render(request, "twofactor/manage.html", context)


def _recovery_left(user) -> int:
    device = devices.recovery_device(user)
    return device.token_set.count() if device else 0


@login_required
@never_cache
@sensitive_post_parameters("code")
def setup(request):
    """The QR code and the secret of a new device, and the first code that confirms it."""
    if not is_offered(request.user):
        raise Http404
    if devices.is_enabled(request.user):
        return redirect("twofactor:manage")
    device = devices.pending_totp(request.user)
    form = CodeForm(request.POST or None)
    refusal = ""
    if request.method == "POST" and form.is_valid() and not (refusal := pending.throttled(device)):
        with transaction.atomic():
            right = device.verify_token("".join(form.cleaned_data["code"].split()))
        if right:
            codes = devices.confirm(device)
            # A session opened with the password alone (someone else's, maybe) ends now.
            end_other_sessions(request, request.user)
            django_otp.login(request, device)
            context = {"codes": codes}
            return render(request, "twofactor/enabled.html", context)
        refusal = _(
            "This code is not right. Check that the application shows the account you "
            "just added, and type the six digits it shows now."
        )
    context = {
        "form": form,
        "refusal": refusal,
        "qr_svg": devices.qr_svg(device),
        "secret": devices.secret_of(device),
    }
    return render(request, "twofactor/setup.html", context)


@login_required
@never_cache
@sensitive_post_parameters("code")
def disable(request):
    """Switch it off, with a valid code: a session left open must not be enough."""
    if not devices.is_enabled(request.user):
        raise Http404
    if request.method != "POST":
        return redirect("twofactor:manage")
    form = CodeForm(request.POST)
    refusal = ""
    if form.is_valid():
        device, refusal = pending.check_code(request.user, form.cleaned_data["code"])
        if device is not None:
            devices.disable(request.user)
            messages.success(
                request, _("The second factor is off: your password alone logs you in.")
            )
            return redirect("twofactor:manage")
    context = {"enabled": True, "form": form, "refusal": refusal}
    context["recovery_left"] = _recovery_left(request.user)
    return render(request, "twofactor/manage.html", context, status=400)


@never_cache
@sensitive_post_parameters("code")
def code(request):
    """The second step of a login: the code from the application (or a recovery code).

    Two ways here: a password login held by pending.py (the session is not logged in
    yet), or a session logged in without a code (a login card, an identity provider)
    that wants the admin while the portal requires the second factor there."""
    user = pending.pending_user(request)
    signed_in = False
    if user is None and request.user.is_authenticated:
        if request.user.is_verified() or not devices.is_enabled(request.user):
            return redirect(_safe_next(request, request.GET.get("next")) or "accounts:my_spaces")
        user, signed_in = request.user, True
    if user is None:
        messages.info(request, _("Log in again: the code step waited too long."))
        return redirect("accounts:login")
    form = LoginCodeForm(request.POST or None)
    refusal = ""
    if request.method == "POST" and form.is_valid():
        device, refusal = pending.check_code(user, form.cleaned_data["code"])
        if device is not None:
            if signed_in:
                django_otp.login(request, device)
                back = _safe_next(request, request.POST.get("next"))
                return redirect(back or reverse("wagtailadmin_home"))
            backend = pending.pending(request)["backend"]
            return redirect(pending.complete(request, user, device, backend))
    context = {"form": form, "refusal": refusal, "next": request.GET.get("next", "")}
    status = 400 if refusal or form.errors else 200
    return render(request, "twofactor/code.html", context, status=status)
