"""The resource library, as a teacher would try it (issue 22).

M. Benali (Jean-Jaurès) shared a fractions worksheet with the whole portal. Mme Petit
(the Bourg), on a tablet, opens the library from her class page, filters by level (CM1)
and subject (Mathématiques), previews the PDF and uses it in her class. On a phone, she
finds it on her class's wall with « D’après … de Karim Benali … ». axe checks the
library's home, the resource's page and the class's copy at 1024 and 390 px.
"""

import pytest
from django.core.files.base import ContentFile

from classrooms.models import Membership
from home.demo.pdf import tiny_pdf
from library.models import Resource, ResourceFile, ResourceUse
from pages.models import SchoolStaff
from tests import factories
from tests.browser.journeys import log_in
from tests.browser.steps_library import (
    find_resource,
    open_library_from_class,
    preview_resource,
    see_in_my_class,
    use_in_my_class,
)

TABLET = {"width": 1024, "height": 768}
PHONE = {"width": 390, "height": 844}
TITLE = "Les fractions avec des pizzas"


@pytest.fixture
def library(django_db_serialized_rollback):
    portal = factories.portal()
    jaures = factories.SchoolPageFactory(parent=portal, title="École Jean-Jaurès")
    bourg = factories.SchoolPageFactory(parent=portal, title="École du Bourg", town="Vertou")
    cm1 = factories.ClassroomPageFactory(parent=jaures, title="CM1 de M. Benali", level="CM1")
    ce1 = factories.ClassroomPageFactory(parent=bourg, title="CE1 de Mme Petit", level="CE1")
    karim = factories.UserFactory(username="karim.benali", first_name="Karim", last_name="Benali")
    aurelie = factories.UserFactory(
        username="aurelie.petit", first_name="Aurélie", last_name="Petit"
    )
    for user, classroom, school in ((karim, cm1, jaures), (aurelie, ce1, bourg)):
        factories.MembershipFactory(user=user, classroom=classroom, role=Membership.Role.TEACHER)
        factories.SchoolStaffFactory(user=user, school=school, role=SchoolStaff.Role.TEACHER)
    for title, level, subject, domain in (
        (TITLE, ",CM1,", "mathematiques", "nombres-et-calculs"),
        ("Poésies d’automne", ",CM1,", "francais", "lecture"),
        ("Les nombres jusqu’à 100", ",CE1,", "mathematiques", "nombres-et-calculs"),
    ):
        resource = Resource.objects.create(
            title=title,
            description="Une fiche à imprimer.",
            kind="document",
            cycle="3" if "CM1" in level else "2",
            levels=level,
            subject=subject,
            domain=domain,
            duration=45,
            licence="cc-by",
            scope="portal",
            author=karim,
            author_name="Karim Benali",
            school=jaures,
        )
        data = tiny_pdf(title, ["Colorie la moitié de la pizza."])
        ResourceFile.objects.create(
            resource=resource,
            kind="document",
            extension="pdf",
            content_type="application/pdf",
            size=len(data),
            file=ContentFile(data, name="1.pdf"),
        )
    ce1.refresh_from_db()
    return ce1


def open_tab(browser, live_server, viewport):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=viewport)
    context.set_default_timeout(15_000)
    return context.new_page()


def fits(tab, width):
    assert tab.evaluate("document.documentElement.scrollWidth") <= width


def test_a_teacher_finds_previews_and_uses_a_resource_then_sees_it_in_her_class(
    browser, live_server, library, axe_check
):
    classroom = library
    tablet = open_tab(browser, live_server, TABLET)
    log_in(tablet, "aurelie.petit")
    open_library_from_class(tablet, classroom.url)
    axe_check(tablet, "library-home-1024")
    found = find_resource(tablet, TITLE, level="CM1", subject="mathematiques")
    assert found == [TITLE]  # not the CM1 poems, nor the CE1 numbers
    preview_resource(tablet, "document")
    axe_check(tablet, "library-resource-1024")
    use_in_my_class(tablet, "CE1 de Mme Petit")
    use = ResourceUse.objects.get()
    assert use.classroom_id == classroom.pk

    phone = open_tab(browser, live_server, PHONE)
    log_in(phone, "aurelie.petit")
    see_in_my_class(phone, classroom.url, TITLE, "de Karim Benali, École Jean-Jaurès")
    fits(phone, PHONE["width"])
    axe_check(phone, "library-class-resource-390")
    phone.goto("/bibliotheque/")
    fits(phone, PHONE["width"])
    axe_check(phone, "library-home-390")
