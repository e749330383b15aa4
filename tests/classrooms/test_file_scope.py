"""A file belongs to its collection's class, whatever page shows it (issue 15, item 1).

A teacher who types another class's image id into one of her entries, or a school page
that shows a class's photo, shares nothing: the file is served only to the people who
may see the class it belongs to (or read a shared entry of that class), and saving a
page that references it is refused, in the Wagtail admin and in the front-end editor.
"""

import pytest
from django.core.files.base import ContentFile
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
