"""Logging in without typing's part of the permission matrix's world (issue 23), built by
conftest.py: the class's pupil has a login card and a picture password, and class A1 has
a tablet link. The secrets are fixed, so that a check can put them back as they were."""

from dataclasses import dataclass

from cardlogin import services

from .matrix import PUPIL, TEACHER

CARD_TOKEN = "matrix-card-of-the-class-pupil"
TABLET_TOKEN = "matrix-tablet-of-class-a1"
PICTURES = ("1f34e", "1f436", "2b50", "1f319")


@dataclass(frozen=True)
class CardLoginWorld:
    classroom_id: int
    pupil_id: int
    pupil_first_name: str
    card_token: str
    tablet_token: str


def give_card(pupil, teacher):
    from cardlogin.models import LoginCardToken

    LoginCardToken.objects.filter(token_hash=services.hash_secret(CARD_TOKEN)).delete()
    services.issue_card_tokens([pupil], teacher, token=CARD_TOKEN)


def give_tablet_link(classroom, teacher):
    from cardlogin.models import ClassTabletLink

    ClassTabletLink.objects.filter(token_hash=services.hash_secret(TABLET_TOKEN)).delete()
    services.issue_tablet_link(classroom, teacher, token=TABLET_TOKEN)


def build_cardlogin_world(users, classroom):
    pupil, teacher = users[PUPIL], users[TEACHER]
    give_card(pupil, teacher)
    give_tablet_link(classroom, teacher)
    services.set_picture_password(pupil, teacher, PICTURES)
    return CardLoginWorld(
        classroom_id=classroom.pk,
        pupil_id=pupil.pk,
        pupil_first_name=pupil.first_name,
        card_token=CARD_TOKEN,
        tablet_token=TABLET_TOKEN,
    )
