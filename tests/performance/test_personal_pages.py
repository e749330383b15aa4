"""A person's pages kept whole (performance/personal_pages.py) are theirs, and never stale.

Each test reads a page until it is served from what was kept, makes a change the way
the app makes it, and reads the page again as its visitor: a change that a kept page
does not see shows here as a stale page. The other tests check whose a kept page is,
and what is never kept.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from classrooms.models import BlogEntryPage, Guardianship, Membership
from comments import services
from comments.models import ClassComment
from exercises.models import Attempt
from notifications.services import notify
from performance import generations, personal_pages
from tests import factories
from tests.exercises.test_flow import make_exercise, short_answer

pytestmark = pytest.mark.django_db

HEADER = personal_pages.HEADER
THANKS = "Merci ! Ton commentaire"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def kept_pages(settings):
    """Kept reads and kept pages on, as in production; the anonymous page cache off."""
    settings.PREAU_PAGE_CACHE_SECONDS = 0
    settings.PREAU_GENERATION_SECONDS = 3600
    settings.PREAU_PERSONAL_PAGE_SECONDS = 120


def publish_entry(classroom, title, authors=(), body=()):
    entry = factories.BlogEntryPageFactory(
        parent=classroom, title=title, live=False, body=list(body)
    )
    if authors:
        entry.authors.set(authors)
    entry.save_revision().publish()
    return BlogEntryPage.objects.get(pk=entry.pk)


def until_kept(client, url):
    """Read `url` until it is served from what was kept (the first visit gets the CSRF
    cookie, the next one is kept); fails if it never is."""
    for _ in range(4):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if response.get(HEADER) == "hit":
            return response.content.decode()
    raise AssertionError(f"{url} was never served from a kept page")


def read(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response


def test_a_parent_s_wall_is_kept_and_served_without_rendering(client, world):
    """The second reading of the same wall is the kept page, word for word."""
    publish_entry(world.classroom, "La sortie au musée", authors=[world.pupil])
    client.force_login(world.parent)
    kept = until_kept(client, world.classroom.url)
    again = read(client, world.classroom.url)
    assert again[HEADER] == "hit"
    assert again.content.decode() == kept
    assert "La sortie au musée" in kept


def test_a_kept_page_belongs_to_its_reader(client, world):
    """Another parent of the class gets their own page, not the first one's: the entry
    written by the first parent's child says so to that parent only."""
    publish_entry(world.classroom, "Mon dessin", authors=[world.pupil])
    other_child = factories.UserFactory(first_name="Nina", last_name="Roux")
    factories.MembershipFactory(
        user=other_child, classroom=world.classroom, role=Membership.Role.PUPIL
    )
    other_parent = factories.UserFactory(first_name="Marc", last_name="Roux")
    factories.GuardianshipFactory(parent=other_parent, child=other_child)
    client.force_login(world.parent)
    assert "Écrit par votre enfant" in until_kept(client, world.classroom.url)
    other = Client()
    other.force_login(other_parent)
    first = read(other, world.classroom.url)
    assert first.get(HEADER) != "hit"
    page = until_kept(other, world.classroom.url)
    assert "Marc" in page and "Sophie" not in page
    assert "Écrit par votre enfant" not in page


def test_a_new_entry_shows_on_the_kept_wall(client, world):
    client.force_login(world.parent)
    until_kept(client, world.classroom.url)
    publish_entry(world.classroom, "Le carnaval de l'école")
    response = read(client, world.classroom.url)
    assert response.get(HEADER) != "hit"
    assert "Le carnaval de l&#x27;école" in response.content.decode()


def test_a_published_comment_shows_on_the_kept_entry(client, world):
    """A comment approved by the teacher reaches the parent's kept entry page at once;
    one rejected afterwards leaves it at once."""
    entry = publish_entry(world.classroom, "Nos plantations")
    client.force_login(world.parent)
    assert "Les tomates poussent" not in until_kept(client, entry.url)
    comment = services.post(entry, world.pupil, liked="Les tomates poussent")
    assert "Les tomates poussent" not in read(client, entry.url).content.decode()
    services.approve(comment, entry, world.teacher)
    assert "Les tomates poussent" in read(client, entry.url).content.decode()
    assert "Les tomates poussent" in until_kept(client, entry.url)
    services.reject(comment, entry, world.teacher, reason="Hors sujet")
    assert "Les tomates poussent" not in read(client, entry.url).content.decode()


