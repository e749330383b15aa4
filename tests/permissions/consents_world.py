"""The families' answers' part of the permission matrix's world (issue 24, consents/),
built by conftest.py: the class's pupil has answers (photos for the school) given by
their parent, so that a check can tell a change from none and put them back."""

from dataclasses import dataclass

from consents import answers
from consents.models import ConsentChange

from .matrix import PARENT, PUPIL

START = {"photo_school": True, "voice_public": False}


@dataclass(frozen=True)
class ConsentsWorld:
    pupil_id: int
    pupil_first_name: str


def put_back(pupil, parent):
    answers.record(pupil, START, by=parent, source=ConsentChange.Source.PARENT)


def build_consents_world(users):
    put_back(users[PUPIL], users[PARENT])
    return ConsentsWorld(pupil_id=users[PUPIL].pk, pupil_first_name=users[PUPIL].first_name)
