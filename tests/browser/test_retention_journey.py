"""Staff are told before deletions (issue 24), as a director would find it.

M. Lambert opens "Gérer l'école", then "Comptes à supprimer": Camille, who left for the
collège, and her mother are listed with the day their accounts will be deleted. He
reopens Camille's account on the family's word ("Cette personne revient"); her mother's
stays in the list. At 390 px (a phone) and 1024 px (a tablet); axe checks each page.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from retention.models import ScheduledDeletion
from tests import factories
from tests.browser.journeys import log_in

TABLET = {"width": 1024, "height": 768}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def school(django_db_serialized_rollback):
    school = factories.SchoolPageFactory(
        parent=factories.portal(), title="École élémentaire Jean-Jaurès"
    )
    factories.ClassroomPageFactory(parent=school, title="CP de Mme Durand")
    director = factories.UserFactory(
        username="olivier.lambert", first_name="Olivier", last_name="Lambert"
    )
    factories.SchoolStaffFactory(school=school, user=director, role="director")
    camille = factories.UserFactory(
        username="camille.lefort", first_name="Camille", last_name="Lefort", is_active=False
    )
    nathalie = factories.UserFactory(
        username="nathalie.lefort", first_name="Nathalie", last_name="Lefort", is_active=False
    )
    factories.GuardianshipFactory(parent=nathalie, child=camille)
    closed_at = timezone.now() - timedelta(days=20)
    for person, reason in (
        (camille, ScheduledDeletion.Reason.LEFT_SCHOOL),
        (nathalie, ScheduledDeletion.Reason.NO_CHILD),
    ):
        ScheduledDeletion.objects.create(
            user=person,
            reason=reason,
            deactivated_at=closed_at,
            delete_on=(closed_at + timedelta(days=90)).date(),
            school=school,
        )
    return school


def open_tab(browser, live_server, viewport):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=viewport)
    context.set_default_timeout(15_000)
    return context.new_page()


def fits(tab, width):
    assert tab.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["390px", "1024px"])
def test_a_director_sees_the_accounts_to_be_deleted_and_reopens_one(
    browser, live_server, school, axe_check, viewport
):
    tab = open_tab(browser, live_server, viewport)
    log_in(tab, "olivier.lambert")
    tab.goto(f"/ecole/{school.pk}/")
    tab.get_by_role("link", name="Comptes à supprimer").click()

    expect(tab.get_by_role("heading", level=1)).to_have_text("Comptes à supprimer")
    expect(tab.get_by_role("heading", name="2 comptes fermés")).to_be_visible()
    camille = tab.locator("li.roster__item", has_text="Lefort Camille")
    day = ScheduledDeletion.objects.get(user__username="camille.lefort").delete_on
    months = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    french_day = f"{day.day} {months.split()[day.month - 1]} {day.year}"
    expect(camille.get_by_text(f"supprimé le {french_day}")).to_be_visible()
    expect(tab.locator("li.roster__item", has_text="Parent de Camille")).to_be_visible()
    fits(tab, viewport["width"])
    axe_check(tab, f"retention-accounts-{viewport['width']}")

    # Without the director's word, an account whose holder has no place stays closed.
    camille.get_by_role("button", name="Rouvrir le compte").click()
    expect(tab.get_by_text("cochez « Cette personne revient »")).to_be_visible()

    camille = tab.locator("li.roster__item", has_text="Lefort Camille")
    camille.get_by_label("Cette personne revient", exact=False).check()
    camille.get_by_role("button", name="Rouvrir le compte").click()
    expect(tab.get_by_text("Le compte de Camille Lefort est rouvert")).to_be_visible()
    expect(tab.get_by_role("heading", name="1 compte fermé")).to_be_visible()
    expect(tab.locator("li.roster__item", has_text="Lefort Camille")).to_have_count(0)
    fits(tab, viewport["width"])
    axe_check(tab, f"retention-reopened-{viewport['width']}")
    tab.context.close()
