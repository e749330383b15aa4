"""A file belongs to its collection's class, whatever page shows it (issue 15, item 1).

A teacher who types another class's image id into one of her entries, or a school page
that shows a class's photo, shares nothing: the file is served only to the people who
may see the class it belongs to (or read a shared entry of that class), and saving a
page that references it is refused, in the Wagtail admin and in the front-end editor.
"""

import json
from html import escape

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield
from wagtailmedia.models import Media

from classrooms.models import BlogEntryPage, Membership, Visibility
from pages.models import NewsIndexPage, NewsPage
from tests import factories

pytestmark = pytest.mark.django_db

LOGIN = "/compte/connexion/"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def media_file(collection, kind, title):
    media = Media(title=title, type=kind, duration=3, collection=collection)
    media.file.save(f"{kind}-{title}.webm", ContentFile(b"\x1aE\xdf\xa3 " + title.encode()))
    return media


@pytest.fixture
def files_of(world, media_root):
    """An image, a document, a recording and a video in the given class's collection."""

    def make(classroom, prefix):
        classroom.refresh_from_db()
        collection = classroom.collection
        return {
            "image": factories.ImageFactory(collection=collection, title=f"{prefix} photo"),
            "document": factories.DocumentFactory(collection=collection, title=f"{prefix} doc"),
            "audio": media_file(collection, "audio", f"{prefix}-audio"),
            "video": media_file(collection, "video", f"{prefix}-video"),
        }

    return make


def blocks_for(files):
    """Entry body blocks showing each of these files."""
    return [
        ("image", {"image": files["image"], "alt_text": "Une photo", "caption": ""}),
        ("document", {"document": files["document"], "label": ""}),
        ("recording", {"audio": files["audio"], "caption": "", "transcript": ""}),
        ("video", {"video": files["video"], "caption": "", "transcript": ""}),
    ]


def urls_of(files):
    image = files["image"]
    return {
        "image": image.file.url,
        "rendition": image.get_rendition("width-20").url,
        "document": files["document"].file.url,
        "audio": files["audio"].file.url,
        "video": files["video"].file.url,
    }


@pytest.fixture
def other_teacher(world):
    teacher = factories.UserFactory(username="otherteacher", first_name="Paul")
    factories.MembershipFactory(
        user=teacher, classroom=world.other_classroom, role=Membership.Role.TEACHER
    )
    return teacher


# Serving


def public_entry(classroom, body, title="Notre sortie"):
    entry = factories.BlogEntryPageFactory(
        parent=classroom, title=title, body=body, visibility=Visibility.PUBLIC
    )
    entry.save_revision().publish()
    return BlogEntryPage.objects.get(pk=entry.pk)


def test_another_class_files_in_a_public_entry_stay_with_their_class(client, world, files_of):
    """The attack: class A's public entry shows class B's files (ids typed in the admin)."""
    theirs = files_of(world.other_classroom, "B")
    public_entry(world.classroom, blocks_for(theirs))
    urls = urls_of(theirs)

    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 302, (name, response.status_code)
        assert response["Location"].startswith(LOGIN)
    for reader in (world.pupil, world.parent, world.teacher):
        client.force_login(reader)
        for name, url in urls.items():
            assert client.get(url).status_code == 404, (reader, name)
    for reader in (world.other_pupil, world.director):
        client.force_login(reader)
        for name, url in urls.items():
            assert client.get(url).status_code == 200, (reader, name)


def test_a_class_own_public_entry_still_shares_its_files(client, world, files_of):
    """The control: the same entry showing its own class's files shares them."""
    ours = files_of(world.classroom, "A")
    public_entry(world.classroom, blocks_for(ours))

    for name, url in urls_of(ours).items():
        assert client.get(url).status_code == 200, name


def test_a_school_page_never_makes_a_class_photo_public(client, world, files_of):
    ours = files_of(world.classroom, "A")
    section = NewsIndexPage(title="Actualités", slug="actualites")
    world.school.add_child(instance=section)
    news = NewsPage(title="Kermesse", body=blocks_for(ours)[:1])
    section.add_child(instance=news)
    news.save_revision().publish()

    response = client.get(ours["image"].file.url)
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    client.force_login(world.other_pupil)
    assert client.get(ours["image"].file.url).status_code == 404
    client.force_login(world.parent)
    assert client.get(ours["image"].file.url).status_code == 200


