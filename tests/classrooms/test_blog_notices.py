"""What the class blog tells people (classrooms/notices.py): the teacher's bell counts an
entry waiting for her, the pupil authors hear (with "tu") that it is published or sent
back, and their parents that a new entry by their child is published."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from classrooms import notices
from classrooms.models import BlogEntryPage
from notifications import kinds
from notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db


def _send(client, world, title="Nos haricots"):
    client.force_login(world.pupil)
    client.post(
        reverse("classrooms:entry_new", kwargs={"classroom_id": world.classroom.pk}),
        {"title": title, "text": "<p>Ils ont poussé.</p>", "action": "send"},
    )
    return BlogEntryPage.objects.child_of(world.classroom).get(title=title)


def _review(entry):
    return reverse("classrooms:entry_review", kwargs={"entry_id": entry.pk})


def kinds_of(user):
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_the_teachers_bell_counts_an_entry_waiting_for_her(client, world):
    entry = _send(client, world)
    (waiting,) = Notification.objects.filter(recipient=world.teacher)
    assert waiting.kind == notices.ENTRY_WAITING and waiting.url == _review(entry)
    client.force_login(world.teacher)
    html = client.get(reverse("notifications:list")).content.decode()
    with translation.override("fr"):
        heading = f"{kinds.group_of(notices.ENTRY_WAITING).label} (1"
        sentence = escape(waiting.message)
    assert heading in html and sentence in html and "Léa M." in sentence
    assert kinds_of(world.pupil) == [] and kinds_of(world.parent) == []


def test_pupil_authors_are_told_when_it_is_sent_back_and_when_published(client, world):
    entry = _send(client, world)
    client.force_login(world.teacher)
    client.post(_review(entry), {"action": "send_back", "note": "Ajoute la taille."})
    assert kinds_of(world.pupil) == [notices.ENTRY_SENT_BACK]
    assert kinds_of(world.parent) == []  # nothing new for the family yet
    client.force_login(world.pupil)
    client.post(
        reverse("classrooms:entry_edit", kwargs={"entry_id": entry.pk}),
        {"title": "Nos haricots", "text": "Ils mesurent 12 cm.", "action": "send"},
    )
    assert kinds_of(world.teacher).count(notices.ENTRY_WAITING) == 2  # sent again
    client.force_login(world.teacher)
    client.post(_review(entry), {"action": "publish", "visibility": "class"})
    assert sorted(kinds_of(world.pupil)) == [notices.ENTRY_PUBLISHED, notices.ENTRY_SENT_BACK]
    published = Notification.objects.get(recipient=world.pupil, kind=notices.ENTRY_PUBLISHED)
    assert published.url == BlogEntryPage.objects.get(pk=entry.pk).url
    assert "Nos haricots" in published.message


def test_parents_are_told_of_a_new_entry_by_their_child_once(client, world):
    other_parent = factories.UserFactory(username="papa", first_name="Marc", last_name="Martin")
    factories.GuardianshipFactory(parent=other_parent, child=world.pupil)
    stranger = factories.UserFactory(username="autre", first_name="Nina")
    entry = _send(client, world)
    client.force_login(world.teacher)
    client.post(_review(entry), {"action": "publish", "visibility": "class"})
    for parent in (world.parent, other_parent):
        (told,) = Notification.objects.filter(recipient=parent)
        assert told.kind == notices.CHILD_ENTRY_PUBLISHED
        assert told.params == {"entry": "Nos haricots", "child": "Léa M."}
    assert kinds_of(stranger) == []
    # Published again after an edit: nothing new for anyone.
    entry = BlogEntryPage.objects.get(pk=entry.pk)
    entry.save_revision(user=world.teacher).publish()
    assert Notification.objects.filter(kind=notices.CHILD_ENTRY_PUBLISHED).count() == 2


def test_a_teachers_own_entry_tells_no_pupil(world):
    entry = factories.BlogEntryPageFactory(parent=world.classroom, title="Sortie", live=False)
    entry.authors.set([world.teacher])
    entry.save_revision(user=world.teacher).publish()
    assert not Notification.objects.exists()


def test_quietly_silences_the_workflow(client, world):
    with notices.quietly():
        _send(client, world)
    assert not Notification.objects.exists()