def test_a_pupil_sees_their_waiting_comment_and_others_do_not(client, world):
    """The kept comments are every comment of the entry; each reader sees theirs only."""
    entry = publish_entry(world.classroom, "Le potager")
    pupil = Client()
    pupil.force_login(world.pupil)
    client.force_login(world.parent)
    until_kept(pupil, entry.url)
    until_kept(client, entry.url)
    services.post(entry, world.pupil, liked="Les radis sont rouges")
    assert "Les radis sont rouges" in read(pupil, entry.url).content.decode()
    assert "Les radis sont rouges" in until_kept(pupil, entry.url)
    assert "Les radis sont rouges" not in until_kept(client, entry.url)


def test_the_end_of_a_guardianship_closes_the_kept_wall(client, world):
    """A parent whose child left the class gets 404 on the next request, not the page kept."""
    client.force_login(world.parent)
    until_kept(client, world.classroom.url)
    Guardianship.objects.get(parent=world.parent).delete()
    read(client, world.classroom.url, status=404)


def test_a_renamed_person_reads_their_new_name(client, world):
    client.force_login(world.parent)
    until_kept(client, world.classroom.url)
    world.parent.first_name = "Sophia"
    world.parent.save()
    assert "Sophia" in read(client, world.classroom.url).content.decode()


def test_a_new_notification_updates_the_kept_header(client, world):
    """The unread badge of the header is the person's own scope: a notification shows."""
    client.force_login(world.parent)
    before = until_kept(client, world.classroom.url)
    notify([world.parent], "comment_approved", url="/", entry="Nos plantations")
    after = read(client, world.classroom.url)
    assert after.get(HEADER) != "hit"
    assert after.content.decode() != before


def test_a_logged_out_visitor_never_gets_the_kept_page(client, world):
    client.force_login(world.parent)
    until_kept(client, world.classroom.url)
    client.logout()
    response = client.get(world.classroom.url)
    assert response.get(HEADER) is None
    assert response.status_code in (302, 404)


def test_a_deactivated_account_never_gets_the_kept_page(client, world):
    client.force_login(world.parent)
    until_kept(client, world.classroom.url)
    world.parent.is_active = False
    world.parent.save()
    response = client.get(world.classroom.url)
    assert response.get(HEADER) is None
    assert response.status_code in (302, 404)


def test_a_waiting_message_is_shown_not_the_kept_page(world):
    """The message left after a form (a comment sent) is read on the next page, built
    for it; the page after it no longer shows it."""
    entry = publish_entry(world.classroom, "La chorale")
    pupil = Client()
    pupil.force_login(world.pupil)
    until_kept(pupil, entry.url)
    pupil.post(reverse("comments:post", args=[entry.pk]), {"liked": "Les chansons"})
    shown = read(pupil, entry.url)
    assert shown.get(HEADER) != "hit"
    assert THANKS in shown.content.decode()
    assert THANKS not in until_kept(pupil, entry.url)


def test_a_page_that_asked_the_database_is_not_kept(world):
    """An exercise's page reads the pupil's attempts without keeping them (no scope
    watches them per pupil): it is built for every request, never kept."""
    exercise = make_exercise(world.classroom, [short_answer()])
    pupil = Client()
    pupil.force_login(world.pupil)
    for _ in range(3):
        response = read(pupil, exercise.url)
        assert response.get(HEADER) is None


def test_the_teacher_s_queue_is_kept_until_a_comment_comes(client, world):
    """The queue of waiting comments follows its class's comments: a new one shows at
    once, an approved one leaves at once."""
    entry = publish_entry(world.classroom, "La classe verte")
    url = reverse("comments:queue", args=[world.classroom.pk])
    client.force_login(world.teacher)
    assert "Les cabanes" not in until_kept(client, url)
    comment = services.post(entry, world.pupil, liked="Les cabanes")
    assert "Les cabanes" in read(client, url).content.decode()
    assert "Les cabanes" in until_kept(client, url)
    services.approve(comment, entry, world.teacher)
    assert "Les cabanes" not in read(client, url).content.decode()


def test_the_results_table_is_kept_until_a_pupil_finishes(client, world):
    """The teacher's results follow the exercise's attempts: a pupil's finished attempt
    shows at once."""
    exercise = make_exercise(world.classroom, [short_answer()])
    url = reverse("exercises:results", kwargs={"exercise_id": exercise.pk})
    client.force_login(world.teacher)
    assert "1 / 1" not in until_kept(client, url)
    pupil = Client()
    pupil.force_login(world.pupil)
    pupil.post(reverse("exercises:start", kwargs={"exercise_id": exercise.pk}))
    attempt = Attempt.objects.get()
    attempt_url = reverse("exercises:attempt", kwargs={"attempt_id": attempt.pk})
    question = pupil.get(attempt_url).context["current"].id
    pupil.post(attempt_url, {"question": question, "q-text": "Paris"})
    pupil.get(attempt_url)
    assert "1 / 1" in read(client, url).content.decode()


