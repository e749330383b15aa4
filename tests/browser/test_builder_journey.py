"""Seed 004 from the class space: Mme Petit builds a dictation in the front end, records
it in the browser (Chromium's fake microphone), sets it « à faire à deux », previews it
and gives it to her class. Emma starts it choosing Louis and answers; Emma and Louis,
each on their own tablet, read the result (390 px and 1024 px). axe checks the pages."""

import re

import pytest
from playwright.sync_api import expect
from wagtailmedia.models import Media

from classrooms.models import Level, Membership
from exercises.models import Attempt, ExercisePage
from tests import factories
from tests.browser import steps_builder as steps
from tests.browser.journeys import log_in, new_tab

TITLE = "Dictée du marché"
INSTRUCTION = "Écoutez la dictée à deux : l’un écrit, l’autre relit."
PROMPT = "Écrivez la dictée."
TEXT = "Nous allons au marché."


@pytest.fixture
def ce1(django_db_serialized_rollback, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École du Bourg")
    classroom = factories.ClassroomPageFactory(
        parent=school, title="CE1 de Mme Petit", level=Level.CE1
    )
    teacher = factories.UserFactory(username="aurelie", first_name="Aurélie", last_name="Petit")
    factories.MembershipFactory(user=teacher, classroom=classroom, role=Membership.Role.TEACHER)
    for username, first, last in (("emma", "Emma", "Rousseau"), ("louis", "Louis", "Garcia")):
        pupil = factories.UserFactory(username=username, first_name=first, last_name=last)
        factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    return classroom


def test_a_teacher_builds_a_recorded_dictation_done_in_pairs(
    page, browser, live_server, ce1, axe_check
):
    page.set_viewport_size({"width": 1024, "height": 900})
    log_in(page, "aurelie")
    steps.create_exercise(page, ce1.url, TITLE)
    steps.add_instruction(page, INSTRUCTION)
    steps.add_recorded_dictation(page, PROMPT, TEXT, axe_check=axe_check)
    axe_check(page, "builder")
    steps.set_in_pairs(page)
    steps.preview(page, INSTRUCTION, PROMPT)
    steps.give_to_class(page)
    exercise = ExercisePage.objects.get(title=TITLE)
    assert exercise.live and exercise.in_pairs
    dictation = exercise.body[1]
    media = Media.objects.get()
    assert dictation.block_type == "dictation" and dictation.value["audio"].pk == media.pk
    assert media.collection_id == ce1.collection_id

    tablet = new_tab(browser, live_server)
    tablet.set_viewport_size({"width": 390, "height": 844})
    log_in(tablet, "emma")
    steps.start_with(tablet, exercise.url, "Louis G.")
    axe_check(tablet, "builder-pair-question")
    tablet.locator("form.question-form").get_by_role("textbox").fill(TEXT)
    tablet.get_by_role("button", name="Vérifier ma réponse").click()
    expect(tablet).to_have_url(re.compile(r"/resultat/$"))
    expect(tablet.get_by_text("Fait ensemble par Emma R. et Louis G.")).to_be_visible()
    axe_check(tablet, "builder-pair-result-emma")
    attempt = Attempt.objects.get()
    assert (attempt.pupil.username, attempt.partner.username) == ("emma", "louis")

    other = new_tab(browser, live_server)
    other.set_viewport_size({"width": 1024, "height": 900})
    log_in(other, "louis")
    other.goto(exercise.url)
    other.get_by_role("link", name=re.compile(r"Essai du")).click()
    expect(other.get_by_text("Fait ensemble par Emma R. et Louis G.")).to_be_visible()
    expect(other.locator(".score")).to_be_visible()
    axe_check(other, "builder-pair-result-louis")
