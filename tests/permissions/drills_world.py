"""The levelled drills' part of the permission matrix's world (issue 22), built by
conftest.py.

In class A1 (the class under test): a published drill in three levels, at which the
class's pupil played one round right (so they are at level 2, and their parent reads it).
Only ids, URLs and words leave the builder.
"""

from dataclasses import dataclass

from drills import rounds
from tests.drills.drill_factory import make_drill, right_answers

from .matrix import PUPIL

DRILL_TITLE = "Calcul mental du loup"


@dataclass(frozen=True)
class DrillsWorld:
    classroom_id: int
    drill_id: int
    drill_url: str
    pupil_id: int
    pupil_name: str


def build_drills_world(users, classroom):
    drill = make_drill(classroom, title=DRILL_TITLE)
    pupil = users[PUPIL]
    round_ = rounds.start(drill, pupil)
    rounds.finish(round_, right_answers(round_))
    return DrillsWorld(
        classroom_id=classroom.pk,
        drill_id=drill.pk,
        drill_url=drill.url,
        pupil_id=pupil.pk,
        pupil_name=pupil.display_name,
    )
