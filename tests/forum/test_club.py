"""The reading club: pupils of two schools' classes post about books; each post waits for
a teacher of *that pupil's* class; outsiders, and a class that left, get 404 on the club,
its topics, its replies and its files; what a class that left wrote stays signed."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from forum.models import Post, PostFile, Reading, Status, Sticker, Topic
from notifications.models import Notification
from sharedspaces.models import SpaceClass
from tests.sharedspaces.conftest import make_space

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
RECORDING = Path(__file__).parents[1] / "fixtures" / "media" / "chrome-audio.webm"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def club(space_world):
    space = make_space(space_world, "reading_club")
    topic = Topic.objects.create(
        space=space,
        title="Le Petit Prince",
        book_author="Antoine de Saint-Exupéry",
        classroom=space_world.host,
        created_by=space_world.host_teacher,
        author_name="Karim T.",
    )
    return space, topic


def url(view, space, **kwargs):
    return reverse(f"forum:{view}", kwargs={"space_id": space.pk, **kwargs})


def phone_photo():
    exif = Image.Exif()
    exif[GPS_IFD] = {1: "N", 2: (48.0, 51.0, 29.0), 3: "E", 4: (2.0, 17.0, 40.0)}
    output = io.BytesIO()
    Image.new("RGB", (320, 240), (200, 80, 60)).save(output, format="JPEG", exif=exif)
    return SimpleUploadedFile("couverture.jpg", output.getvalue(), content_type="image/jpeg")


def post_reply(client, space, topic, text="J'ai adoré le renard.", **extra):
    return client.post(url("reply", space, topic_id=topic.pk), {"text": text, **extra})


def test_each_pupils_post_waits_for_their_own_teacher(client, space_world, club):
    world = space_world
    space, topic = club
    client.force_login(world.guest_pupil)
    response = post_reply(client, space, topic, "Le renard est mon préféré.")
    assert response.status_code == 302
    post = Post.objects.get()
    assert post.status == Status.PENDING and post.classroom == world.guest
    assert post.author_name == "Emma T."
    # Her own teacher is told; the space's creator (the other class's teacher) is not.
    assert Notification.objects.filter(recipient=world.guest_teacher).exists()
    assert not Notification.objects.filter(recipient=world.host_teacher).exists()
    # The other school's pupil and even the space's creator do not see it yet.
    for reader in (world.host_pupil, world.host_teacher):
        client.force_login(reader)
        assert (
            "Le renard est mon préféré."
            not in client.get(url("topic", space, topic_id=topic.pk)).text
        )
    # The creator may not publish it for her: 404, still pending.
    response = client.post(url("review_post", space, post_id=post.pk, action="approve"))
    assert response.status_code == 404
    assert Post.objects.get().status == Status.PENDING
    # She sees her own post, waiting.
    client.force_login(world.guest_pupil)
    page = client.get(url("topic", space, topic_id=topic.pk)).text
    assert "Le renard est mon préféré." in page
    # Her teacher finds it in the review list and publishes it.
    client.force_login(world.guest_teacher)
    assert "Le renard est mon préféré." in client.get(url("review", space)).text
    response = client.post(url("review_post", space, post_id=post.pk, action="approve"))
    assert response.status_code == 302
    assert Post.objects.get().status == Status.PUBLISHED
    assert Notification.objects.filter(recipient=world.guest_pupil).exists()
    client.force_login(world.host_pupil)
    page = client.get(url("topic", space, topic_id=topic.pk)).text
    assert "Le renard est mon préféré." in page and "CE2 de Mme Petit" in page


def test_staff_posts_are_published_at_once_and_a_sent_back_post_shows_its_note(
    client, space_world, club
):
    world = space_world
    space, topic = club
    client.force_login(world.host_teacher)
    post_reply(client, space, topic, "Qui a lu le chapitre 21 ?")
    assert Post.objects.get().status == Status.PUBLISHED
    client.force_login(world.host_pupil)
    post_reply(client, space, topic, "Moi mais c'est nul nul nul")
    pending = Post.objects.get(status=Status.PENDING)
    client.force_login(world.host_teacher)
    client.post(
        url("review_post", space, post_id=pending.pk, action="refuse"),
        {"note": "Explique pourquoi, avec une phrase."},
    )
    pending.refresh_from_db()
    assert pending.status == Status.REFUSED
    client.force_login(world.host_pupil)
    page = client.get(url("topic", space, topic_id=topic.pk)).text
    assert "Explique pourquoi, avec une phrase." in page
    client.force_login(world.guest_pupil)
    assert "nul nul nul" not in client.get(url("topic", space, topic_id=topic.pk)).text


def test_outsiders_get_404_on_the_club_its_posts_and_its_files(client, space_world, club):
    world = space_world
    space, topic = club
    client.force_login(world.host_pupil)
    post_reply(client, space, topic, "Voici mon dessin.", photo=phone_photo())
    post = Post.objects.get()
    client.force_login(world.host_teacher)
    client.post(url("review_post", space, post_id=post.pk, action="approve"))
    stored = PostFile.objects.get()
    file_url = url("file", space, file_id=stored.pk, name=stored.name)
    # The picture lost its GPS position and camera details.
    response = client.get(file_url)
    assert response.status_code == 200
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as picture:
        assert not dict(picture.getexif())
    addresses = [
        ("get", url("home", space)),
        ("get", url("topic", space, topic_id=topic.pk)),
        ("get", url("shelf", space)),
        ("get", url("new_topic", space)),
        ("get", file_url),
        ("post", url("reply", space, topic_id=topic.pk)),
        ("post", url("sticker", space, post_id=post.pk)),
        ("post", url("topic_action", space, topic_id=topic.pk, action="pin")),
    ]
    for outsider in (world.third_pupil, world.third_teacher):
        client.force_login(outsider)
        for method, address in addresses:
            response = getattr(client, method)(address, {"text": "x", "kind": "loved"})
            assert response.status_code == 404, (outsider, address)
    assert Post.objects.count() == 1 and not Sticker.objects.exists()


def test_a_class_that_left_loses_access_and_its_posts_stay_signed(client, space_world, club):
    world = space_world
    space, topic = club
    Post.objects.create(
        topic=topic,
        author=world.guest_pupil,
        author_name="Emma T.",
        classroom=world.guest,
        text="Le baobab fait peur.",
        status=Status.PUBLISHED,
    )
    SpaceClass.objects.filter(space=space, classroom=world.guest).update(
        status=SpaceClass.Status.LEFT
    )
    client.force_login(world.guest_pupil)
    assert client.get(url("home", space)).status_code == 404
    assert client.get(url("topic", space, topic_id=topic.pk)).status_code == 404
    client.force_login(world.host_pupil)
    page = client.get(url("topic", space, topic_id=topic.pk)).text
    assert "Le baobab fait peur." in page and "Emma T." in page


def test_parents_read_but_do_not_write(client, space_world, club):
    world = space_world
    space, topic = club
    client.force_login(world.host_parent)
    assert client.get(url("topic", space, topic_id=topic.pk)).status_code == 200
    assert post_reply(client, space, topic).status_code == 404
    assert client.get(url("new_topic", space)).status_code == 404
    post = Post.objects.create(
        topic=topic, author_name="Karim T.", text="Bonjour", status=Status.PUBLISHED
    )
    assert client.post(url("sticker", space, post_id=post.pk), {"kind": "loved"}).status_code == 404
    assert not Sticker.objects.exists()


def test_quoting_is_one_level_and_stickers_toggle(client, space_world, club):
    world = space_world
    space, topic = club
    first = Post.objects.create(
        topic=topic,
        author_name="Karim T.",
        text="Quel est ton passage préféré ?",
        status=Status.PUBLISHED,
        author=world.host_teacher,
        classroom=world.host,
    )
    second = Post.objects.create(
        topic=topic,
        author_name="Aurélie T.",
        text="Le coucher de soleil.",
        status=Status.PUBLISHED,
        quote=first,
        author=world.guest_teacher,
        classroom=world.guest,
    )
    client.force_login(world.host_teacher)
    post_reply(client, space, topic, "Moi aussi !", quote=second.pk)
    third = Post.objects.latest("pk")
    assert third.quote == second
    page = client.get(url("topic", space, topic_id=topic.pk)).text
    # The third post shows the second's words, not the first's again inside them.
    assert page.count("Quel est ton passage préféré ?") == 2  # the post itself and one quote
    client.force_login(world.guest_pupil)
    sticker = url("sticker", space, post_id=first.pk)
    assert client.post(sticker, {"kind": "loved"}).status_code == 302
    assert Sticker.objects.filter(post=first, user=world.guest_pupil, kind="loved").exists()
    client.post(sticker, {"kind": "loved"})
    assert not Sticker.objects.exists()
    assert client.post(sticker, {"kind": "score10"}).status_code == 404


def test_teachers_pin_and_close_a_closed_topic_takes_no_reply(client, space_world, club):
    world = space_world
    space, topic = club
    client.force_login(world.guest_pupil)
    action = url("topic_action", space, topic_id=topic.pk, action="close")
    assert client.post(action).status_code == 404
    client.force_login(world.guest_teacher)
    assert client.post(action).status_code == 302
    assert (
        client.post(url("topic_action", space, topic_id=topic.pk, action="pin")).status_code == 302
    )
    topic.refresh_from_db()
    assert topic.closed and topic.pinned
    client.force_login(world.host_pupil)
    assert post_reply(client, space, topic).status_code == 404
    assert "nobody can reply" in client.get(url("topic", space, topic_id=topic.pk)).text


def test_a_pupils_book_waits_and_the_shelf_shows_who_read_it(client, space_world, club):
    world = space_world
    space, _topic = club
    client.force_login(world.host_pupil)
    response = client.post(
        url("new_topic", space),
        {
            "kind": "book",
            "title": "Matilda",
            "book_author": "Roald Dahl",
            "text": "Lu à la maison",
            "cover_photo": phone_photo(),
        },
    )
    assert response.status_code == 302
    book = Topic.objects.get(title="Matilda")
    assert book.status == Status.PENDING and book.cover
    client.force_login(world.guest_pupil)
    assert client.get(url("topic", space, topic_id=book.pk)).status_code == 404
    assert client.get(url("cover", space, topic_id=book.pk)).status_code == 404
    client.force_login(world.host_teacher)
    client.post(url("topic_action", space, topic_id=book.pk, action="approve"))
    client.post(url("topic_action", space, topic_id=book.pk, action="read"))
    assert Reading.objects.filter(topic=book, classroom=world.host).exists()
    client.force_login(world.guest_pupil)
    assert client.get(url("cover", space, topic_id=book.pk)).status_code == 200
    shelf = client.get(url("shelf", space)).text
    assert "Matilda" in shelf and "CM1 de M. Benali" in shelf


def test_an_over_long_reply_comes_back_with_its_text_and_a_recording_is_kept(
    client, space_world, club
):
    world = space_world
    space, topic = club
    client.force_login(world.host_pupil)
    text = "Le renard " * 400
    response = post_reply(client, space, topic, text)
    assert response.status_code == 400
    assert "3000" in response.text and "Le renard Le renard" in response.text
    assert not Post.objects.exists()
    with RECORDING.open("rb") as recording:
        upload = SimpleUploadedFile("voix.webm", recording.read(), content_type="audio/webm")
    assert post_reply(client, space, topic, "", recording=upload).status_code == 302
    stored = PostFile.objects.get()
    assert stored.kind == PostFile.Kind.AUDIO
    response = client.get(url("file", space, file_id=stored.pk, name=stored.name))
    assert response.status_code == 200 and response["Content-Type"].startswith("audio/")


def _many_posts(topic, world, count):
    Post.objects.bulk_create(
        Post(
            topic=topic,
            author=world.guest_pupil if number % 2 else world.host_pupil,
            author_name="Emma T." if number % 2 else "Lucas T.",
            classroom=world.guest if number % 2 else world.host,
            text=f"Réponse {number}",
            status=Status.PUBLISHED if number % 5 else Status.PENDING,
        )
        for number in range(count)
    )
    posts = list(Post.objects.filter(topic=topic))
    for post in posts[:count:3]:
        Sticker.objects.create(post=post, user=world.host_teacher, kind="loved")
        PostFile.objects.create(
            post=post, kind="photo", name="p.jpg", content_type="image/jpeg", file="forum/x/p.jpg"
        )


def test_a_topic_with_200_posts_costs_as_many_queries_as_one_with_3(client, space_world, club):
    world = space_world
    space, topic = club
    small = Topic.objects.create(
        space=space, title="Petit", author_name="K", created_by=world.host_teacher
    )
    _many_posts(small, world, 3)
    _many_posts(topic, world, 200)
    client.force_login(world.host_teacher)
    client.get(url("topic", space, topic_id=small.pk))  # warm the person cache
    with CaptureQueriesContext(connection) as few:
        assert client.get(url("topic", space, topic_id=small.pk)).status_code == 200
    with CaptureQueriesContext(connection) as many:
        page = client.get(url("topic", space, topic_id=topic.pk))
    assert page.status_code == 200 and "Réponse 199" in page.text
    assert len(many) == len(few), [query["sql"] for query in many.captured_queries]
    with CaptureQueriesContext(connection) as home:
        client.get(url("home", space))
    assert len(home) <= len(few)


def test_a_closed_member_class_reads_the_club_and_writes_nothing(client, space_world, club):
    """A class of the club closes at the year's end (its archive): its pupils and teacher
    read what it shared, as they read the archive, but post, reply and review nothing;
    the other class goes on."""
    from schoolyear.archives import close_classroom

    world = space_world
    space, topic = club
    world.host.save_revision().publish()
    close_classroom(world.host)

    client.force_login(world.host_pupil)
    assert client.get(url("home", space)).status_code == 200
    assert client.get(url("topic", space, topic_id=topic.pk)).status_code == 200
    assert post_reply(client, space, topic).status_code == 404
    assert client.get(url("new_topic", space)).status_code == 404
    client.force_login(world.host_parent)  # parents read the space: while the archive is theirs
    assert client.get(url("topic", space, topic_id=topic.pk)).status_code == 200
    assert not Post.objects.exists()

    client.force_login(world.guest_pupil)
    assert post_reply(client, space, topic, "Le renard est mon préféré.").status_code == 302
    post = Post.objects.get()
    client.force_login(world.guest_teacher)
    approve = url("review_post", space, post_id=post.pk, action="approve")
    assert client.post(approve).status_code == 302
