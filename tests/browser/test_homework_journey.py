"""The homework diary, as its first users would try it (issue 20).

Mme Durand, on a tablet, writes today's session from her class page ("Write a session"):
what was done, and homework for the group "Les Hiboux" only. Léa, of that group, opens the
diary on a 390 px phone, finds the work in "To do" and ticks it done (htmx). Tom, in no
group, does not see it. The teacher sees that 1 of the 2 pupils of the group did, and who.
axe checks the pupil's and the teacher's pages.

The new strings are translated centrally after this issue: the journey finds fields and
buttons by their names and places, not by their words.
"""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from classrooms.models import Membership, PupilGroup
from homework.models import HomeworkItem, ItemDone
from tests import factories
from tests.browser.journeys import log_in

TABLET = {"width": 1024, "height": 768}
PHONE = {"width": 390, "height": 844}
GROUP_WORK = "Fiche des hiboux : lire le texte du loup"
SESSION = "Lecture : le loup"


@pytest.fixture
def diary_class(django_db_serialized_rollback):
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École des Tilleuls")
    classroom = factories.ClassroomPageFactory(parent=school, title="CE1 de Mme Durand")
    people = SimpleNamespace(
        classroom=classroom,
        teacher=factories.UserFactory(
            username="claire.durand", first_name="Claire", last_name="Durand"
        ),
        lea=factories.UserFactory(username="lea.martin", first_name="Léa", last_name="Martin"),
        hugo=factories.UserFactory(username="hugo.bernard", first_name="Hugo", last_name="Bernard"),
        tom=factories.UserFactory(username="tom.petit", first_name="Tom", last_name="Petit"),
    )
    factories.MembershipFactory(
        user=people.teacher, classroom=classroom, role=Membership.Role.TEACHER
    )
    for pupil in (people.lea, people.hugo, people.tom):
        factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    people.owls = PupilGroup.objects.create(classroom=classroom, name="Les Hiboux")
    people.owls.pupils.set([people.lea, people.hugo])
    classroom.refresh_from_db()
    return people


def open_tab(browser, live_server, viewport):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=viewport)
    context.set_default_timeout(15_000)
    return context.new_page()


def fits(tab, width):
    assert tab.evaluate("document.documentElement.scrollWidth") <= width


def test_the_teacher_gives_group_homework_a_pupil_of_the_group_ticks_it_on_a_phone(
    browser, live_server, diary_class, axe_check
):
    people = diary_class
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)

    teacher = open_tab(browser, live_server, TABLET)
    log_in(teacher, "claire.durand")
    teacher.goto(people.classroom.url)
    teacher.locator("a[href$='/nouvelle/']").first.click()
    teacher.locator("input[name=date]").fill(today.isoformat())
    teacher.locator("input[name=title]").fill(SESSION)
    teacher.locator("textarea[name=text]").fill("Nous avons lu le début de l’album.")
    teacher.locator("input[name='items-0-due_date']").fill(tomorrow.isoformat())
    teacher.locator("textarea[name='items-0-text']").fill(GROUP_WORK)
    teacher.locator("input[name='items-0-audience'][value=group]").check()
    teacher.locator("select[name='items-0-group']").select_option(label="Les Hiboux")
    teacher.locator("form.diary-form button[type=submit]").click()
    expect(teacher).to_have_url(re.compile(r"/cahier-de-textes/"))
    expect(teacher.get_by_text(GROUP_WORK)).to_be_visible()
    item = HomeworkItem.objects.get()
    assert item.group == people.owls
    diary_url = teacher.url.split("?")[0]

    lea = open_tab(browser, live_server, PHONE)
    log_in(lea, "lea.martin")
    lea.goto(diary_url)
    todo = lea.locator("section.panel--attention")
    expect(todo.get_by_text(GROUP_WORK)).to_be_visible()
    fits(lea, PHONE["width"])
    axe_check(lea, "homework-pupil-phone")
    todo.locator("form.diary-tick button").click()
    expect(todo.locator("form.diary-tick input[name=done][value='0']")).to_have_count(1)
    assert ItemDone.objects.filter(item=item, pupil=people.lea).exists()
    lea.reload()  # the tick stays
    expect(todo.locator("form.diary-tick input[name=done][value='0']")).to_have_count(1)

    tom = open_tab(browser, live_server, PHONE)
    log_in(tom, "tom.petit")
    tom.goto(diary_url)
    expect(tom.get_by_text(SESSION)).to_be_visible()
    expect(tom.get_by_text(GROUP_WORK)).to_have_count(0)

    teacher.goto(f"{diary_url}?semaine={today.isoformat()}")
    done = teacher.locator("details.diary-item__done").first
    expect(done.locator("summary")).to_contain_text("1")
    expect(done.locator("summary")).to_contain_text("2")
    done.locator("summary").click()
    expect(done).to_contain_text(people.lea.display_name)
    axe_check(teacher, "homework-teacher-week")
