"""Levelled drills, as their first users would try them (issue 22).

Léa, on a 390 px phone, plays a round of the class's drill right and moves up from level 1
to level 2. Mme Durand, on a 1024 px tablet, sees it in the class grid and puts Noah at
level 3 herself. Léa's mother reads Léa's level and its history on the drill's page, and
nothing of Noah. axe checks every page on the way.
"""

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from classrooms.models import Membership
from drills.models import DrillProgress
from tests import factories
from tests.browser import steps_drills as steps
from tests.browser.journeys import log_in
from tests.drills.drill_factory import make_drill

TABLET = {"width": 1024, "height": 768}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def drill_class(django_db_serialized_rollback):
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École des Tilleuls")
    classroom = factories.ClassroomPageFactory(parent=school, title="CE1 de Mme Durand")
    people = SimpleNamespace(
        classroom=classroom,
        teacher=factories.UserFactory(
            username="claire.durand", first_name="Claire", last_name="Durand"
        ),
        lea=factories.UserFactory(username="lea.martin", first_name="Léa", last_name="Martin"),
        noah=factories.UserFactory(username="noah.blanc", first_name="Noah", last_name="Blanc"),
        mother=factories.UserFactory(
            username="sophie.martin", first_name="Sophie", last_name="Martin"
        ),
    )
    factories.MembershipFactory(
        user=people.teacher, classroom=classroom, role=Membership.Role.TEACHER
    )
    for pupil in (people.lea, people.noah):
        factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    factories.GuardianshipFactory(parent=people.mother, child=people.lea)
    people.drill = make_drill(classroom, title="Calcul mental")
    return people


def open_tab(browser, live_server, viewport):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=viewport)
    context.set_default_timeout(15_000)
    return context.new_page()


def fits(tab, width):
    assert tab.evaluate("document.documentElement.scrollWidth") <= width


def test_a_pupil_moves_up_the_teacher_sets_a_level_a_parent_follows(
    browser, live_server, drill_class, axe_check
):
    people = drill_class
    drill_url = people.drill.url

    lea = open_tab(browser, live_server, PHONE)
    log_in(lea, "lea.martin")
    lea.goto(people.classroom.url)
    lea.locator(f"a[href='{drill_url}']").first.click()
    steps.level_on_drill_page(lea, drill_url, 1, 3)
    axe_check(lea, "drill-pupil-phone")
    steps.start_round(lea, drill_url)
    fits(lea, PHONE["width"])
    axe_check(lea, "drill-round-phone")
    assert steps.play_round_right(lea, drill_url) == 4
    fits(lea, PHONE["width"])
    axe_check(lea, "drill-result-phone")
    assert DrillProgress.objects.get(pupil=people.lea).level == 2
    steps.level_on_drill_page(lea, drill_url, 2, 3)

    teacher = open_tab(browser, live_server, TABLET)
    log_in(teacher, "claire.durand")
    steps.open_grid(teacher, drill_url)
    lea_row = steps.grid_row(teacher, people.lea.display_name)
    expect(lea_row.locator("td").nth(0)).to_contain_text("2 /")
    expect(lea_row.locator("td").nth(1)).to_have_text("1")
    expect(lea_row.locator("td").nth(2)).to_contain_text("100")
    axe_check(teacher, "drill-grid-tablet")
    steps.set_level(teacher, people.noah.display_name, 3)
    progress = DrillProgress.objects.get(pupil=people.noah)
    assert (progress.level, progress.set_by) == (3, people.teacher)
    teacher.set_viewport_size(PHONE)  # the grid scrolls within itself on a phone
    teacher.reload()
    fits(teacher, PHONE["width"])
    axe_check(teacher, "drill-grid-phone")

    mother = open_tab(browser, live_server, PHONE)
    log_in(mother, "sophie.martin")
    section = steps.child_progress(mother, drill_url, people.lea.display_name)
    expect(section.locator("p.score")).to_contain_text("2")
    expect(section.locator("ul.link-list").first.locator("li")).to_have_count(1)
    expect(mother.get_by_text(people.noah.display_name)).to_have_count(0)
    fits(mother, PHONE["width"])
    axe_check(mother, "drill-parent-phone")
