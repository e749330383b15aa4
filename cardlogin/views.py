"""The pages a child logs in from without typing: their card's QR code, and the class
tablet's list of names followed by their four pictures.

They need no login and show nothing without their secret (a card's or a tablet link's):
an unknown, revoked or mistyped secret gets a 404. A GET never logs anyone in, since link
previews and prefetchers open links; the child presses a button (a POST). Failures of a
picture password count against that child only (django-axes, accounts/lockout.py), and a
locked child is told to wait, the class and the tablet are never locked.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth import authenticate, login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from accounts.lockout import minutes_left
from accounts.views import landing_url

from . import pictures, services
from .backends import SESSION_BACKEND
from .models import LoginCardToken


def own_lockout_answer(request, original_response):
    """The `preau_lockout_response` hook: a child's picture page says itself that she must
    wait, and only she; django-axes's login page would be wrong on the class tablet."""
    match = request.resolver_match
    if original_response is not None and match and match.view_name == "cardlogin:tablet_pupil":
        return original_response
    return None


def _wait_message(username):
    minutes = minutes_left(username)
    return ngettext(
        "Too many wrong tries. Wait %(minutes)d minute, then try again, or ask your teacher.",
        "Too many wrong tries. Wait %(minutes)d minutes, then try again, or ask your teacher.",
        minutes,
    ) % {"minutes": minutes}


def _is_locked(request, user) -> bool:
    return AxesProxyHandler.is_locked(request, {"username": user.username})


def _landing(request):
    return landing_url(request) or reverse("accounts:my_spaces")


def _private(response):
    # The secret is in the address: kept out of caches. It is not sent to other sites
    # (SECURE_REFERRER_POLICY same-origin); "no-referrer" would make the browser send
    # "Origin: null" with the form, which Django's CSRF check refuses.
    add_never_cache_headers(response)
    return response


@never_cache
@csrf_protect
def card(request, token):
    """The card's QR code: "Hello Jade! Is it you?", and a button that logs her in."""
    found = services.live_card(token)
    if found is None:
        response = render(request, "cardlogin/card_refused.html", status=404)
        return _private(response)
    pupil = found.user
    refusal = ""
    if request.method == "POST":
        if _is_locked(request, pupil):
            refusal = _wait_message(pupil.username)
        else:
            login(request, pupil, backend=SESSION_BACKEND)
            LoginCardToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
            return redirect(_landing(request))
    context = {"pupil": pupil, "refusal": refusal}
    return _private(render(request, "cardlogin/card.html", context, status=429 if refusal else 200))


def _tablet_or_404(token):
    classroom = services.tablet_classroom(token)
    if classroom is None:
        raise Http404
    return classroom


@never_cache
def tablet(request, token):
    """The class tablet's first page: the pupils who have pictures, by first name."""
    classroom = _tablet_or_404(token)
    context = {
        "classroom": classroom,
        "token": token,
        "pupils": services.tablet_names(services.tablet_pupils(classroom)),
    }
    return _private(render(request, "cardlogin/tablet.html", context))


@never_cache
@csrf_protect
def tablet_pupil(request, token, pupil_id):
    """One child's four pictures, one tap each: every tap is a form submitted (no script
    needed); the fourth tries the sequence."""
    classroom = _tablet_or_404(token)
    pupil = next((p for p in services.tablet_pupils(classroom) if p.pk == pupil_id), None)
    if pupil is None:
        raise Http404
    entered = []
    refusal = ""
    status = 200
    if request.method == "POST":
        entered = [c for c in request.POST.get("entered", "").split("-") if c in pictures.BY_CODE]
        picked = request.POST.get("pick", "")
        if request.POST.get("restart"):
            entered = []
        elif picked in pictures.BY_CODE:
            entered = [*entered, picked][: pictures.LENGTH]
        if len(entered) == pictures.LENGTH:
            if _is_locked(request, pupil):
                refusal, status = _wait_message(pupil.username), 429
            else:
                user = authenticate(request, username=pupil.username, picture_password=entered)
                if user is not None:
                    login(request, user, backend=SESSION_BACKEND)
                    return redirect(_landing(request))
                if _is_locked(request, pupil):
                    refusal, status = _wait_message(pupil.username), 429
                else:
                    refusal, status = _("Those are not your pictures. Try again!"), 200
            entered = []
    context = {
        "classroom": classroom,
        "token": token,
        "pupil": pupil,
        "pictures": pictures.PICTURES,
        "entered": pictures.pictures_of(entered),
        "entered_text": pictures.as_text(entered),
        "slots": range(pictures.LENGTH - len(entered)),
        "refusal": refusal,
    }
    response = render(request, "cardlogin/tablet_pupil.html", context, status=status)
    return _private(response)