# Saving in the Wagtail admin

IN_ANOTHER_CLASS = {
    "image": "Cette photo appartient à une autre classe : choisissez-en une dans la "
    "collection de votre classe.",
    "document": "Ce document appartient à une autre classe : choisissez-en un dans la "
    "collection de votre classe.",
    "audio": "Cet enregistrement appartient à une autre classe : choisissez-en un dans la "
    "collection de votre classe.",
    "video": "Cette vidéo appartient à une autre classe : choisissez-en une dans la "
    "collection de votre classe.",
}
KINDS = list(IN_ANOTHER_CLASS)


def block_data(kind, file):
    """What the admin's stream posts for a block showing this file (by its id)."""
    return {
        "image": ("image", {"image": file.pk, "alt_text": "Une photo", "caption": ""}),
        "document": ("document", {"document": file.pk, "label": ""}),
        "audio": ("recording", {"audio": file.pk, "caption": "", "transcript": ""}),
        "video": ("video", {"video": file.pk, "caption": "", "transcript": ""}),
    }[kind]


def admin_form(client, url, blocks, form_id="page-edit-form"):
    """The form as the admin page has it, with these blocks in its body, to publish."""
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id=form_id)
    data.update(nested_form_data({"body": streamfield(blocks)}))
    data["action-publish"] = "action-publish"
    return data


def error_text(response, field="body"):
    """The messages of a field's error, nested block errors included, as one string."""
    error = response.context["form"].errors[field].as_data()[0]
    return json.dumps(getattr(error, "as_json_data", lambda: error.messages)(), ensure_ascii=False)


@pytest.fixture
def own_entry(world):
    entry = factories.BlogEntryPageFactory(parent=world.classroom, title="Notre potager")
    entry.save_revision(user=world.teacher).publish()
    return BlogEntryPage.objects.get(pk=entry.pk)


def page_state(page):
    page = Page.objects.get(pk=page.pk)
    return page.latest_revision_id, page.live_revision_id


@pytest.mark.parametrize("kind", KINDS)
def test_the_admin_refuses_another_class_file_in_an_entry(client, world, files_of, own_entry, kind):
    theirs = files_of(world.other_classroom, "B")
    before = page_state(own_entry)
    client.force_login(world.teacher)
    url = f"/admin/pages/{own_entry.pk}/edit/"

    response = client.post(url, admin_form(client, url, [block_data(kind, theirs[kind])]))

    assert response.status_code == 200, "the form was accepted"
    assert IN_ANOTHER_CLASS[kind] in error_text(response)
    assert theirs[kind].title not in response.content.decode()
    assert page_state(own_entry) == before


@pytest.mark.parametrize("kind", KINDS)
def test_the_admin_accepts_the_class_own_files(client, world, files_of, own_entry, kind):
    ours = files_of(world.classroom, "A")
    client.force_login(world.teacher)
    url = f"/admin/pages/{own_entry.pk}/edit/"

    response = client.post(url, admin_form(client, url, [block_data(kind, ours[kind])]))

    assert response.status_code == 302
    entry = BlogEntryPage.objects.get(pk=own_entry.pk)
    assert entry.body.raw_data[0]["type"] == block_data(kind, ours[kind])[0]


def test_the_admin_refuses_it_when_creating_an_entry_too(client, world, files_of):
    theirs = files_of(world.other_classroom, "B")
    client.force_login(world.teacher)
    url = f"/admin/pages/add/classrooms/blogentrypage/{world.classroom.pk}/"
    data = admin_form(client, url, [block_data("image", theirs["image"])], form_id="page-edit-form")
    data.update({"title": "Chez les voisins", "slug": "chez-les-voisins"})

    response = client.post(url, data)

    assert response.status_code == 200
    assert IN_ANOTHER_CLASS["image"] in error_text(response)
    assert not BlogEntryPage.objects.filter(title="Chez les voisins").exists()


