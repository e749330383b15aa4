"""The work plan, as its first users would try it (issue 22).

Mme Petit, on a tablet, makes a plan for the group "Les Hiboux" from her class page: an
exercise of the class, a free task, a blog entry of the class and a sheet (a fourth row,
asked for first), the sheet moved up one place. Emma, of that group, opens it from the
class wall on a 390 px phone: her tasks in order, what is next, "0 of 4"; she ticks the
next task and sees it ticked, the pending ones, and what is next now. Louis, in no group,
has no such card. The teacher reads the class grid on a tablet and on a phone (it scrolls
in its box): Emma's tick, Hugo's pending tasks; she ticks one for Hugo. axe checks each.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from classrooms.models import Membership, PupilGroup
from tests import factories
from tests.browser.journeys import log_in
from tests.browser.steps_workplans import (
    build_plan,
    expect_progress,
    grid_row,
    open_grid,
    open_plan_from_wall,
    tick_next_task,
)
from workplans.models import TaskTick, WorkPlanPage

TABLET = {"width": 1024, "height": 768}
PHONE = {"width": 390, "height": 844}
TITLE = "Plan de travail des Hiboux"
FREE_TASK = "Lire le chapitre 3 du Petit Prince"
SHEET = "Fiche de géométrie n° 4"


@pytest.fixture
def plan_class(django_db_serialized_rollback):
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École du Bourg")
    classroom = factories.ClassroomPageFactory(parent=school, title="CE1 de Mme Petit")
    people = SimpleNamespace(
        classroom=classroom,
        teacher=factories.UserFactory(
            username="aurelie.petit", first_name="Aurélie", last_name="Petit"
        ),
        emma=factories.UserFactory(username="emma.r", first_name="Emma", last_name="Rousseau"),
        hugo=factories.UserFactory(username="hugo.l", first_name="Hugo", last_name="Lambert"),
        louis=factories.UserFactory(username="louis.g", first_name="Louis", last_name="Garnier"),
    )
    factories.MembershipFactory(
        user=people.teacher, classroom=classroom, role=Membership.Role.TEACHER
    )
    for pupil in (people.emma, people.hugo, people.louis):
        factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    people.owls = PupilGroup.objects.create(classroom=classroom, name="Les Hiboux")
    people.owls.pupils.set([people.emma, people.hugo])
    people.exercise = factories.ExercisePageFactory(parent=classroom, title="Les doubles")
    people.entry = factories.BlogEntryPageFactory(parent=classroom, title="Notre potager")
    classroom.refresh_from_db()
    return people


def open_tab(browser, live_server, viewport):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=viewport)
    context.set_default_timeout(15_000)
    return context.new_page()


def fits(tab, width):
    assert tab.evaluate("document.documentElement.scrollWidth") <= width


def test_a_teacher_gives_a_group_a_plan_a_pupil_ticks_and_the_teacher_reads_the_grid(
    browser, live_server, plan_class, axe_check
):
    people = plan_class
    today = timezone.localdate()

    teacher = open_tab(browser, live_server, TABLET)
    log_in(teacher, "aurelie.petit")
    rows = [
        ("page", "Les doubles"),
        ("text", FREE_TASK),
        ("page", "Notre potager"),
        ("text", SHEET),  # a fourth row: "more rows" first
    ]
    plan_url = build_plan(
        teacher,
        people.classroom.url,
        TITLE,
        "Les Hiboux",
        rows,
        today,
        today + datetime.timedelta(days=10),
    )
    plan = WorkPlanPage.objects.get(title=TITLE)
    assert list(plan.assigned_groups.all()) == [people.owls]
    labels = [task.label for task in plan.tasks.order_by("sort_order")]
    assert labels == ["Les doubles", FREE_TASK, SHEET, "Notre potager"]  # the sheet moved up

    emma = open_tab(browser, live_server, PHONE)
    log_in(emma, "emma.r")
    open_plan_from_wall(emma, people.classroom.url, TITLE)
    expect_progress(emma, 0, 4, "Les doubles")
    fits(emma, PHONE["width"])
    axe_check(emma, "workplans-pupil-phone")
    ticked = tick_next_task(emma)
    assert "Les doubles" in ticked
    expect_progress(emma, 1, 4, FREE_TASK)
    expect(emma.locator(".workplan-task--done")).to_contain_text("Les doubles")
    expect(emma.locator(".workplan-task:not(.workplan-task--done)")).to_have_count(3)
    assert TaskTick.objects.filter(pupil=people.emma).count() == 1
    emma.reload()  # the tick stays
    expect_progress(emma, 1, 4, FREE_TASK)
    axe_check(emma, "workplans-pupil-ticked-phone")

    louis = open_tab(browser, live_server, PHONE)
    log_in(louis, "louis.g")
    louis.goto(people.classroom.url)
    expect(louis.locator(".card", has_text=TITLE)).to_have_count(0)
    assert louis.goto(plan_url).status == 404

    open_grid(teacher, plan_url)
    expect(grid_row(teacher, "Emma").locator("td.cell--right")).to_have_count(1)
    expect(grid_row(teacher, "Hugo").locator("td.cell--right")).to_have_count(0)
    expect(teacher.locator("table.workplan-grid tbody tr", has_text="Louis")).to_have_count(0)
    axe_check(teacher, "workplans-grid-tablet")
    phone_teacher = open_tab(browser, live_server, PHONE)
    log_in(phone_teacher, "aurelie.petit")
    open_grid(phone_teacher, plan_url)
    fits(phone_teacher, PHONE["width"])
    axe_check(phone_teacher, "workplans-grid-phone")
    # The teacher ticks a task for Hugo from his row.
    grid_row(phone_teacher, "Hugo").locator("th a").click()
    phone_teacher.locator("#eleve .workplan-task--next button[type=submit]").first.click()
    expect(grid_row(phone_teacher, "Hugo").locator("td.cell--right")).to_have_count(1)
    assert TaskTick.objects.get(pupil=people.hugo).ticked_by == people.teacher
