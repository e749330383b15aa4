"""The class blog through the front end: write, send, send back, correct, publish, read.

Every step goes through real requests, as the pupils, their teacher and a parent make
them; the Wagtail workflow state is checked so that the admin shows the same thing.
"""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from classrooms import moderation
from classrooms.models import BlogEntryPage, Membership, Visibility
from tests import factories

pytestmark = pytest.mark.django_db


def new_entry_url(classroom):
    return reverse("classrooms:entry_new", kwargs={"classroom_id": classroom.pk})


def edit_url(entry):
    return reverse("classrooms:entry_edit", kwargs={"entry_id": entry.pk})


def review_url(entry):
    return reverse("classrooms:entry_review", kwargs={"entry_id": entry.pk})


def write(client, classroom, action="save", **fields):
    data = {"title": "Nos haricots", "text": "<p>Ils ont <b>poussé</b>.</p>", "action": action}
    data.update(fields)
    return client.post(new_entry_url(classroom), data)


def only_entry(classroom):
    return BlogEntryPage.objects.child_of(classroom).get()


def test_a_pupil_saves_a_draft_that_only_the_class_teachers_can_review(client, world):
    client.force_login(world.pupil)
    response = write(client, world.classroom)
    entry = only_entry(world.classroom)
    assert response.status_code == 302 and response.url == edit_url(entry)
    assert not entry.live
    assert list(entry.authors.all()) == [world.pupil]
    assert entry.owner == world.pupil
    latest = entry.get_latest_revision_as_object()
    assert latest.body[0].block_type == "text"
    assert "<b>poussé</b>" in latest.body[0].value.source
    assert moderation.review_of(entry).status == moderation.EntryStatus.DRAFT
    # The draft is listed as the pupil's, and resumes in the editor with what was typed.
    wall = client.get(world.classroom.url).content.decode()
    assert "Mes articles en cours" in wall and "Nos haricots" in wall
    editor = client.get(edit_url(entry)).content.decode()
    assert "Ils ont &lt;b&gt;poussé&lt;/b&gt;." in editor or "poussé" in editor


def test_the_whole_round_trip_send_back_correct_publish(client, world):
    client.force_login(world.pupil)
    write(client, world.classroom, action="send")
    entry = only_entry(world.classroom)
    state = entry.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.specific.__class__.__name__ == ("ClassTeacherApprovalTask")
    # Sent: the pupil reads it, without the editor (he may take it back: test_blog_withdraw),
    # and nobody outside sees it.
    sent = client.get(edit_url(entry)).content.decode()
    assert 'value="withdraw"' in sent and 'name="text"' not in sent
    assert client.get(review_url(entry)).status_code == 404

    client.force_login(world.teacher)
    wall = client.get(world.classroom.url).content.decode()
    assert "1 travail vous attend" in wall and review_url(entry) in wall
    response = client.post(review_url(entry), {"action": "send_back", "note": ""})
    assert response.status_code == 200
    assert "Écrivez une remarque" in response.content.decode()
    response = client.post(
        review_url(entry), {"action": "send_back", "note": "Ajoute ce que vous avez mesuré."}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(world.pupil)
    wall = client.get(world.classroom.url).content.decode()
    assert "Ajoute ce que vous avez mesuré." in wall and "À corriger" in wall
    assert "Ajoute ce que vous avez mesuré." in client.get(edit_url(entry)).content.decode()
    response = client.post(
        edit_url(entry),
        {"title": "Nos haricots", "text": "Ils mesurent 12 cm.", "action": "send"},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not entry.live

    client.force_login(world.teacher)
    response = client.post(review_url(entry), {"action": "publish", "visibility": "class"})
    entry.refresh_from_db()
    assert entry.live and response.url == entry.url
    assert "12 cm" in entry.body[0].value.source
    assert entry.current_workflow_state is None

    client.force_login(world.parent)
    page = client.get(entry.url).content.decode()
    assert "12 cm" in page and "Écrit par votre enfant" in page
    wall = client.get(world.classroom.url).content.decode()
    assert "Nos haricots" in wall


def test_pupils_cannot_publish_or_review_even_by_posting(client, world):
    client.force_login(world.pupil)
    write(client, world.classroom, action="publish")
    entry = only_entry(world.classroom)
    assert not entry.live
    moderation.submit(entry, world.pupil)
    assert client.post(review_url(entry), {"action": "publish"}).status_code == 404
    entry.refresh_from_db()
    assert not entry.live


def test_a_teacher_publishes_their_own_entry_directly(client, world):
    client.force_login(world.teacher)
    response = write(client, world.classroom, action="publish", coauthors=[world.pupil.pk])
    entry = only_entry(world.classroom)
    assert entry.live and response.url == entry.url
    assert list(entry.authors.all()) == [world.pupil]


def test_parents_and_directors_write_nothing(client, world):
    for person in (world.parent, world.director):
        client.force_login(person)
        assert client.get(new_entry_url(world.classroom)).status_code == 404
        assert write(client, world.classroom).status_code == 404
    assert not BlogEntryPage.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "other_pupil"])
