"""H5P activities' part of the permission matrix's world (issue 22), built by conftest.py.

In class A1: an H5P package of the class, a live exercise playing it, and the class's
pupil's attempt at it, under way. Only ids, URLs and words leave the builder.
"""

from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from exercises.models import Attempt, H5PPackage
from home.demo.h5p_package import true_false_package
from tests import factories

from .matrix import PUPIL, TEACHER

H5P_TITLE = "Vrai ou faux des hiboux"
H5P_STATEMENT = "Les hiboux chassent la nuit."


@dataclass(frozen=True)
class H5PWorld:
    file_url: str  # the package's content.json, with the statement in it
    report_url: str
    attempt_id: int


def build_h5p_world(users, classroom):
    package = H5PPackage(title=H5P_TITLE, classroom=classroom, uploaded_by=users[TEACHER])
    package.file = SimpleUploadedFile(
        "hiboux.h5p", true_false_package(H5P_TITLE, "Vrai ?", [(H5P_STATEMENT, True)])
    )
    package.save()
    exercise = factories.ExercisePageFactory(
        parent=classroom,
        title="Les hiboux (H5P)",
        body=[("h5p", {"prompt": "Vrai ou faux ?", "points": 2, "package": package})],
    )
    exercise.save_revision().publish()
    attempt = Attempt.objects.create(
        exercise=exercise,
        pupil=users[PUPIL],
        revision_id=exercise.live_revision_id,
        seed=7,
    )
    question_id = exercise.body[0].id
    return H5PWorld(
        file_url=reverse(
            "exercises:h5p_file",
            kwargs={"folder": package.folder, "path": "content/content.json"},
        ),
        report_url=reverse(
            "exercises:h5p_report",
            kwargs={"attempt_id": attempt.pk, "question_id": question_id},
        ),
        attempt_id=attempt.pk,
    )
