"""Shared caches under per-class, per-entry and per-person versions (performance/versions.py).

What many readers share is kept once, under the version of the class, entry or person it
was built from: a change in one class leaves every other class's wall in place, a
pupil's draft leaves even its own class's wall in place, and no reader ever sees, from
what another reader left in the cache, what is not theirs to see.
"""

import hashlib

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from classrooms.models import BlogEntryPage, Guardianship, Membership, Visibility
from comments.models import ClassComment, Partnership
from performance import versions
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shared_caches_on(settings):
    settings.PREAU_VERSION_SECONDS = 3600
    settings.PREAU_PAGE_CACHE_SECONDS = 0


def class_version(classroom):
    return versions.current(versions.class_scope(classroom.path))


def published_entry(classroom, title, **fields):
    entry = factories.BlogEntryPageFactory(parent=classroom, title=title, **fields)
    entry.save_revision().publish()
    return BlogEntryPage.objects.get(pk=entry.pk)


def browser_of(user):
    browser = Client()
    browser.force_login(user)
    return browser


def test_a_change_in_one_class_leaves_another_class_s_wall_in_place(world):
    other = class_version(world.other_classroom)
    mine = class_version(world.classroom)
    entry = published_entry(world.classroom, "La sortie au musée")
    factories.MembershipFactory(
        user=factories.UserFactory(username="nouveau"), classroom=world.classroom
    )
    ClassComment.objects.create(
        content_type=ContentType.objects.get_for_model(BlogEntryPage),
        object_pk=str(entry.pk),
        site_id=1,
        user=world.parent,
        comment="Bravo",
        is_public=True,
    )
    assert class_version(world.classroom) != mine
    assert class_version(world.other_classroom) == other


def test_a_pupil_s_draft_leaves_even_its_own_class_s_wall_in_place(world):
    draft = factories.BlogEntryPageFactory(parent=world.classroom, title="Brouillon", live=False)
    before = class_version(world.classroom)
    draft.title = "Mon brouillon"
    draft.save()  # a draft never published: no family reads it
    draft.save_revision(user=world.pupil)
    assert class_version(world.classroom) == before
    live = published_entry(world.classroom, "Publié")
    after_publication = class_version(world.classroom)
    assert after_publication != before
    live.save_revision(user=world.pupil)  # a draft of a published entry
    assert class_version(world.classroom) == after_publication


def test_the_wall_s_cards_are_built_once_for_every_family_of_the_class(world):
    published_entry(world.classroom, "La sortie au musée")
    other_parent = factories.UserFactory(username="autreparent")
    classmate = factories.UserFactory(username="camarade")
    factories.MembershipFactory(user=classmate, classroom=world.classroom)
    factories.GuardianshipFactory(parent=other_parent, child=classmate)
    first = browser_of(world.parent).get(world.classroom.url)
    assert "La sortie au musée" in first.content.decode()
    no_topic = hashlib.sha256(b"").hexdigest()[:16]
    key = f"{versions.VALUE_PREFIX}wall:{world.classroom.pk}:{no_topic}:1"
    kept = versions.cache_backend().get(f"{key}:{class_version(world.classroom)}")
    assert kept is not None, "the first family's visit keeps the wall for the next ones"
    assert [page.title for page in kept[0]] == ["La sortie au musée"]
    second = browser_of(other_parent).get(world.classroom.url)
    assert "La sortie au musée" in second.content.decode()


def test_another_reader_s_waiting_comment_never_shows(world):
    entry = published_entry(world.classroom, "Nos haricots")
    other_parent = factories.UserFactory(username="autreparent")
    classmate = factories.UserFactory(username="camarade")
    factories.MembershipFactory(user=classmate, classroom=world.classroom)
    factories.GuardianshipFactory(parent=other_parent, child=classmate)
    ClassComment.objects.create(
        content_type=ContentType.objects.get_for_model(BlogEntryPage),
        object_pk=str(entry.pk),
        site_id=1,
        user=world.parent,
        comment="Un commentaire en attente",
        liked="Un commentaire en attente",
        is_public=False,
    )
    author = browser_of(world.parent).get(entry.url).content.decode()
    assert "Un commentaire en attente" in author  # their own, waiting
    # The same comments are shared: the next reader gets them from the cache.
    other = browser_of(other_parent).get(entry.url).content.decode()
    assert "Nos haricots" in other
    assert "Un commentaire en attente" not in other


def test_an_entry_shared_with_a_partner_class_closes_when_the_partnership_ends(world):
    entry = published_entry(world.classroom, "Notre potager", visibility=Visibility.CLASS)
    partnership = Partnership.objects.create(
        host=world.classroom,
        guest=world.other_classroom,
        status=Partnership.Status.ACCEPTED,
        invited_by=world.teacher,
    )
    guest = browser_of(world.other_pupil)
    assert guest.get(entry.url).status_code == 200
    outsider = browser_of(world.outsider)
    assert outsider.get(entry.url).status_code == 404  # what the guest read stays theirs
    partnership.status = Partnership.Status.ENDED
    partnership.save()
    assert guest.get(entry.url).status_code == 404


def test_a_guardianship_ended_closes_the_class_at_once(world):
    parent = browser_of(world.parent)
    assert parent.get(world.classroom.url).status_code == 200
    Guardianship.objects.filter(parent=world.parent, child=world.pupil).delete()
    assert parent.get(world.classroom.url).status_code == 404


def test_a_membership_ended_closes_the_class_for_the_pupil_and_their_parents(world):
    pupil, parent = browser_of(world.pupil), browser_of(world.parent)
    assert pupil.get(world.classroom.url).status_code == 200
    assert parent.get(world.classroom.url).status_code == 200
    Membership.objects.filter(user=world.pupil, classroom=world.classroom).delete()
    assert pupil.get(world.classroom.url).status_code == 404
    assert parent.get(world.classroom.url).status_code == 404