def test_an_address_with_a_query_string_is_neither_kept_nor_looked_up(client, world, monkeypatch):
    """A parameter anyone may make up (`?x=<random>`) would keep one page per address and
    fill Redis: such a page is built for its request and nothing of it is stored, while
    the bare address is kept as usual."""
    backend = generations.cache_backend()
    stored = []
    keep = backend.set

    def set_spied(key, *args, **kwargs):
        stored.append(key)
        return keep(key, *args, **kwargs)

    monkeypatch.setattr(backend, "set", set_spied)
    client.force_login(world.parent)
    until_kept(client, world.classroom.url)
    stored.clear()
    for made_up in ("a1", "b2", "b2", "c3"):
        response = read(client, f"{world.classroom.url}?x={made_up}")
        assert response.get(HEADER) is None
    assert not [key for key in stored if key.startswith(personal_pages.ENTRY_PREFIX)]


def test_only_pages_are_kept(client, world):
    """Views other than Wagtail pages (the notification list) are never kept."""
    client.force_login(world.parent)
    url = reverse("notifications:list")
    for _ in range(3):
        assert read(client, url).get(HEADER) is None


def test_the_kept_page_s_form_is_accepted(world):
    """The comment form of a kept entry page carries a token of the browser's CSRF
    secret: posting it works with CSRF checks on."""
    entry = publish_entry(world.classroom, "Le spectacle")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.pupil)
    page = until_kept(browser, entry.url)
    token = CSRF_INPUT.search(page).group(1)
    response = browser.post(
        reverse("comments:post", args=[entry.pk]),
        {"csrfmiddlewaretoken": token, "liked": "Les costumes", "suggestion": "", "wondering": ""},
    )
    assert response.status_code in (200, 302)
    assert ClassComment.objects.filter(liked="Les costumes").exists()


def with_photo(world, title):
    photo = factories.ImageFactory(collection=world.classroom.collection, title="Le jardin")
    body = [("image", {"image": photo, "alt_text": "Le jardin en mai", "caption": ""})]
    return publish_entry(world.classroom, title, body=body), photo


def test_a_wall_and_an_entry_with_a_photo_are_kept_until_the_photo_goes(client, world):
    """Photos are read with their own scope (media): the pages showing them are kept, and
    a photo deleted leaves them at once."""
    entry, photo = with_photo(world, "Au jardin")
    client.force_login(world.parent)
    assert "<img" in until_kept(client, world.classroom.url)
    assert "Le jardin en mai" in until_kept(client, entry.url)
    photo.delete()
    for url in (world.classroom.url, entry.url):
        response = read(client, url)
        assert response.get(HEADER) != "hit"
        assert "Le jardin en mai" not in response.content.decode()


def test_an_entry_written_by_the_teacher_is_kept_and_follows_their_name(client, world):
    """An entry without pupil authors names its owner, read from the people's tables."""
    entry = factories.BlogEntryPageFactory(
        parent=world.classroom, title="Le mot de la maîtresse", owner=world.teacher
    )
    entry.save_revision().publish()
    client.force_login(world.parent)
    assert "Claire" in until_kept(client, entry.url)
    world.teacher.first_name = "Clara"
    world.teacher.save()
    assert "Clara" in read(client, entry.url).content.decode()


@pytest.mark.parametrize(
    ("sql", "scopes"),
    [
        ('SELECT "wagtailcore_page"."id" FROM "wagtailcore_page" WHERE 1', {"tree", "people"}),
        (
            'SELECT 1 FROM "wagtailimages_image" INNER JOIN "wagtailcore_collection" ON 1',
            None,
        ),
        ('SELECT "wagtailimages_image"."id" FROM "wagtailimages_image"', {"media"}),
        ('SELECT "django_comments"."id" FROM "django_comments"', None),
        ('INSERT INTO "wagtailcore_page" ("id") VALUES (1)', None),
        ("SELECT 1", None),
    ],
)
def test_a_query_belongs_to_the_scopes_of_its_tables(sql, scopes):
    """A page may depend on what a query read only if every table it read is watched."""
    assert personal_pages.scopes_read_by(sql) == scopes


def test_zero_seconds_keeps_no_page(client, world, settings):
    settings.PREAU_PERSONAL_PAGE_SECONDS = 0
    client.force_login(world.parent)
    for _ in range(3):
        assert read(client, world.classroom.url).get(HEADER) is None
