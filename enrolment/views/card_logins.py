"""The teacher's side of logging in without typing (cardlogin/), from the class's login
cards page: revoking a pupil's lost card, giving a picture password (printed once) and
the class tablet's secret link (shown once). Same rules as printing cards: the class's
teachers and the school's director, pupils of the class only; anyone else gets 404."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from cardlogin import pictures
from cardlogin import services as card_logins

from ..login_card_sheets import qr_svg
from ..permissions import managed_classroom_or_404, pupil_of_classroom_or_404
from .shared import class_context, post_only


def _cards_url(classroom):
    return reverse("enrolment:cards", kwargs={"classroom_id": classroom.pk})


@login_required
def revoke_card(request, classroom_id, user_id):
    """A lost card: its QR code stops logging the pupil in. The password is unchanged."""
    classroom = managed_classroom_or_404(request.user, classroom_id)
    pupil = pupil_of_classroom_or_404(classroom, user_id)
    if refused := post_only(request):
        return refused
    if card_logins.revoke_cards(pupil):
        messages.success(
            request,
            _("Card revoked: %(name)s can no longer log in with it. Print a new one when needed.")
            % {"name": pupil.get_full_name()},
        )
    else:
        messages.info(
            request, _("%(name)s has no card to revoke.") % {"name": pupil.get_full_name()}
        )
    return redirect(_cards_url(classroom))


@login_required
def picture_password(request, classroom_id, user_id):
    """A new picture password for a pupil, chosen at random and shown once, to print."""
    classroom = managed_classroom_or_404(request.user, classroom_id)
    pupil = pupil_of_classroom_or_404(classroom, user_id)
    if refused := post_only(request):
        return refused
    codes = card_logins.set_picture_password(pupil, request.user)
    context = class_context(request, classroom)
    context.update(
        {
            "pupil": pupil,
            "pictures": pictures.pictures_of(codes),
            "back_url": _cards_url(classroom),
        }
    )
    response = render(request, "enrolment/picture_card.html", context)
    add_never_cache_headers(response)  # the pictures are the password
    return response


@login_required
def tablet_link(request, classroom_id):
    """A new secret link for the class's tablet (the previous one stops), shown once."""
    classroom = managed_classroom_or_404(request.user, classroom_id)
    if refused := post_only(request):
        return refused
    token = card_logins.issue_tablet_link(classroom, request.user)
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("cardlogin:tablet", kwargs={"token": token})
    url = request.build_absolute_uri(path)
    context = class_context(request, classroom)
    context.update({"tablet_url": url, "qr_svg": qr_svg(url), "back_url": _cards_url(classroom)})
    response = render(request, "enrolment/tablet_link.html", context)
    add_never_cache_headers(response)
    return response


@login_required
def tablet_link_revoke(request, classroom_id):
    """The class tablet's link stops working: its page answers 404."""
    classroom = managed_classroom_or_404(request.user, classroom_id)
    if refused := post_only(request):
        return refused
    card_logins.revoke_tablet_links(classroom)
    messages.success(request, _("The class tablet’s link no longer works."))
    return redirect(_cards_url(classroom))
