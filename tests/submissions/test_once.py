"""One-time form tokens (submissions/once.py) when things go wrong: a cache that cannot
be reached, a second click while the first is still being acted on, a bad token."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from classrooms.models import BlogEntryPage
from comments.models import ClassComment
from performance.redis_cache import RedisCache
from submissions import once
from tests import factories

pytestmark = pytest.mark.django_db

TOKEN = "A" * 24
SENTENCES = {"liked": "les dessins", "suggestion": "", "wondering": ""}


@pytest.fixture
def entry(world):
    page = factories.BlogEntryPageFactory(parent=world.classroom, title="Nos haricots")
    page.save_revision().publish()
    return BlogEntryPage.objects.get(pk=page.pk)


def post_url(entry):
    return reverse("comments:post", kwargs={"entry_id": entry.pk})


def test_an_unreachable_cache_never_refuses_a_form(client, world, entry, monkeypatch):
    class Down:
        def __getattr__(self, name):
            def fail(*args, **kwargs):
                raise ConnectionError("cache down")

            return fail

    monkeypatch.setattr(once, "cache", Down())
    client.force_login(world.parent)
    response = client.post(post_url(entry), {**SENTENCES, "once": TOKEN})
    assert response.status_code == 302
    assert ClassComment.objects.count() == 1


def test_a_second_click_while_the_first_is_acted_on_keeps_its_text(
    client, world, entry, monkeypatch
):
    """The first request still holds the token when the wait is over: the second makes
    nothing, and its sentences come back in the form."""
    monkeypatch.setattr(once, "WAIT_SECONDS", 0.2)
    cache.set(f"{once.KEY_PREFIX}{world.parent.pk}:{TOKEN}", once.PENDING, 60)
    client.force_login(world.parent)
    response = client.post(post_url(entry), {**SENTENCES, "once": TOKEN})
    assert response.status_code == 409
    html = response.content.decode()
    assert "les dessins" in html and "déjà en cours d’envoi" in html
    assert not ClassComment.objects.exists()


def test_a_second_click_on_the_editor_while_the_first_is_acted_on_keeps_its_text(
    client, world, monkeypatch
):
    monkeypatch.setattr(once, "WAIT_SECONDS", 0.2)
    cache.set(f"{once.KEY_PREFIX}{world.pupil.pk}:{TOKEN}", once.PENDING, 60)
    client.force_login(world.pupil)
    url = reverse("classrooms:entry_new", kwargs={"classroom_id": world.classroom.pk})
    response = client.post(url, {"title": "Nos haricots", "text": "Ils ont poussé.", "once": TOKEN})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Ils ont poussé." in html and "déjà en cours d’envoi" in html
    assert TOKEN not in html  # the form comes back with a new token
    assert not BlogEntryPage.objects.child_of(world.classroom).exists()


def test_tokens_are_per_person(client, world, entry):
    """Another person's form that happened to carry the same token is theirs to send."""
    client.force_login(world.parent)
    client.post(post_url(entry), {**SENTENCES, "once": TOKEN})
    client.force_login(world.teacher)
    client.post(post_url(entry), {**SENTENCES, "once": TOKEN})
    assert ClassComment.objects.count() == 2


@pytest.mark.parametrize("token", ["", "short", "../../etc/passwd" * 3, "x" * 200])
def test_a_missing_or_malformed_token_is_acted_on_unprotected(client, world, entry, token):
    client.force_login(world.parent)
    response = client.post(post_url(entry), {**SENTENCES, "once": token})
    assert response.status_code == 302
    assert ClassComment.objects.count() == 1


def test_a_refused_form_keeps_its_token_for_the_corrected_one(client, world, entry, settings):
    """Refused for a reason of its own (too many comments): nothing was made, so the
    same form, sent again later, is acted on."""
    settings.PREAU_COMMENTS_PER_WINDOW = 0
    client.force_login(world.parent)
    assert client.post(post_url(entry), {**SENTENCES, "once": TOKEN}).status_code == 400
    settings.PREAU_COMMENTS_PER_WINDOW = 10
    assert client.post(post_url(entry), {**SENTENCES, "once": TOKEN}).status_code == 302
    assert ClassComment.objects.count() == 1


# A cache that takes no write: Préau's Redis backend answers instead of raising


class Counted:
    """A cache whose calls are written down, in order, with the pauses between them."""

    def __init__(self, backend, events):
        self.backend = backend
        self.events = events

    def __getattr__(self, name):
        operation = getattr(self.backend, name)

        def call(*args, **kwargs):
            self.events.append(name)
            return operation(*args, **kwargs)

        return call


class Full:
    """Redis full under `noeviction`, as Préau's backend answers it: no write is taken
    (add answers False), and the key is not there to read."""

    def add(self, *args, **kwargs):
        return False

    def get(self, key, default=None, *args, **kwargs):
        return default

    def set(self, *args, **kwargs):
        return None

    def delete(self, *args, **kwargs):
        return False


@pytest.fixture
def pauses(monkeypatch):
    events = []
    monkeypatch.setattr(once.time, "sleep", lambda seconds: events.append("sleep"))
    return events


def test_a_redis_out_of_reach_lets_the_form_through_at_once(client, world, entry, monkeypatch):
    """Préau's backend never raises: an add it could not make answers False. The form is
    acted on unprotected after a call or two, not after WAIT_SECONDS of asking again."""
    events = []
    backend = RedisCache("redis://127.0.0.1:1/9", {})
    monkeypatch.setattr(once, "cache", Counted(backend, events))
    client.force_login(world.parent)
    response = client.post(post_url(entry), {**SENTENCES, "once": TOKEN})
    assert response.status_code == 302
    assert ClassComment.objects.count() == 1
    assert events.count("add") <= 2, events[:10]
    assert len(events) <= 6, events[:10]


def test_a_full_cache_lets_the_form_through_after_one_pause(client, world, monkeypatch, pauses):
    """Neither added nor found is asked again once, after a pause (a token released in
    between is claimed then), and never in a loop that does not sleep."""
    monkeypatch.setattr(once, "cache", Counted(Full(), pauses))
    client.force_login(world.pupil)
    url = reverse("classrooms:entry_new", kwargs={"classroom_id": world.classroom.pk})
    response = client.post(url, {"title": "Nos haricots", "text": "Ils ont poussé.", "once": TOKEN})
    assert response.status_code == 302
    assert BlogEntryPage.objects.child_of(world.classroom).count() == 1
    assert pauses[:5] == ["add", "get", "sleep", "add", "get"], pauses[:10]
    assert pauses.count("add") == 2