def test_outsiders_get_404_on_every_blog_address(client, world, who):
    entry = factories.BlogEntryPageFactory(parent=world.classroom, title="Privé")
    entry.save_revision().publish()
    client.force_login(getattr(world, who))
    for url in (
        new_entry_url(world.classroom),
        edit_url(entry),
        review_url(entry),
        entry.url,
    ):
        assert client.get(url).status_code == 404, url
    for name in ("entry_visibility", "entry_delete"):
        url = reverse(f"classrooms:{name}", kwargs={"entry_id": entry.pk})
        assert client.post(url, {"visibility": "public"}).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    response = client.get(new_entry_url(world.classroom))
    assert response.status_code == 302 and "/compte/connexion/" in response.url


def test_a_refused_upload_keeps_what_was_typed(client, world, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.pupil)
    fake = SimpleUploadedFile("photo.jpg", b"not a photo at all", content_type="image/jpeg")
    response = client.post(
        new_entry_url(world.classroom),
        {
            "title": "Sortie au musée",
            "text": "Nous avons vu des statues.",
            "photo": fake,
            "action": "send",
        },
        follow=True,
    )
    entry = only_entry(world.classroom)
    latest = entry.get_latest_revision_as_object()
    assert latest.title == "Sortie au musée"
    assert "statues" in latest.body[0].value.source
    assert [b.block_type for b in latest.body] == ["text"]
    page = response.content.decode()
    assert "photo" in page.lower() and "brouillon" in page
    # Not sent: the refused photo stopped it, the pupil decides again.
    assert entry.current_workflow_state is None


def test_deleting_a_draft(client, world):
    client.force_login(world.pupil)
    write(client, world.classroom)
    entry = only_entry(world.classroom)
    url = reverse("classrooms:entry_delete", kwargs={"entry_id": entry.pk})
    client.force_login(world.other_pupil)
    assert client.post(url).status_code == 404
    client.force_login(world.pupil)
    assert client.post(url).status_code == 302
    assert not BlogEntryPage.objects.exists()


def test_coauthors_are_pupils_of_the_class_only(client, world):
    classmate = factories.UserFactory(username="classmate", first_name="Hugo")
    factories.MembershipFactory(user=classmate, classroom=world.classroom)
    client.force_login(world.pupil)
    response = write(client, world.classroom, coauthors=[classmate.pk, world.other_pupil.pk])
    assert response.status_code == 200  # the other class's pupil is not a valid choice
    write(client, world.classroom, coauthors=[classmate.pk])
    entry = only_entry(world.classroom)
    assert set(entry.authors.all()) == {world.pupil, classmate}
    client.force_login(classmate)
    assert client.get(edit_url(entry)).status_code == 200


def test_topics_filter_the_wall(client, world):
    client.force_login(world.teacher)
    write(client, world.classroom, action="publish", new_topic="Jardin")
    write(client, world.classroom, action="publish", title="La piscine", new_topic="Sport")
    wall = client.get(world.classroom.url + "?sujet=jardin").content.decode()
    assert "Nos haricots" in wall and "La piscine" not in wall


