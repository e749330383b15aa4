"""Issue 22 tried as a new user would, on the demo portal (`load_demo_data`), one person
per tab: Mme Petit finds a resource of another school by level and subject and uses it
in her CE1, builds a dictation she records in the browser and sets « à faire à deux »;
Emma does it with Louis and both read the result; Lucas moves up a level of the CM1's
drill; Emma's work plan shows ticked and pending tasks and she ticks the next one; Lucas
plays the CM1's H5P activity and M. Benali reads its score in the results table.

The steps are each part's own (tests/browser/steps_*.py); this journey composes them on
the demo's data, at a tablet's width for adults and a phone's for children.
"""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from drills.models import DrillPage, DrillProgress
from exercises.models import Attempt, ExercisePage
from home.management.commands.load_demo_data import DEMO_PASSWORD
from library.models import ResourceUse
from tests.browser import steps_builder, steps_drills, steps_h5p, steps_library, steps_workplans
from workplans.models import WorkPlanPage

TABLET = {"width": 1024, "height": 900}
PHONE = {"width": 390, "height": 844}
CE1 = "CE1 de Mme Petit"
DICTATION_TITLE = "Dictée des pommes"
DICTATION_TEXT = "Les pommes sont rouges."


@pytest.fixture
def demo_portal(django_db_serialized_rollback, settings, tmp_path):
    """The demo portal, with its files in a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_data", verbosity=0)


def demo_tab(browser, live_server, username, viewport):
    """A tab of its own (its own cookies) logged in as a demo person with the demo password."""
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    tab = context.new_page()
    tab.set_viewport_size(viewport)
    tab.goto("/compte/connexion/")
    tab.get_by_label("Identifiant").fill(username)
    tab.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    tab.get_by_role("main").get_by_role("button", name="Se connecter").click()
    expect(tab).to_have_url(re.compile(r"/compte/mes-espaces/$|/classes?/|/$"))
    return tab


def test_resources_and_differentiation_on_the_demo_portal(
    browser, live_server, demo_portal, axe_check
):
    ce1 = ExercisePage.objects.none()  # the CE1's page, read from the demo below
    from classrooms.models import ClassroomPage

    ce1 = ClassroomPage.objects.get(title=CE1)

    # Mme Petit finds a worksheet of Jean-Jaurès by level and subject and uses it.
    teacher = demo_tab(browser, live_server, "aurelie.petit", TABLET)
    steps_library.open_library_from_class(teacher, ce1.url)
    found = steps_library.find_resource(
        teacher, "Les fractions avec des pizzas", level="CM1", subject="mathematiques"
    )
    assert "Les fractions avec des pizzas" in found
    steps_library.preview_resource(teacher, "document")
    axe_check(teacher, "journey-library-resource")
    steps_library.use_in_my_class(teacher, CE1)
    steps_library.see_in_my_class(
        teacher,
        ce1.url,
        "Les fractions avec des pizzas",
        "de Karim Benali, École élémentaire Jean-Jaurès",
    )
    assert ResourceUse.objects.filter(classroom=ce1, user__username="aurelie.petit").exists()

    # She builds a dictation, records it in the browser and sets it to pairs.
    steps_builder.create_exercise(teacher, ce1.url, DICTATION_TITLE)
    steps_builder.add_recorded_dictation(teacher, "Écrivez la dictée.", DICTATION_TEXT)
    steps_builder.set_in_pairs(teacher)
    steps_builder.give_to_class(teacher)
    dictation = ExercisePage.objects.get(title=DICTATION_TITLE)
    assert dictation.live and dictation.in_pairs

    # Emma does it with Louis on her tablet; both read the result.
    emma = demo_tab(browser, live_server, "emma.rousseau", PHONE)
    steps_builder.start_with(emma, dictation.url, "Louis G.")
    emma.locator("form.question-form").get_by_role("textbox").fill(DICTATION_TEXT)
    emma.get_by_role("button", name="Vérifier ma réponse").click()
    expect(emma).to_have_url(re.compile(r"/resultat/$"))
    expect(emma.get_by_text("Fait ensemble par Emma R. et Louis G.")).to_be_visible()
    attempt = Attempt.objects.get(exercise=dictation)
    assert attempt.partner.username == "louis.garcia" and attempt.score == 1
    louis = demo_tab(browser, live_server, "louis.garcia", PHONE)
    louis.goto(dictation.url)
    louis.get_by_role("link", name=re.compile(r"Essai du")).click()
    expect(louis.get_by_text("Fait ensemble par Emma R. et Louis G.")).to_be_visible()
    axe_check(louis, "journey-pair-result")

    # Emma's work plan: ticked and pending tasks, what is next; she ticks it.
    plan = WorkPlanPage.objects.child_of(ce1).live().get()
    steps_workplans.open_plan_from_wall(emma, ce1.url, plan.title)
    steps_workplans.expect_progress(emma, 2, 5)
    expect(emma.locator(".workplan-task:not(.workplan-task--done)")).to_have_count(3)
    steps_workplans.tick_next_task(emma)
    steps_workplans.expect_progress(emma, 3, 5)
    axe_check(emma, "journey-work-plan")

    # Lucas, one good round from level 2 of the CM1's drill, moves up.
    drill = DrillPage.objects.live().get(title="Calcul mental : monter les niveaux")
    lucas = demo_tab(browser, live_server, "lucas.bernard", PHONE)
    steps_drills.level_on_drill_page(lucas, drill.url, 1, 3)
    steps_drills.play_round_right(lucas, drill.url)
    steps_drills.level_on_drill_page(lucas, drill.url, 2, 3)
    assert DrillProgress.objects.get(drill=drill, pupil__username="lucas.bernard").level == 2

    # Lucas plays the CM1's H5P activity; M. Benali reads its score in the results table.
    h5p = ExercisePage.objects.live().get(title="Le cycle de l’eau (activité H5P)")
    words = steps_h5p.play_true_false(lucas, h5p.url, ["Vrai", "Faux", "Vrai", "Faux"])
    assert "4 sur 4" in words
    steps_h5p.go_on_to_the_result(lucas)
    benali = demo_tab(browser, live_server, "karim.benali", TABLET)
    row = steps_h5p.read_h5p_score_in_results(benali, h5p.pk, "Lucas")
    assert "4" in row
    axe_check(benali, "journey-h5p-results")
