"""Pages work under their Content-Security-Policy, and refuse nothing of their own.

Chromium reports every refusal of the policy; the pages of Préau's own scripts (the
pupils' editor with its recorder, the drill's timer, htmx), the Wagtail userbar on the
front end and the Wagtail admin are opened with the reports watched. The editor also
records a voice: its page may use the microphone (Permissions-Policy), and the recording
plays back from memory (media-src blob:).
"""

import re

import pytest
from playwright.sync_api import expect

from classrooms.models import Level, Membership
from tests import factories
from tests.browser.journeys import log_in, new_tab
from tests.browser.test_drill_timer import timed_drill  # noqa: F401 (a fixture)


@pytest.fixture
def school(django_db_serialized_rollback, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École des Tilleuls")
    classroom = factories.ClassroomPageFactory(
        parent=school, title="CE1 de Mme Durand", level=Level.CE1
    )
    pupil = factories.UserFactory(username="lea.martin", first_name="Léa", last_name="Martin")
    factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    return school, classroom


def test_front_end_pages_refuse_nothing_and_the_recorder_works(
    page, school, csp_violations, browser, live_server
):
    school_page, classroom = school
    csp_violations.watch(page)
    for url in ("/", school_page.url, "/compte/connexion/"):
        page.goto(url)
        assert csp_violations.read(page) == [], url
    log_in(page, "lea.martin")
    page.goto(classroom.url)
    assert csp_violations.read(page) == []
    page.goto(f"/classes/{classroom.pk}/ecrire/")
    recorder = page.locator("[data-recorder]")
    recorder.get_by_role("button", name="Enregistrer ma voix").click()
    expect(recorder.locator("[data-recorder-time]")).to_have_text("0:01", timeout=5_000)
    recorder.get_by_role("button", name="Arrêter").click()
    audio = recorder.locator("audio[data-recorder-audio]")
    expect(audio).to_have_attribute("src", re.compile(r"^blob:"))
    assert audio.evaluate("audio => audio.error") is None
    assert csp_violations.read(page) == []

    admin = csp_violations.watch(new_tab(browser, live_server))
    log_in(admin, "root")
    admin.goto(classroom.url)  # the Wagtail userbar, on a front-end page
    expect(admin.locator("wagtail-userbar")).to_be_attached()
    admin.goto(school_page.url)
    assert csp_violations.read(admin) == []


def test_the_drill_s_timer_runs_under_the_policy(page, timed_drill, csp_violations):  # noqa: F811
    csp_violations.watch(page)
    log_in(page, "lea.martin")
    page.goto(timed_drill.url)
    page.get_by_role("button", name="Commencer").click()
    expect(page.get_by_role("timer")).to_contain_text("Temps restant")
    assert csp_violations.read(page) == []


def test_the_wagtail_admin_works_under_its_own_policy(page, school, csp_violations):
    school_page, _classroom = school
    csp_violations.watch(page)
    log_in(page, "root")
    # One page at a time: the live server's threads share SQLite's one connection.
    page.goto("/admin/", wait_until="networkidle")
    expect(page.get_by_role("link", name="Pages").first).to_be_visible()  # drawn by React
    page.goto(f"/admin/pages/{school_page.pk}/edit/", wait_until="networkidle")
    expect(page.locator(".Draftail-Editor").first).to_be_visible()  # drawn by Draftail
    page.goto(f"/admin/pages/{school_page.pk}/", wait_until="networkidle")
    assert csp_violations.read(page) == []
