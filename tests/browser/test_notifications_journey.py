"""Notifications, as a family meets them (issue 20).

Sophie Martin, Léa's mother, opens her notification preferences on her phone (390 px)
and chooses the daily digest for class work and comments. During the day, Léa's entry
is sent to the teacher and published (the class blog tells the family), and a comment
Sophie wrote is approved. Nothing is e-mailed at once; the daily digest (the command the
worker or cron runs) sends Sophie one e-mail listing both, with links. On her phone
she opens the bell: one heading per group with its unread count; she marks all read and
the header's badge goes. axe finds no serious violation on the bell or the preferences;
both are shown at 390 and 1024 px without sideways scrolling.
"""

from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from classrooms import moderation
from classrooms.models import Level, Membership
from notifications.models import NotificationPreference
from notifications.services import notify
from tests import factories
from tests.browser.journeys import log_in, open_menu

ENTRY = "Nos haricots ont poussé"
COMMENTED = "La fête de l'école"
WIDTHS = (390, 1024)


@pytest.fixture
def family(django_db_serialized_rollback):
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École des Tilleuls")
    classroom = factories.ClassroomPageFactory(
        parent=school, title="CE1 de Mme Durand", level=Level.CE1
    )
    people = SimpleNamespace(
        classroom=classroom,
        teacher=factories.UserFactory(
            username="claire.durand", first_name="Claire", last_name="Durand"
        ),
        pupil=factories.UserFactory(username="lea.martin", first_name="Léa", last_name="Martin"),
        parent=factories.UserFactory(
            username="sophie.martin",
            first_name="Sophie",
            last_name="Martin",
            email="sophie.martin@example.org",
        ),
    )
    factories.MembershipFactory(
        user=people.teacher, classroom=classroom, role=Membership.Role.TEACHER
    )
    factories.MembershipFactory(user=people.pupil, classroom=classroom, role=Membership.Role.PUPIL)
    factories.GuardianshipFactory(parent=people.parent, child=people.pupil)
    return people


def no_sideways_scrolling(tab):
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900})
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{tab.url} scrolls sideways at {width} px"


def test_a_parent_chooses_the_digest_reads_it_and_marks_the_bell_read(page, family, axe_check):
    tab = page
    tab.set_viewport_size({"width": 390, "height": 844})
    log_in(tab, family.parent.username)

    # --- 1. Sophie chooses the daily digest for class work and comments ----------------
    tab.goto(reverse("accounts:my_spaces"))
    tab.locator(f"a[href='{reverse('notifications:preferences')}']").first.click()
    expect(tab).to_have_url(reverse("notifications:preferences"))
    for group in ("class_work", "comments"):
        tab.locator(f"select[name='{group}-email']").select_option("daily")
    axe_check(tab, "notifications-preferences-390")
    no_sideways_scrolling(tab)
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.locator("form.notification-preferences button[type=submit]").click()
    expect(tab.locator(".message")).to_be_visible()
    chosen = NotificationPreference.objects.filter(user=family.parent, email="daily")
    assert set(chosen.values_list("group", flat=True)) == {"class_work", "comments"}

    # --- 2. The day's events -------------------------------------------------------------
    entry = factories.BlogEntryPageFactory(parent=family.classroom, title=ENTRY, live=False)
    entry.authors.set([family.pupil])
    entry.save_revision(user=family.pupil)
    moderation.submit(entry, family.pupil)
    moderation.approve(entry, family.teacher)
    notify([family.parent], "comment_approved", url=entry.url + "#comments", entry=COMMENTED)
    assert mail.outbox == []  # she chose the digest: nothing at once

    # --- 3. The digest ---------------------------------------------------------------------
    call_command("send_daily_digests")
    (digest,) = mail.outbox
    assert digest.to == ["sophie.martin@example.org"]
    assert ENTRY in digest.body and COMMENTED in digest.body and "Léa M." in digest.body
    call_command("send_daily_digests")
    assert len(mail.outbox) == 1  # never twice

    # --- 4. The bell at 390 px: grouped, then all marked read ---------------------------
    tab.goto(reverse("notifications:list"))
    groups = tab.locator("section.notification-group h2")
    expect(groups).to_have_count(2)
    expect(groups.nth(0)).to_contain_text("(1")
    expect(groups.nth(1)).to_contain_text("(1")
    expect(tab.get_by_text(ENTRY, exact=False)).to_be_visible()
    open_menu(tab)
    expect(tab.locator("header .badge")).to_be_visible()
    axe_check(tab, "notifications-bell-390")
    tab.locator("details.main-menu summary").click()  # closed again: it floats over the page
    no_sideways_scrolling(tab)
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.locator(f"form[action='{reverse('notifications:mark_all_read')}'] button").click()
    expect(tab.locator(".notification--new")).to_have_count(0)
    expect(tab.locator("header .badge")).to_have_count(0)
