"""A story in turn's pages: who reads, who writes the chapter of the class in turn, the
shared draft and its outdated copies, publishing by the class's own teacher, the next
class told, outsiders and classes that left refused, constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from notifications.kinds import message_for
from notifications.models import Notification
from sharedspaces.models import SpaceClass
from stories import notices
from stories.models import Chapter, Story
from tests.sharedspaces.conftest import make_space

pytestmark = pytest.mark.django_db


@pytest.fixture
def space(space_world):
    return make_space(space_world, "story")


@pytest.fixture
def story(space):
    return Story.objects.create(space=space, opening="Un soir, le phare s'éteignit.")


def url(name, space, **kwargs):
    return reverse(f"stories:{name}", kwargs={"space_id": space.pk, **kwargs})


def save(client, space, body, version, title="", **extra):
    return client.post(
        url("write", space), {"title": title, "body": body, "version": version, **extra}
    )


def draft_of(story, classroom):
    return Chapter.objects.exclude(status="published").get(story=story, classroom=classroom)


def publish(client, space, chapter):
    """Publish as read now: the form carries the version the teacher read."""
    version = Chapter.objects.get(pk=chapter.pk).version
    return client.post(url("publish", space, chapter_id=chapter.pk), {"version": version})


def send_back(client, space, chapter, note):
    version = Chapter.objects.get(pk=chapter.pk).version
    return client.post(
        url("send_back", space, chapter_id=chapter.pk), {"note": note, "version": version}
    )


def published_chapter(story, classroom, number, body, writers=()):
    chapter = Chapter.objects.create(
        story=story, classroom=classroom, number=number, body=body, status="published"
    )
    chapter.written_by.add(*writers)
    return chapter


def test_a_manager_writes_the_opening_and_the_first_class_is_told(client, space_world, space):
    world = space_world
    client.force_login(world.host_pupil)
    page = client.get(url("home", space))
    assert page.status_code == 200 and "has not started yet" in page.content.decode()
    assert (
        client.post(url("opening", space), {"opening": "x", "chapters_per_class": 1}).status_code
        == 404
    )
    client.force_login(world.host_teacher)
    page = client.get(url("home", space))
    assert 'name="opening"' in page.content.decode()
    too_long = "Il était une fois " * 300
    refused = client.post(url("opening", space), {"opening": too_long, "chapters_per_class": 1})
    assert refused.status_code == 200 and "too long" in refused.content.decode()
    assert too_long.strip() in refused.content.decode()
    assert not Story.objects.exists()
    response = client.post(
        url("opening", space), {"opening": "Le phare s'éteignit.", "chapters_per_class": 1}
    )
    assert response.status_code == 302
    assert Story.objects.get(space=space).opening == "Le phare s'éteignit."
    told = Notification.objects.filter(kind__in=[notices.TURN, notices.TURN_PUPIL])
    assert set(told.values_list("recipient__username", flat=True)) == {"hostteacher", "hostpupil"}
    # The guest class's teacher runs the space too: corrects the opening.
    client.force_login(world.guest_teacher)
    client.post(url("opening", space), {"opening": "Le phare brilla.", "chapters_per_class": 2})
    assert Story.objects.get(space=space).chapters_per_class == 2


def test_only_the_class_in_turn_writes_its_shared_chapter(client, space_world, space, story):
    world = space_world
    client.force_login(world.host_pupil)
    home = client.get(url("home", space)).content.decode()
    assert "Write our chapter" in home and "Un soir, le phare" in home
    assert client.get(url("write", space)).status_code == 200
    assert save(client, space, "Lucas écrit le début.", 0).status_code == 302
    chapter = draft_of(story, world.host)
    assert chapter.body == "Lucas écrit le début." and chapter.version == 1
    assert list(chapter.written_by.all()) == [world.host_pupil]
    # Its teacher edits the same text; not counted among the writers.
    client.force_login(world.host_teacher)
    assert save(client, space, "Lucas et son maître écrivent.", 1).status_code == 302
    chapter.refresh_from_db()
    assert chapter.body == "Lucas et son maître écrivent." and chapter.version == 2
    assert list(chapter.written_by.all()) == [world.host_pupil]
    # The other member class reads, but neither writes nor sees the draft.
    for person in (world.guest_pupil, world.guest_teacher, world.host_parent, world.director_a):
        client.force_login(person)
        home = client.get(url("home", space))
        assert home.status_code == 200
        assert "It is the turn of CM1 de M. Benali" in home.content.decode()
        assert "maître écrivent" not in home.content.decode()
        assert client.get(url("write", space)).status_code == 404
        assert save(client, space, "Pirate !", 2).status_code == 404
    chapter.refresh_from_db()
    assert chapter.body == "Lucas et son maître écrivent."


def test_a_save_from_an_outdated_copy_is_refused_and_the_text_kept(client, space_world, story):
    world, space = space_world, story.space
    client.force_login(world.host_pupil)
    save(client, space, "Première version.", 0)
    client.force_login(world.host_teacher)
    save(client, space, "Version du maître.", 1)
    client.force_login(world.host_pupil)
    refused = save(client, space, "Mon ajout que je ne veux pas perdre.", 1, title="Mon titre")
    page = refused.content.decode()
    assert refused.status_code == 200
    assert "while you were writing" in page
    assert "Mon ajout que je ne veux pas perdre." in page and "Mon titre" in page
    assert "Version du maître." in page  # the saved text, to put both together
    assert 'name="version" value="2"' in page
    assert draft_of(story, world.host).body == "Version du maître."
    # A second pupil's first save while a draft already exists is refused too.
    assert "while you were writing" in save(client, space, "Autre", 0).content.decode()
    # Too long: a clear message, the text comes back.
    too_long = "a" * 12001
    refused = save(client, space, too_long, 2)
    assert "too long" in refused.content.decode() and too_long in refused.content.decode()
    assert draft_of(story, world.host).body == "Version du maître."


def test_only_a_teacher_of_the_class_in_turn_publishes_and_the_next_class_is_told(
    client, space_world, story
):
    world, space = space_world, story.space
    client.force_login(world.host_pupil)
    save(client, space, "Le gardien du phare avait disparu.", 0, title="La nuit noire", submit="1")
    chapter = draft_of(story, world.host)
    assert chapter.status == "submitted"
    assert Notification.objects.filter(
        recipient=world.host_teacher, kind=notices.SUBMITTED
    ).exists()
    assert publish(client, space, chapter).status_code == 404
    # Waiting for the teacher: the pupils no longer change it.
    save(client, space, "Changé", chapter.version)
    assert draft_of(story, world.host).body == "Le gardien du phare avait disparu."
    for outsider in (world.guest_teacher, world.third_teacher, world.director_a):
        client.force_login(outsider)
        assert publish(client, space, chapter).status_code == 404
    assert draft_of(story, world.host).status == "submitted"
    client.force_login(world.host_teacher)
    home = client.get(url("home", space)).content.decode()
    assert "waits for your review" in home
    assert publish(client, space, chapter).status_code == 302
    chapter.refresh_from_db()
    assert chapter.status == "published" and chapter.number == 1
    assert chapter.published_by == world.host_teacher
    told = Notification.objects.filter(kind__in=[notices.TURN, notices.TURN_PUPIL])
    assert set(told.values_list("recipient__username", flat=True)) == {
        "guestteacher",
        "guestpupil",
    }
    to_pupil = told.get(recipient=world.guest_pupil)
    assert to_pupil.kind == notices.TURN_PUPIL
    with translation.override("en"):
        assert message_for(to_pupil) == (
            "It is your class's turn to write chapter 2 of “Club de lecture des Pins”."
        )
    # Now the guest class writes chapter 2; the host class is next.
    client.force_login(world.guest_pupil)
    home = client.get(url("home", space)).content.decode()
    assert "La nuit noire" in home and "Le gardien du phare" in home
    assert "Written by CM1 de M. Benali · Lucas" in home
    assert "write chapter 2" in home and "Write our chapter" in home
    assert client.get(url("write", space)).status_code == 200
    client.force_login(world.host_pupil)
    home = client.get(url("home", space)).content.decode()
    assert "It is the turn of CE2 de Mme Petit" in home and "Your class's turn is next" in home
    assert client.get(url("write", space)).status_code == 404


def test_a_teacher_sends_the_chapter_back_with_a_note(client, space_world, story):
    world, space = space_world, story.space
    client.force_login(world.host_pupil)
    save(client, space, "Trop court.", 0, submit="1")
    chapter = draft_of(story, world.host)
    client.force_login(world.guest_teacher)
    assert send_back(client, space, chapter, "Non").status_code == 404
    client.force_login(world.host_teacher)
    empty = send_back(client, space, chapter, "")
    assert empty.status_code == 200 and "Say what the class should rework" in empty.content.decode()
    response = send_back(client, space, chapter, "Décrivez le phare.")
    assert response.status_code == 302
    chapter.refresh_from_db()
    assert chapter.status == "returned" and chapter.review_note == "Décrivez le phare."
    assert Notification.objects.filter(recipient=world.host_pupil, kind=notices.RETURNED).exists()
    client.force_login(world.host_pupil)
    page = client.get(url("write", space)).content.decode()
    assert "Décrivez le phare." in page
    assert save(client, space, "Plus long.", chapter.version).status_code == 302
    assert draft_of(story, world.host).body == "Plus long."


def test_outsiders_get_404_everywhere(client, space_world, story):
    world, space = space_world, story.space
    client.force_login(world.host_pupil)
    save(client, space, "Texte", 0)
    chapter = draft_of(story, world.host)
    for person in (world.third_pupil, world.third_teacher):
        client.force_login(person)
        assert client.get(url("home", space)).status_code == 404
        assert client.get(url("write", space)).status_code == 404
        assert save(client, space, "x", 1).status_code == 404
        assert publish(client, space, chapter).status_code == 404
        assert send_back(client, space, chapter, "x").status_code == 404
        assert (
            client.post(
                url("opening", space), {"opening": "x", "chapters_per_class": 1}
            ).status_code
            == 404
        )
        assert client.post(url("finish", space), {"finished": "1"}).status_code == 404
    story.refresh_from_db()
    assert not story.finished and story.opening.startswith("Un soir")
    assert draft_of(story, world.host).body == "Texte"
    client.logout()
    assert client.get(url("home", space)).status_code == 302
    # Members: no POST-only action by GET.
    client.force_login(world.host_teacher)
    assert publish(client, space, chapter).status_code == 302
    assert client.get(url("finish", space)).status_code == 405


def test_a_class_that_left_loses_access_but_its_chapter_stays_signed(client, space_world, story):
    world, space = space_world, story.space
    published_chapter(story, world.host, 1, "Chapitre des CM1.", [world.host_pupil])
    published_chapter(story, world.guest, 2, "Chapitre des CE2.", [world.guest_pupil])
    client.force_login(world.host_pupil)
    assert "It is the turn of" not in client.get(url("home", space)).content.decode()
    assert client.get(url("write", space)).status_code == 200
    SpaceClass.objects.filter(space=space, classroom=world.guest).update(status="left")
    client.force_login(world.guest_pupil)
    assert client.get(url("home", space)).status_code == 404
    client.force_login(world.guest_teacher)
    assert client.get(url("home", space)).status_code == 404
    assert client.get(url("write", space)).status_code == 404
    client.force_login(world.host_pupil)
    home = client.get(url("home", space)).content.decode()
    assert "Chapitre des CE2." in home and "Written by CE2 de Mme Petit · Emma" in home
    assert "write chapter 3" in home


def test_a_finished_story_has_no_more_turns(client, space_world, story):
    world, space = space_world, story.space
    client.force_login(world.host_pupil)
    assert client.post(url("finish", space), {"finished": "1"}).status_code == 404
    client.force_login(world.host_teacher)
    assert client.post(url("finish", space), {"finished": "1"}).status_code == 302
    story.refresh_from_db()
    assert story.finished
    client.force_login(world.host_pupil)
    assert "The story is finished" in client.get(url("home", space)).content.decode()
    assert client.get(url("write", space)).status_code == 404
    client.force_login(world.host_teacher)
    client.post(url("finish", space), {"finished": "0"})
    story.refresh_from_db()
    assert not story.finished


def _home_queries(client, space):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("home", space)).status_code == 200
    return len(queries)


def test_the_story_home_makes_as_many_queries_for_20_chapters_as_for_2(client, space_world, story):
    world, space = space_world, story.space
    counts = []
    for total in (2, 20):
        Chapter.objects.all().delete()
        for number in range(1, total + 1):
            room, pupil = (
                (world.host, world.host_pupil) if number % 2 else (world.guest, world.guest_pupil)
            )
            published_chapter(story, room, number, f"Chapitre {number}", [pupil])
        for person in (world.guest_pupil, world.host_teacher):
            client.force_login(person)
            _home_queries(client, space)  # warm the per-person caches
            counts.append((total, person.username, _home_queries(client, space)))
    by_person = {}
    for total, username, count in counts:
        by_person.setdefault(username, {})[total] = count
    for username, numbers in by_person.items():
        assert numbers[2] == numbers[20], (username, numbers)


def test_a_teacher_does_not_publish_a_chapter_changed_since_she_read_it(client, space_world, story):
    world, space = space_world, story.space
    client.force_login(world.host_pupil)
    save(client, space, "Première version.", 0)
    chapter = draft_of(story, world.host)
    read = chapter.version
    save(client, space, "Version changée pendant la relecture.", read)
    client.force_login(world.host_teacher)
    response = client.post(url("publish", space, chapter_id=chapter.pk), {"version": read})
    assert response.status_code == 302
    assert draft_of(story, world.host).status != "published"
    page = client.get(response["Location"]).content.decode()
    assert "changed the chapter since you opened it" in page
