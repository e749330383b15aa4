"""Browser steps of H5P activities (issue 22), for journeys to compose: a pupil plays the
activity of an exercise in the real h5p-standalone player, a teacher reads its score."""

import re

from playwright.sync_api import expect


def play_true_false(tab, exercise_url, answers):
    """Start the exercise, mark each statement ("Vrai"/"Faux") in the player's frame,
    check, and wait for Préau to say the score is recorded; returns its words."""
    tab.goto(exercise_url)
    tab.get_by_role("button", name="Commencer").click()
    expect(tab).to_have_url(re.compile(r"/exercices/essais/\d+/$"))
    expect(tab.get_by_text("compté par l’activité dans ton navigateur")).to_be_visible()
    activity = tab.frame_locator("iframe.h5p-iframe")
    for number, answer in enumerate(answers):
        activity.locator("fieldset").nth(number).get_by_label(answer).check()
    activity.get_by_role("button", name="Vérifier").click()
    status = tab.locator("[data-h5p-status]")
    expect(status).to_contain_text("Ton score est enregistré")
    return status.inner_text()


def go_on_to_the_result(tab):
    tab.get_by_role("link", name="Suivant").click()
    expect(tab).to_have_url(re.compile(r"/resultat/$"))


def read_h5p_score_in_results(tab, exercise_id, pupil_name):
    """The teacher's results table of the exercise: the pupil's row."""
    tab.goto(f"/exercices/{exercise_id}/resultats/")
    row = tab.get_by_role("row").filter(has_text=pupil_name)
    expect(row).to_be_visible()
    return row.inner_text()