def test_even_the_portal_admin_cannot_put_a_class_file_in_another_class(
    client, world, files_of, own_entry
):
    """Its readers could not see it: the file is served to its own class only."""
    theirs = files_of(world.other_classroom, "B")
    admin = factories.UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = f"/admin/pages/{own_entry.pk}/edit/"

    response = client.post(url, admin_form(client, url, [block_data("image", theirs["image"])]))

    assert response.status_code == 200
    assert IN_ANOTHER_CLASS["image"] in error_text(response)


@pytest.fixture
def school_news(world):
    section = NewsIndexPage(title="Actualités", slug="actualites")
    world.school.add_child(instance=section)
    section.save_revision().publish()
    news = NewsPage(title="Kermesse")
    section.add_child(instance=news)
    news.save_revision().publish()
    return news


def test_a_school_page_cannot_show_a_class_file(client, world, files_of, school_news):
    """The director sees the class, but the school's page is public: it may not show it."""
    ours = files_of(world.classroom, "A")
    client.force_login(world.director)
    url = f"/admin/pages/{school_news.pk}/edit/"

    audio = ("audio", {"audio": ours["audio"].pk, "caption": "", "transcript": "Une chanson"})
    response = client.post(url, admin_form(client, url, [audio]))

    assert response.status_code == 200
    assert ours["audio"].title not in response.content.decode()
    assert (
        "Cet enregistrement appartient à l’espace d’une classe : une page hors de cette "
        "classe ne peut pas le montrer. Choisissez-en un dans la collection du site."
    ) in error_text(response)
    assert not NewsPage.objects.get(pk=school_news.pk).body


def test_a_school_page_shows_the_school_own_files(client, world, media_root, school_news):
    world.school.refresh_from_db()
    photo = factories.ImageFactory(collection=world.school.collection, title="La cour")
    client.force_login(world.director)
    url = f"/admin/pages/{school_news.pk}/edit/"

    response = client.post(url, admin_form(client, url, [block_data("image", photo)]))

    assert response.status_code == 302
    assert NewsPage.objects.get(pk=school_news.pk).body.raw_data[0]["value"]["image"] == photo.pk


def test_a_class_picture_is_a_field_checked_too(client, world, files_of):
    """Foreign keys to images (the class picture, a site's logo) obey the same rule."""
    theirs = files_of(world.other_classroom, "B")
    world.classroom.save_revision().publish()
    client.force_login(world.teacher)
    url = f"/admin/pages/{world.classroom.pk}/edit/"
    response = client.get(url)
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data["picture"] = str(theirs["image"].pk)
    data["action-publish"] = "action-publish"

    response = client.post(url, data)

    assert response.status_code == 200
    assert IN_ANOTHER_CLASS["image"] in error_text(response, "picture")


# Saving in the front-end editor

IN_THE_EDITOR = {
    "image": "Une photo de cet article appartient à une autre classe : retire-la (plus bas, "
    "dans « Déjà dans l’article »), puis enregistre à nouveau.",
    "document": "Un document de cet article appartient à une autre classe : retire-le (plus "
    "bas, dans « Déjà dans l’article »), puis enregistre à nouveau.",
    "audio": "Un enregistrement de cet article appartient à une autre classe : retire-le "
    "(plus bas, dans « Déjà dans l’article »), puis enregistre à nouveau.",
    "video": "Une vidéo de cet article appartient à une autre classe : retire-la (plus bas, "
    "dans « Déjà dans l’article »), puis enregistre à nouveau.",
}


def entry_showing(world, kind, file):
    """A draft of the class whose latest revision shows this file, saved as it was before
    issue 15 (straight into a revision, bypassing every form)."""
    entry = factories.BlogEntryPageFactory.build(title="Notre sortie", live=False)
    world.classroom.add_child(instance=entry)
    block_type, value = block_data(kind, file)
    entry.body = [(block_type, {**value, kind: file})]
    entry.authors.set([world.pupil])
    entry.save_revision(user=world.teacher)
    return BlogEntryPage.objects.get(pk=entry.pk)


