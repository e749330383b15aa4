"""A dictation done in pairs (seed 004), as pupils would: Léa opens the exercise, chooses
"Je le fais avec" Hugo, answers on her tablet; Hugo, on his, finds the attempt "avec Léa
M." and its result, and may not start it again (one attempt each). axe checks the page."""

import re

import pytest
from playwright.sync_api import expect

from classrooms.models import Level, Membership
from exercises.models import Attempt, ExercisePage
from tests import factories
from tests.browser.journeys import log_in, new_tab


@pytest.fixture
def pair_class(django_db_serialized_rollback):
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École des Tilleuls")
    classroom = factories.ClassroomPageFactory(
        parent=school, title="CE2 de Mme Roy", level=Level.CE2
    )
    lea = factories.UserFactory(username="lea.martin", first_name="Léa", last_name="Martin")
    hugo = factories.UserFactory(username="hugo.roy", first_name="Hugo", last_name="Roy")
    for pupil in (lea, hugo):
        factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    exercise = factories.ExercisePageFactory(
        parent=classroom,
        title="Dictée à deux",
        max_attempts=1,
        in_pairs=True,
        body=[
            ("instruction", {"text": "Écrivez la phrase à deux."}),
            (
                "short_answer",
                {
                    "prompt": "Écris : « Le chat dort. »",
                    "answers": "Le chat dort.",
                    "accept_missing_accents": False,
                    "points": 1,
                },
            ),
        ],
    )
    exercise.save_revision().publish()
    return ExercisePage.objects.get(pk=exercise.pk), lea, hugo


def test_two_pupils_do_an_exercise_together_and_both_read_the_result(
    page, browser, live_server, pair_class, axe_check
):
    exercise, lea, hugo = pair_class
    page.set_viewport_size({"width": 1024, "height": 900})
    log_in(page, "lea.martin")
    page.goto(exercise.url)
    axe_check(page, "pairs-exercise")
    page.get_by_label("Je le fais avec").select_option(label="Hugo R.")
    page.get_by_role("button", name="Commencer").click()
    expect(page).to_have_url(re.compile(r"/exercices/essais/\d+/$"))
    page.locator("form.question-form").get_by_role("textbox").fill("Le chat dort.")
    page.get_by_role("button", name="Vérifier ma réponse").click()
    expect(page).to_have_url(re.compile(r"/resultat/$"))
    expect(page.get_by_text("Fait ensemble par Léa M. et Hugo R.")).to_be_visible()
    attempt = Attempt.objects.get()
    assert (attempt.pupil, attempt.partner, attempt.points) == (lea, hugo, 1)

    tablet = new_tab(browser, live_server)
    tablet.set_viewport_size({"width": 390, "height": 844})
    log_in(tablet, "hugo.roy")
    tablet.goto(exercise.url)
    expect(tablet.get_by_role("button", name="Commencer")).to_have_count(0)
    tablet.get_by_role("link", name=re.compile(r"Essai du")).click()
    expect(tablet.locator(".score")).to_contain_text("1 points sur 1")
    expect(tablet.get_by_role("link", name="Retour à ma classe")).to_be_visible()
    axe_check(tablet, "pairs-result-partner")
