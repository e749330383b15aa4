"""A pupil opens his own entry while it waits for the teacher (from "my entries in
progress"): he reads it with its state, and may take it back to change it.

It used to answer 404. Taking it back cancels the Wagtail workflow: the teacher no
longer sees it waiting, nor her "waits for you" notification about it.
"""

import pytest
from django.urls import reverse

from classrooms import moderation, notices
from classrooms.models import BlogEntryPage, Membership
from notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db


def _send(client, world):
    client.force_login(world.pupil)
    client.post(
        reverse("classrooms:entry_new", kwargs={"classroom_id": world.classroom.pk}),
        {"title": "Nos haricots", "text": "<p>Ils ont poussé.</p>", "action": "send"},
    )
    return BlogEntryPage.objects.child_of(world.classroom).get()


def _edit(entry):
    return reverse("classrooms:entry_edit", kwargs={"entry_id": entry.pk})


def test_the_author_reads_his_waiting_entry_with_its_state(client, world):
    entry = _send(client, world)
    response = client.get(_edit(entry))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nos haricots" in html and "Ils ont poussé." in html
    assert "En attente de l’enseignant" in html
    assert 'value="withdraw"' in html
    assert 'name="text"' not in html  # read only: no editor


def test_taking_it_back_makes_it_a_draft_the_teacher_no_longer_waits_for(client, world):
    entry = _send(client, world)
    assert list(moderation.awaiting_review(world.classroom, BlogEntryPage)) == [entry]
    assert Notification.objects.filter(recipient=world.teacher, kind=notices.ENTRY_WAITING)

    response = client.post(_edit(entry), {"action": "withdraw"})
    assert response.status_code == 302 and response.url == _edit(entry)
    entry.refresh_from_db()
    assert moderation.review_of(entry).status == moderation.EntryStatus.DRAFT
    assert list(moderation.awaiting_review(world.classroom, BlogEntryPage)) == []
    assert not Notification.objects.filter(recipient=world.teacher, kind=notices.ENTRY_WAITING)
    # The editor again: he changes it and sends it once more.
    assert 'name="text"' in client.get(_edit(entry)).content.decode()
    client.post(_edit(entry), {"title": "Nos haricots", "text": "12 cm !", "action": "send"})
    assert list(moderation.awaiting_review(world.classroom, BlogEntryPage)) == [entry]


def test_another_pupil_of_the_class_still_gets_404(client, world):
    entry = _send(client, world)
    classmate = factories.UserFactory(username="tom")
    factories.MembershipFactory(
        user=classmate, classroom=world.classroom, role=Membership.Role.PUPIL
    )
    client.force_login(classmate)
    assert client.get(_edit(entry)).status_code == 404
    assert client.post(_edit(entry), {"action": "withdraw"}).status_code == 404
    assert moderation.review_of(entry).awaits_teacher


def test_the_teacher_cannot_publish_a_version_she_has_not_read(client, world):
    """Her review page is open on the sent text; meanwhile the pupil takes it back and
    changes it. "Publish" on the old page must not put the unread text online."""
    entry = _send(client, world)
    review_url = reverse("classrooms:entry_review", kwargs={"entry_id": entry.pk})
    client.force_login(world.teacher)
    read = client.get(review_url).content.decode()
    assert f'name="revision" value="{entry.latest_revision_id}"' in read

    client.force_login(world.pupil)
    client.post(_edit(entry), {"action": "withdraw"})
    client.post(_edit(entry), {"title": "Nos haricots", "text": "Pas relu", "action": "save"})

    client.force_login(world.teacher)
    response = client.post(
        review_url,
        {"action": "publish", "visibility": "class", "revision": str(entry.latest_revision_id)},
        follow=True,
    )
    entry.refresh_from_db()
    assert not entry.live
    assert response.redirect_chain[-1][0] == review_url
    assert "Pas relu" in response.content.decode()  # the new version, to read
    # Read again, it may be published: the page now carries the new version.
    fresh = entry.latest_revision_id
    client.post(review_url, {"action": "publish", "visibility": "class", "revision": str(fresh)})
    entry.refresh_from_db()
    assert entry.live


def test_taken_back_in_english_the_teachers_french_notice_goes_too(client, world):
    """The "waits for you" was written with the address of the language the entry was
    sent in (/classes/…); taken back from the English pages (/en/classes/…), it goes."""
    from django.utils import translation

    entry = _send(client, world)
    assert Notification.objects.filter(recipient=world.teacher, kind=notices.ENTRY_WAITING)
    with translation.override("en"):
        english_edit = _edit(entry)
    assert english_edit.startswith("/en/")
    client.post(english_edit, {"action": "withdraw"})
    assert moderation.review_of(entry).status == moderation.EntryStatus.DRAFT
    assert not Notification.objects.filter(recipient=world.teacher, kind=notices.ENTRY_WAITING)


def test_the_class_assistant_is_spoken_to_as_an_adult(client, world):
    """An ATSEM writes entries and sends them to the teacher, like pupils, but she is an
    adult: "vous", never "tu", on sending, on her waiting entry and on taking it back."""
    atsem = factories.UserFactory(username="atsem", first_name="Nadia", last_name="Benali")
    factories.MembershipFactory(
        user=atsem, classroom=world.classroom, role=Membership.Role.ASSISTANT
    )
    client.force_login(atsem)
    sent = client.post(
        reverse("classrooms:entry_new", kwargs={"classroom_id": world.classroom.pk}),
        {"title": "La sortie", "text": "<p>Au parc.</p>", "action": "send"},
        follow=True,
    ).content.decode()
    entry = BlogEntryPage.objects.child_of(world.classroom).get()
    waiting = client.get(_edit(entry)).content.decode()
    back = client.post(_edit(entry), {"action": "withdraw"}, follow=True).content.decode()
    for html in (sent, waiting, back):
        assert "Ton article" not in html and "Tu peux" not in html and "tes brouillons" not in html
    assert 'value="withdraw"' in waiting


def test_taking_back_and_approving_lock_the_workflow_row(client, world):
    """A pupil's withdrawal and a teacher's approval at the same instant are taken one
    after the other: both lock the entry's workflow state first (PostgreSQL)."""
    from unittest import mock

    from django.db.models import QuerySet
    from wagtail.models import WorkflowState

    entry = _send(client, world)
    locked = []
    original = QuerySet.select_for_update

    def select_for_update(queryset, *args, **kwargs):
        locked.append(queryset.model)
        return original(queryset, *args, **kwargs)

    with mock.patch.object(QuerySet, "select_for_update", select_for_update):
        client.post(_edit(entry), {"action": "withdraw"})
    assert WorkflowState in locked
    entry.refresh_from_db()
    assert moderation.review_of(entry).status == moderation.EntryStatus.DRAFT

    client.post(_edit(entry), {"title": "Nos haricots", "text": "12 cm !", "action": "send"})
    locked.clear()
    with mock.patch.object(QuerySet, "select_for_update", select_for_update):
        moderation.approve(BlogEntryPage.objects.get(pk=entry.pk), world.teacher)
    assert WorkflowState in locked
    assert BlogEntryPage.objects.get(pk=entry.pk).live
