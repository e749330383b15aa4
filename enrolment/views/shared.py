"""What the enrolment screens share: the class header's context, POST-only guards and
the printable login cards, which every screen that chooses a password answers with."""

from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from cardlogin import services as card_logins
from classrooms.permissions import school_of
from pages.permissions import can_direct_school

from ..login_card_sheets import CardSheet, make_card


def post_only(request):
    """A 405 answer for anything but a POST (every change is a POST), else None."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def class_context(request, classroom, school=None):
    """What the header of every class screen shows: the school, the class, and whether
    this person directs the school (and so sees the school's links)."""
    school = school or school_of(classroom)
    return {
        "school": school,
        "classroom": classroom,
        "can_direct": can_direct_school(request.user, school),
    }


def render_cards(request, sheets, *, title, intro="", back_url, status=200):
    """The printable login cards, straight in the response of the POST that made them."""
    response = render(
        request,
        "enrolment/cards.html",
        {"sheets": sheets, "title": title, "intro": intro, "back_url": back_url},
        status=status,
    )
    # Passwords must not stay in the browser's cache or a proxy's.
    add_never_cache_headers(response)
    return response


def single_card(request, school, classroom, user, password, role, *, title, back_url, pupil=False):
    # A pupil's new card replaces the previous one (cardlogin/): the old QR code stops.
    token = card_logins.issue_card_tokens([user], request.user)[user.pk] if pupil else None
    card = make_card(request, user, password, role, card_token=token)
    return render_cards(
        request, [CardSheet(school, classroom, [card])], title=title, back_url=back_url
    )
