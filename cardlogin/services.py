"""Issuing, checking and revoking the secrets of card and picture login.

A secret is shown once (on a printed card, on the teacher's screen) and only its hash is
kept, so a lost card or link is replaced, never shown again.
"""

import secrets
from collections import Counter

from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction

from classrooms.models import Membership

from . import pictures
from .models import ClassTabletLink, LoginCardToken, PicturePassword, hash_secret


def is_pupil(user) -> bool:
    """Only pupils log in with a card or pictures: an adult's account guards more."""
    return Membership.objects.filter(user=user, role=Membership.Role.PUPIL).exists()


# --- Login cards ------------------------------------------------------------------------


@transaction.atomic
def issue_card_tokens(users, created_by, token=None) -> dict[int, str]:
    """New cards for these pupils, their previous cards revoked: {user id: secret}.

    Two queries whatever the number (a whole class's cards at once). `token` fixes the
    secret of a single card (the demo's, which the README prints).
    """
    users = list(users)
    LoginCardToken.objects.filter(user__in=users).revoke()
    tokens = {user.pk: token or secrets.token_urlsafe(32) for user in users}
    LoginCardToken.objects.bulk_create(
        LoginCardToken(user=user, token_hash=hash_secret(tokens[user.pk]), created_by=created_by)
        for user in users
    )
    return tokens


def revoke_cards(user) -> int:
    """The pupil's cards stop logging in (a lost card); returns how many did."""
    return LoginCardToken.objects.filter(user=user).revoke()


def live_card(token: str):
    """The card of this secret if it still works, with its pupil; else None."""
    card = LoginCardToken.objects.of_token(token).select_related("user").first()
    if card is None or not card.user.is_active or not is_pupil(card.user):
        return None
    return card


def pupils_with_cards(users) -> set[int]:
    """The ids of those users who hold a card that works: one query."""
    return set(
        LoginCardToken.objects.filter(user__in=users).live().values_list("user_id", flat=True)
    )


# --- Class tablet links -----------------------------------------------------------------


@transaction.atomic
def issue_tablet_link(classroom, created_by, token=None) -> str:
    """A new tablet link for this class; the previous one stops working."""
    revoke_tablet_links(classroom)
    token = token or secrets.token_urlsafe(32)
    ClassTabletLink.objects.create(
        classroom=classroom, token_hash=hash_secret(token), created_by=created_by
    )
    return token


def revoke_tablet_links(classroom) -> int:
    return ClassTabletLink.objects.filter(classroom=classroom).revoke()


def has_tablet_link(classroom) -> bool:
    return ClassTabletLink.objects.filter(classroom=classroom).live().exists()


def tablet_classroom(token: str):
    """The class whose live tablet link this is, else None: a class that is not
    published or whose year is over (an archive) has no tablet any more."""
    link = (
        ClassTabletLink.objects.of_token(token)
        .filter(classroom__live=True, classroom__closed_on=None)
        .select_related("classroom")
        .first()
    )
    return link.classroom if link is not None else None


def tablet_pupils(classroom):
    """The class's active pupils who have a picture password, by first name."""
    return [
        membership.user
        for membership in Membership.objects.filter(
            classroom=classroom,
            role=Membership.Role.PUPIL,
            user__is_active=True,
            user__picture_password__isnull=False,
        )
        .select_related("user")
        .order_by("user__first_name", "user__last_name")
    ]


def tablet_names(pupils) -> list[tuple]:
    """(pupil, name shown) for the tablet: the first name, and the initial of the last
    name only for children who share a first name, so that each finds his own (tapping a
    namesake's would count against the namesake) while the list stays as bare as it can."""
    counts = Counter(pupil.first_name.strip().casefold() for pupil in pupils)
    return [
        (
            pupil,
            pupil.display_name
            if counts[pupil.first_name.strip().casefold()] > 1 or not pupil.first_name.strip()
            else pupil.first_name,
        )
        for pupil in pupils
    ]


# --- Picture passwords ------------------------------------------------------------------


def set_picture_password(user, created_by, codes=None) -> list[str]:
    """Give this pupil a picture password (random unless given) and return it."""
    if not is_pupil(user):
        raise ValueError("picture passwords are for pupils only")
    codes = list(codes) if codes is not None else pictures.random_sequence()
    if not pictures.is_sequence(codes):
        raise ValueError("not a sequence of the known pictures")
    PicturePassword.objects.update_or_create(
        user=user,
        defaults={
            "password_hash": make_password(pictures.as_text(codes)),
            "created_by": created_by,
        },
    )
    return codes


def pupils_with_picture_passwords(users) -> set[int]:
    return set(PicturePassword.objects.filter(user__in=users).values_list("user_id", flat=True))


def check_picture_password(user, codes) -> bool:
    stored = PicturePassword.objects.filter(user=user).values_list("password_hash", flat=True)
    stored = stored.first()
    if stored is None or not pictures.is_sequence(codes):
        return False
    return check_password(pictures.as_text(codes), stored)
