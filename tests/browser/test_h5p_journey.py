"""An H5P activity in an exercise, as a pupil and her teacher would: Léa plays the true or
false activity in the real h5p-standalone player (no Content-Security-Policy refusal),
Préau records the score the activity reports, and her teacher reads it in the
exercise's results table. axe checks the question page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from classrooms.models import Level, Membership
from exercises.models import Attempt, ExercisePage, H5PPackage
from home.demo.h5p_package import true_false_package
from tests import factories
from tests.browser.journeys import log_in, new_tab
from tests.browser.steps_h5p import go_on_to_the_result, play_true_false, read_h5p_score_in_results

STATEMENTS = [
    ("Le Soleil est une étoile.", True),
    ("La Lune est une planète.", False),
    ("La Terre tourne autour du Soleil.", True),
]


@pytest.fixture
def h5p_class(django_db_serialized_rollback, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École des Tilleuls")
    classroom = factories.ClassroomPageFactory(
        parent=school, title="CM1 de M. Roy", level=Level.CM1
    )
    teacher = factories.UserFactory(username="marc.roy", first_name="Marc", last_name="Roy")
    lea = factories.UserFactory(username="lea.martin", first_name="Léa", last_name="Martin")
    factories.MembershipFactory(user=teacher, classroom=classroom, role=Membership.Role.TEACHER)
    factories.MembershipFactory(user=lea, classroom=classroom, role=Membership.Role.PUPIL)
    package = H5PPackage(title="Le ciel", classroom=classroom, uploaded_by=teacher)
    package.file = SimpleUploadedFile(
        "ciel.h5p", true_false_package("Le ciel", "Vrai ou faux ?", STATEMENTS)
    )
    package.save()
    exercise = factories.ExercisePageFactory(
        parent=classroom,
        title="Le ciel (H5P)",
        body=[("h5p", {"prompt": "Vrai ou faux ?", "points": 3, "package": package})],
    )
    exercise.save_revision().publish()
    return ExercisePage.objects.get(pk=exercise.pk)


def test_a_pupil_plays_an_h5p_activity_and_her_teacher_reads_the_score(
    page, browser, live_server, h5p_class, axe_check, csp_violations
):
    exercise = h5p_class
    csp_violations.watch(page)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "lea.martin")
    # Two right, the last one wrong: 2 points out of 3.
    words = play_true_false(page, exercise.url, ["Vrai", "Faux", "Faux"])
    assert "2 sur 3" in words
    assert csp_violations.read(page) == []
    axe_check(page, "h5p-question")
    attempt = Attempt.objects.get()
    assert attempt.answers[str(exercise.body[0].id)]["points"] == 2
    go_on_to_the_result(page)
    attempt.refresh_from_db()
    assert (attempt.points, attempt.max_points) == (2, 3)

    teacher = new_tab(browser, live_server)
    teacher.set_viewport_size({"width": 1024, "height": 900})
    log_in(teacher, "marc.roy")
    row = read_h5p_score_in_results(teacher, exercise.pk, "Léa")
    assert "2" in row and "3" in row
