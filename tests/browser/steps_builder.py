"""Browser steps of the exercise builder (exercises/builder/), for journeys to compose:
a teacher builds an exercise from her class space, records a dictation in the browser
(Chromium's fake microphone), sets it « à faire à deux », previews and gives it; a pupil
starts it with a classmate."""

import re

from playwright.sync_api import expect


def create_exercise(page, class_url, title):
    """From the class space's "new" menu to the builder of a new draft."""
    page.goto(class_url)
    page.get_by_role("link", name="Construire un exercice").click()
    page.get_by_label("Titre de l’exercice").fill(title)
    page.get_by_role("button", name="Créer et ajouter des questions").click()
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    expect(page.get_by_text("Brouillon", exact=True)).to_be_visible()


def add_instruction(page, text):
    page.get_by_role("region", name="Ajouter :").get_by_role("link", name="consigne").click()
    page.get_by_label("Consigne", exact=True).fill(text)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.get_by_text(text)).to_be_visible()


def record(page, seconds=2):
    """Record with the page's recorder until the timer shows `seconds`, then stop."""
    recorder = page.locator("[data-recorder]")
    recorder.get_by_role("button", name="Enregistrer ma voix").click()
    expect(recorder.locator("[data-recorder-time]")).to_have_text(
        re.compile(rf"^0:(0[{seconds}-9]|[1-5]\d)$"), timeout=10_000
    )
    recorder.get_by_role("button", name="Arrêter").click()
    expect(recorder.locator("audio[data-recorder-audio]")).to_have_attribute(
        "src", re.compile(r"^blob:")
    )
    assert recorder.locator("input[type=file]").evaluate("input => input.files.length") == 1


def add_recorded_dictation(page, prompt, text, axe_check=None):
    page.get_by_role("region", name="Ajouter :").get_by_role("link", name="dictée").click()
    page.get_by_label("Question").fill(prompt)
    page.get_by_label("Texte de la dictée").fill(text)
    record(page)
    if axe_check:
        axe_check(page, "builder-dictation-form")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.get_by_text(prompt)).to_be_visible()
    expect(page.get_by_text("enregistrée")).to_have_count(1)


def set_in_pairs(page):
    page.get_by_role("link", name="Paramètres").click()
    page.get_by_label("à faire à deux").check()
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.get_by_text("Les réglages sont enregistrés dans le brouillon.")).to_be_visible()
    expect(page.get_by_text("À faire à deux").first).to_be_visible()


def preview(page, *words):
    page.get_by_role("link", name="Aperçu").click()
    expect(page.get_by_text("Rien de ce que vous répondez ici")).to_be_visible()
    for word in words:
        expect(page.get_by_text(word).first).to_be_visible()
    expect(page.locator("audio").first).to_be_attached()
    page.get_by_role("link", name="Retour à l’éditeur de l’exercice").click()


def give_to_class(page):
    page.get_by_role("button", name="Publier : donner à la classe").click()
    expect(page.get_by_text("L’exercice est donné à la classe.")).to_be_visible()


def start_with(page, exercise_url, classmate):
    """A pupil opens the exercise « à faire à deux » and starts it with a classmate."""
    page.goto(exercise_url)
    expect(page.get_by_text("À faire à deux").first).to_be_visible()
    partner = page.get_by_label("Je le fais avec")
    page.get_by_role("button", name="Commencer").click()  # nobody chosen: the browser asks
    expect(page).to_have_url(re.compile(re.escape(exercise_url) + "$"))
    assert partner.evaluate("select => !select.validity.valid")
    partner.select_option(label=classmate)
    page.get_by_role("button", name="Commencer").click()
    expect(page).to_have_url(re.compile(r"/exercices/essais/\d+/$"))