@pytest.mark.parametrize("kind", KINDS)
def test_the_editor_refuses_to_save_another_class_file(client, world, files_of, kind):
    theirs = files_of(world.other_classroom, "B")
    entry = entry_showing(world, kind, theirs[kind])
    before = page_state(entry)
    url = reverse("classrooms:entry_edit", kwargs={"entry_id": entry.pk})
    client.force_login(world.pupil)

    response = client.post(url, {"title": "Notre sortie", "text": "Nous avons vu les CM1."})

    assert response.status_code == 200, "the entry was saved"
    html = response.content.decode()
    assert escape(IN_THE_EDITOR[kind]) in html
    assert "Nous avons vu les CM1." in html  # what was typed is still there
    assert theirs[kind].title not in html  # nothing of the other class's file
    assert page_state(entry) == before


@pytest.mark.parametrize("kind", KINDS)
def test_removing_it_lets_the_entry_be_saved(client, world, files_of, kind):
    theirs = files_of(world.other_classroom, "B")
    entry = entry_showing(world, kind, theirs[kind])
    block_id = entry.get_latest_revision_as_object().body.raw_data[0]["id"]
    url = reverse("classrooms:entry_edit", kwargs={"entry_id": entry.pk})
    client.force_login(world.pupil)
    form = client.get(url).content.decode()
    assert "Retirer le fichier d’une autre classe" in form and theirs[kind].title not in form

    response = client.post(url, {"title": "Notre sortie", "text": "Bonjour", "remove": block_id})

    assert response.status_code == 302
    latest = BlogEntryPage.objects.get(pk=entry.pk).get_latest_revision_as_object()
    assert [block["type"] for block in latest.body.raw_data] == ["text"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_editor_keeps_the_class_own_files(client, world, files_of, kind):
    ours = files_of(world.classroom, "A")
    entry = entry_showing(world, kind, ours[kind])
    url = reverse("classrooms:entry_edit", kwargs={"entry_id": entry.pk})
    client.force_login(world.pupil)

    response = client.post(url, {"title": "Notre sortie", "text": "Bonjour"})

    assert response.status_code == 302
    latest = BlogEntryPage.objects.get(pk=entry.pk).get_latest_revision_as_object()
    assert [block["type"] for block in latest.body.raw_data] == [
        "text",
        block_data(kind, ours[kind])[0],
    ]


def test_the_teacher_cannot_publish_it_from_the_review_either(client, world, files_of):
    theirs = files_of(world.other_classroom, "B")
    entry = entry_showing(world, "image", theirs["image"])
    client.force_login(world.teacher)
    url = reverse("classrooms:entry_review", kwargs={"entry_id": entry.pk})

    response = client.post(url, {"action": "publish", "visibility": "class"}, follow=True)

    assert IN_THE_EDITOR["image"] in response.content.decode().replace("&#x27;", "'")
    assert not BlogEntryPage.objects.get(pk=entry.pk).live


def test_an_exhibition_cannot_show_a_class_photo_either(client, world, files_of, school_news):
    """A file deep in a block (a work of a gallery) is refused where it was chosen."""
    ours = files_of(world.classroom, "A")
    client.force_login(world.director)
    url = f"/admin/pages/add/pages/gallerypage/{school_news.get_parent().pk}/"
    response = client.get(url)
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    work = {"title": "Nos haricots", "image": ours["image"].pk, "alt_text": "Des haricots"}
    data.update(nested_form_data({"works": streamfield([("work", work)])}))
    data.update({"title": "Exposition", "slug": "exposition", "body-count": "0"})
    data["action-publish"] = "action-publish"

    response = client.post(url, data)

    assert response.status_code == 200
    error = response.context["form"].errors["works"].as_data()[0].as_json_data()
    assert "Cette photo appartient à l’espace d’une classe" in str(
        error["blockErrors"][0]["blockErrors"]["image"]["messages"]
    )
    assert response.context["form"].data["works-0-value-image"] == ""
    assert ours["image"].title not in response.content.decode()