def test_the_teacher_edits_before_publishing(client, world):
    client.force_login(world.pupil)
    write(client, world.classroom, action="send")
    entry = only_entry(world.classroom)
    client.force_login(world.teacher)
    assert client.get(edit_url(entry)).status_code == 200
    # The editor shows the authors ticked: the browser posts them back.
    client.post(
        edit_url(entry),
        {
            "title": "Nos haricots",
            "text": "Corrigé.",
            "coauthors": [world.pupil.pk],
            "action": "save",
        },
    )
    client.post(review_url(entry), {"action": "publish", "visibility": Visibility.CLASS})
    entry.refresh_from_db()
    assert entry.live and "Corrigé." in entry.body[0].value.source
    assert list(entry.authors.all()) == [world.pupil]


def test_assistants_send_their_entries_to_the_teacher(client, world):
    assistant = factories.UserFactory(username="atsem")
    factories.MembershipFactory(
        user=assistant, classroom=world.classroom, role=Membership.Role.ASSISTANT
    )
    client.force_login(assistant)
    write(client, world.classroom, action="publish")
    entry = only_entry(world.classroom)
    assert not entry.live
    write(client, world.classroom, action="send", title="Deuxième")
    assert BlogEntryPage.objects.get(title="Deuxième").current_workflow_state is not None


def test_the_admin_shows_the_same_state_to_the_class_teachers_only(client, world):
    other_teacher = factories.UserFactory(username="otherteacher")
    factories.MembershipFactory(
        user=other_teacher, classroom=world.other_classroom, role=Membership.Role.TEACHER
    )
    client.force_login(world.pupil)
    write(client, world.classroom, action="send", title="Le potager de la classe")
    entry = only_entry(world.classroom)
    client.force_login(world.teacher)
    dashboard = client.get("/admin/").content.decode()
    assert "Le potager de la classe" in dashboard  # "Awaiting your review"
    edit = client.get(f"/admin/pages/{entry.pk}/edit/").content.decode()
    assert "Valider et publier" in edit or "Approve and publish" in edit
    client.force_login(other_teacher)
    assert "Le potager de la classe" not in client.get("/admin/").content.decode()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        # A browser's editable area leaves the first line outside any paragraph.
        (
            "Nous avons semé. <strong>Ils ont poussé</strong>.<p></p>",
            "<p>Nous avons semé. <b>Ils ont poussé</b>.</p>",
        ),
        ("<div>Un</div><div><br></div>", "<p>Un</p>"),
        (
            "Sans JavaScript\n\ndeux paragraphes & un <",
            "<p>Sans JavaScript</p><p>deux paragraphes &amp; un &lt;</p>",
        ),
        (
            '<p onclick="x()">Oui<script>alert(1)</script></p><ul><li><em>a</em></li></ul>',
            "<p>Oui</p><ul><li><i>a</i></li></ul>",
        ),
        ('<p><a href="http://example.org">lien</a></p>', "<p>lien</p>"),
    ],
)
def test_the_editor_text_becomes_clean_rich_text(typed, stored):
    from classrooms.forms import clean_text

    assert clean_text(typed) == stored


def test_publishing_an_entry_that_was_sent_back_closes_its_review(client, world):
    client.force_login(world.pupil)
    write(client, world.classroom, action="send")
    entry = only_entry(world.classroom)
    moderation.send_back(entry, world.teacher, "Encore un effort")
    client.force_login(world.teacher)
    client.post(review_url(entry), {"action": "publish", "visibility": Visibility.CLASS})
    entry.refresh_from_db()
    assert entry.live and entry.current_workflow_state is None
    assert moderation.review_of(entry).status == moderation.EntryStatus.PUBLISHED


def test_the_blog_speaks_english_under_en(client, world):
    from django.utils import translation

    client.force_login(world.pupil)
    wall = client.get("/en" + world.classroom.url).content.decode()
    assert "Write an entry" in wall and "The class wall" in wall
    with translation.override("en"):
        editor_url = new_entry_url(world.classroom)
    assert editor_url.startswith("/en/")
    editor = client.get(editor_url).content.decode()
    assert "Record my voice" in editor and "Send to my teacher" in editor
    client.post(editor_url, {"title": "", "text": "", "photo": _not_a_photo(), "action": "save"})
    with translation.override("en"):
        entry_editor_url = edit_url(only_entry(world.classroom))
    page = client.get(entry_editor_url).content.decode()
    assert "This file is not a photo we can read" in page


def _not_a_photo():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("photo.jpg", b"plain words", content_type="image/jpeg")
