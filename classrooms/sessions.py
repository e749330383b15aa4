"""A pupil's session ends sooner than an adult's: school tablets are shared.

A child who walks away from a tablet without logging out leaves their class space open
to the next child; an adult's phone or computer is their own. At login, a pupil's
session is given `PREAU_PUPIL_SESSION_MINUTES` (two hours by default, a morning's
work; 0 ends it when the browser closes); everyone else keeps `SESSION_COOKIE_AGE`.
Who is a pupil is a class membership, so this lives with the memberships; the receiver
is connected in signal_handlers.py.
"""

from django.conf import settings

from .models import Membership


def is_pupil(user) -> bool:
    return Membership.objects.filter(user=user, role=Membership.Role.PUPIL).exists()


def shorten_pupil_session(sender, request, user, **kwargs):
    """`user_logged_in` receiver: a pupil's session lasts PREAU_PUPIL_SESSION_MINUTES."""
    if request is None or not hasattr(request, "session") or not is_pupil(user):
        return
    request.session.set_expiry(settings.PREAU_PUPIL_SESSION_MINUTES * 60)
