"""The exercise builder's part of the permission matrix's world (issue 22), built by
conftest.py: in class A1, an exercise never given to the class, with an instruction and
a question, saved as a draft revision. Only ids and words leave the builder."""

from dataclasses import dataclass

from tests import factories

TITLE = "Exercice du loup en construction"
INSTRUCTION = "Consigne secrète du loup"
QUESTION = "Combien de pattes a le loup ?"


@dataclass(frozen=True)
class BuilderWorld:
    classroom_id: int
    exercise_id: int


def draft_exercise(classroom, title=TITLE):
    exercise = factories.ExercisePageFactory(
        parent=classroom,
        title=title,
        live=False,
        body=[
            ("instruction", {"text": INSTRUCTION}),
            (
                "short_answer",
                {"prompt": QUESTION, "answers": "4", "accept_missing_accents": False, "points": 1},
            ),
        ],
    )
    exercise.save_revision()
    return exercise


def build_builder_world(users, classroom):
    return BuilderWorld(classroom_id=classroom.pk, exercise_id=draft_exercise(classroom).pk)
