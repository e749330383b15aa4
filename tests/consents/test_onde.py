"""The ONDE "Autorisation photo" column seeds the photo answers: on the first import, and
on a re-import where "Non" withdraws them and "Oui" leaves a portal answer alone."""

import pytest
from django.contrib.auth import get_user_model

from consents.models import ConsentChange
from enrolment import importer, onde
from tests import factories
from tests.enrolment.onde_files import PUPILS_HEADER, csv_file

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
YEAR = "2026-2027"


@pytest.fixture
def english():
    from django.utils import translation

    with translation.override("en"):
        yield


def rows(consent):
    return onde.read_pupils(csv_file(PUPILS_HEADER, f"ROUX;Zoé;12/03/2019;CP;CP A;{consent}"))


def zoe():
    return get_user_model().objects.get(first_name="Zoé")


@pytest.fixture
def cp_a(world):
    return factories.ClassroomPageFactory(parent=world.school, title="CP A", school_year=YEAR)


def test_the_first_import_seeds_both_photo_answers_and_nothing_else(world, cp_a):
    importer.apply_plan(world.school, YEAR, rows("Oui"), [], user=world.director)
    assert factories.allows(zoe(), "photo", "public")
    assert not factories.allows(zoe(), "voice", "school")
    changes = ConsentChange.objects.filter(pupil=zoe())
    assert {(c.medium, c.audience, c.source) for c in changes} == {
        ("photo", "school", "onde"),
        ("photo", "public", "onde"),
    }
    assert all(c.changed_by == world.director for c in changes)


def test_a_re_import_saying_no_withdraws_and_the_preview_says_so(world, cp_a):
    importer.apply_plan(world.school, YEAR, rows("Oui"), [])
    plan = importer.build_plan(world.school, YEAR, rows("Non"), [])
    (changed,) = [p for c in plan.classes for p in c.changed_pupils]
    assert "photo consent: yes → no" in changed.changes
    importer.apply_plan(world.school, YEAR, rows("Non"), [])
    assert not factories.allows(zoe(), "photo", "school")


def test_a_re_import_saying_yes_keeps_the_family_s_portal_answer(world, cp_a):
    importer.apply_plan(world.school, YEAR, rows("Oui"), [])
    factories.withdraw_consent(zoe(), "photo_public", by=world.parent)
    plan = importer.build_plan(world.school, YEAR, rows("Oui"), [])
    assert not plan.has_changes
    importer.apply_plan(world.school, YEAR, rows("Oui"), [])
    assert factories.allows(zoe(), "photo", "school")
    assert not factories.allows(zoe(), "photo", "public")
