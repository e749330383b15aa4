"""Who counts as a person on the portal, in one place.

Every rule starts from the same question: is someone logged in with an account that is
still open? An anonymous visitor and a closed account (`is_active=False`, set when a
pupil leaves or an account is suspended) hold no right, whatever their rows say. This
module imports nothing of Préau's apps, so any of them may ask it.
"""


def is_active_person(user) -> bool:
    """Whether `user` is logged in with an open account (anonymous or closed: False)."""
    return bool(user.is_authenticated and user.is_active)
