"""Writing, submitting, reviewing articles: by the pupils of the member classes, reviewed
by a teacher of the article's own class only; outdated copies refused; group articles."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from classrooms.models import Membership
from newspaper.models import Article, ArticleMedia
from notifications.models import Notification
from sharedspaces.models import SpaceClass
from tests import factories
from tests.newspaper.helpers import jpeg, make_article, url

pytestmark = pytest.mark.django_db


def post_article(client, space, **data):
    fields = {
        "title": "Notre sortie",
        "section": "Nos sorties",
        "body": "Au musée.",
        "action": "save",
    }
    fields.update(data)
    return client.post(url("write", space), fields)


def test_pupil_writes_a_draft_then_submits_and_own_teacher_approves(client, space_world, space):
    w = space_world
    client.force_login(w.guest_pupil)
    response = client.get(url("write", space))
    assert response.status_code == 200 and 'name="recording"' in response.content.decode()
    photo = SimpleUploadedFile("sortie.jpg", jpeg(), content_type="image/jpeg")
    response = post_article(client, space, photo=photo)
    article = Article.objects.get()
    assert response.status_code == 302
    # The browser's draft of the form is forgotten (submissions/drafts.py).
    assert f"newspaper-new-{space.pk}" in response.cookies["preau_drafts_done"].value
    assert article.status == Article.Status.DRAFT
    assert article.classroom == w.guest
    assert list(article.authors.all()) == [w.guest_pupil]
    assert article.media.get().kind == ArticleMedia.Kind.PHOTO
    # The draft is the author's: another member pupil does not see it.
    client.force_login(w.host_pupil)
    assert client.get(url("article", space, article_id=article.pk)).status_code == 404
    # Submitting it.
    client.force_login(w.guest_pupil)
    response = client.post(
        url("edit", space, article_id=article.pk),
        {
            "title": "Notre sortie",
            "section": "Nos sorties",
            "body": "Au musée d'art.",
            "version": article.version,
            "action": "submit",
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.SUBMITTED and article.body == "Au musée d'art."
    assert Notification.objects.filter(recipient=w.guest_teacher).exists()
    # The other class's teacher runs the space but neither reads nor approves it yet.
    client.force_login(w.host_teacher)
    assert client.get(url("article", space, article_id=article.pk)).status_code == 404
    assert client.post(url("approve", space, article_id=article.pk)).status_code == 404
    assert (
        client.post(url("send_back", space, article_id=article.pk), {"note": "Non"}).status_code
        == 404
    )
    article.refresh_from_db()
    assert article.status == Article.Status.SUBMITTED
    # Its own teacher sees it waiting on the home page, and approves it.
    client.force_login(w.guest_teacher)
    page = client.get(url("home", space)).content.decode()
    assert "Articles waiting for your review" in page and "Notre sortie" in page
    assert client.post(url("approve", space, article_id=article.pk)).status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.APPROVED and article.reviewed_by == w.guest_teacher
    assert Notification.objects.filter(recipient=w.guest_pupil).exists()
    # Approved: every member reads it, and nobody edits it any more.
    client.force_login(w.host_pupil)
    assert client.get(url("article", space, article_id=article.pk)).status_code == 200
    client.force_login(w.guest_pupil)
    assert client.get(url("edit", space, article_id=article.pk)).status_code == 404


def test_returned_article_is_edited_and_resubmitted(client, space_world, space):
    w = space_world
    article = make_article(space, w.host, [w.host_pupil], status=Article.Status.SUBMITTED)
    client.force_login(w.host_teacher)
    response = client.post(url("send_back", space, article_id=article.pk), {"note": ""})
    assert response.status_code == 400
    response = client.post(
        url("send_back", space, article_id=article.pk), {"note": "Ajoute la date de la kermesse."}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.RETURNED
    client.force_login(w.host_pupil)
    page = client.get(url("edit", space, article_id=article.pk)).content.decode()
    assert "Ajoute la date de la kermesse." in page
    client.post(
        url("edit", space, article_id=article.pk),
        {
            "title": "La kermesse",
            "body": "Le 12 juin, il faisait beau.",
            "section": "",
            "version": article.version,
            "action": "submit",
        },
    )
    article.refresh_from_db()
    assert article.status == Article.Status.SUBMITTED and article.body.startswith("Le 12 juin")


def test_outdated_copy_is_refused_and_text_kept(client, space_world, space):
    w = space_world
    article = make_article(space, w.host, [w.host_pupil], status=Article.Status.DRAFT)
    old_version = article.version
    Article.objects.filter(pk=article.pk).update(
        body="Texte d'un camarade.", version=old_version + 1
    )
    client.force_login(w.host_pupil)
    response = client.post(
        url("edit", space, article_id=article.pk),
        {
            "title": "La kermesse",
            "body": "Mon texte à moi.",
            "section": "",
            "version": old_version,
            "action": "save",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone saved this article while you were writing it" in page
    assert "Mon texte à moi." in page and "Texte d&#x27;un camarade." in page
    article.refresh_from_db()
    assert article.body == "Texte d'un camarade."


def test_too_long_text_is_refused_with_the_text_kept(client, space_world, space):
    client.force_login(space_world.host_pupil)
    response = post_article(client, space, body="a" * 8001)
    assert response.status_code == 200
    page = response.content.decode()
    assert "8000" in page and "errorlist" in page and "aaaaaaaaaa" in page
    assert not Article.objects.exists()


def test_group_article_by_classmates_every_author_edits(client, space_world, space):
    w = space_world
    classmate = factories.UserFactory(username="classmate", first_name="Léa", last_name="M")
    Membership.objects.create(user=classmate, classroom=w.host, role=Membership.Role.PUPIL)
    client.force_login(w.host_pupil)
    page = client.get(url("write", space)).content.decode()
    assert "Léa" in page and "Emma" not in page  # classmates of the same class only
    # A pupil of another class is no choice.
    assert post_article(client, space, coauthors=[w.guest_pupil.pk]).status_code == 200
    post_article(client, space, coauthors=[classmate.pk])
    article = Article.objects.get()
    assert set(article.authors.all()) == {w.host_pupil, classmate}
    client.force_login(classmate)
    assert client.get(url("edit", space, article_id=article.pk)).status_code == 200
    response = client.post(
        url("edit", space, article_id=article.pk),
        {
            "title": "Notre sortie",
            "body": "Avec Lucas.",
            "section": "",
            "version": article.version,
            "coauthors": [w.host_pupil.pk],
            "action": "save",
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "Avec Lucas."
    assert set(article.authors.all()) == {w.host_pupil, classmate}


def test_outsiders_get_404_everywhere(client, space_world, space):
    w = space_world
    article = make_article(space, w.host, [w.host_pupil], photo=True)
    submitted = make_article(space, w.host, [w.host_pupil], status=Article.Status.SUBMITTED)
    media = article.media.get()
    pages = [
        url("home", space),
        url("write", space),
        url("article", space, article_id=article.pk),
        url("edit", space, article_id=submitted.pk),
        url("media", space, media_id=media.pk, name=media.name),
    ]
    actions = [
        url("approve", space, article_id=submitted.pk),
        url("send_back", space, article_id=submitted.pk),
        url("new_issue", space),
        url("remove_media", space, media_id=media.pk),
    ]
    for person in (w.third_pupil, w.third_teacher):
        client.force_login(person)
        for address in pages:
            assert client.get(address).status_code == 404, (person, address)
        for address in actions:
            assert client.post(address, {"note": "x"}).status_code == 404, (person, address)
    # Pupils of a class that left.
    SpaceClass.objects.filter(space=space, classroom=w.guest).update(status=SpaceClass.Status.LEFT)
    client.force_login(w.guest_pupil)
    for address in pages:
        assert client.get(address).status_code == 404, address
    client.force_login(w.guest_teacher)
    for address in actions:
        assert client.post(address, {"note": "x"}).status_code == 404, address


def test_parents_read_approved_articles_but_never_write(client, space_world, space):
    w = space_world
    article = make_article(space, w.host, [w.host_pupil])
    client.force_login(w.host_parent)
    assert client.get(url("article", space, article_id=article.pk)).status_code == 200
    assert client.get(url("write", space)).status_code == 404


def test_teacher_writes_with_the_class_a_recording_and_removes_a_file(client, space_world, space):
    from pathlib import Path

    w = space_world
    recording = (Path(__file__).parent.parent / "fixtures" / "media" / "tone.webm").read_bytes()
    client.force_login(w.host_teacher)
    response = post_article(
        client,
        space,
        coauthors=[w.host_pupil.pk],
        recording=SimpleUploadedFile("voix.webm", recording, content_type="audio/webm"),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.classroom == w.host
    assert set(article.authors.all()) == {w.host_teacher, w.host_pupil}
    media = article.media.get()
    assert media.kind == ArticleMedia.Kind.AUDIO and media.duration == pytest.approx(3, abs=0.3)
    response = client.get(url("media", space, media_id=media.pk, name=media.name))
    assert response.status_code == 200 and response["Content-Type"] == "audio/webm"
    # Not a recording: refused, the text kept.
    response = post_article(
        client,
        space,
        title="Deuxième",
        recording=SimpleUploadedFile("voix.webm", b"not a sound", content_type="audio/webm"),
    )
    assert response.status_code == 200 and "Deuxième" in response.content.decode()
    # A pupil author removes the file from the draft; an outsider may not.
    client.force_login(w.third_pupil)
    assert client.post(url("remove_media", space, media_id=media.pk)).status_code == 404
    client.force_login(w.host_pupil)
    assert client.post(url("remove_media", space, media_id=media.pk)).status_code == 302
    assert not article.media.exists()
