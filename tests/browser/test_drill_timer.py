"""A timed mental calculation drill: one operation at a time, each with its countdown,
and the answers sent by themselves when the time is up."""

import re

import pytest
from playwright.sync_api import expect

from classrooms.models import Level, Membership
from exercises.models import Attempt, ExercisePage
from tests import factories


@pytest.fixture
def timed_drill(django_db_serialized_rollback):
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École des Tilleuls")
    classroom = factories.ClassroomPageFactory(parent=school, title="CE1", level=Level.CE1)
    pupil = factories.UserFactory(username="lea.martin", first_name="Léa", last_name="Martin")
    factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    exercise = factories.ExercisePageFactory(
        parent=classroom,
        title="Calcul rapide",
        body=[
            (
                "mental_drill",
                {
                    "prompt": "Calcule vite.",
                    "operation": "add",
                    "minimum": 1,
                    "maximum": 5,
                    "questions": 2,
                    "seconds": 2,
                    "points": 2,
                },
            )
        ],
    )
    exercise.save_revision().publish()
    return ExercisePage.objects.get(pk=exercise.pk)


def test_the_time_limit_moves_on_and_sends_the_answers(page, timed_drill):
    page.goto("/compte/connexion/")
    page.get_by_label("Identifiant").fill("lea.martin")
    page.get_by_label("Mot de passe").fill(factories.TEST_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Se connecter").click()
    page.goto(timed_drill.url)
    page.get_by_role("button", name="Commencer").click()
    expect(page.get_by_role("timer")).to_contain_text("Temps restant")
    operations = page.locator(".question__operations li")
    expect(operations.nth(0)).to_be_visible()
    expect(operations.nth(1)).to_be_hidden()  # one operation at a time
    operations.nth(0).locator("input").fill("3")
    # Nothing more is typed: the second operation comes, then the answers leave alone.
    expect(operations.nth(1)).to_be_visible(timeout=4_000)
    expect(page).to_have_url(re.compile(r"/resultat/$"), timeout=8_000)
    attempt = Attempt.objects.get()
    assert attempt.finished_at is not None
    (recorded,) = attempt.answers.values()
    assert recorded["answer"]["results"][0] == "3" and recorded["answer"]["results"][1] == ""
