"""A comment is kept once, and never lost: double submits, a form sent twice, a session
that ended while writing."""

import re

import pytest
from django.urls import reverse

from classrooms.models import BlogEntryPage
from comments.models import ClassComment
from tests import factories
from tests.sessions import end_every_session

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="once" value="([^"]+)"')
SENTENCES = {"liked": "les dessins", "suggestion": "", "wondering": "qui a écrit le titre"}


@pytest.fixture
def entry(world):
    page = factories.BlogEntryPageFactory(parent=world.classroom, title="Nos haricots")
    page.authors.set([world.pupil])
    page.save_revision().publish()
    return BlogEntryPage.objects.get(pk=page.pk)


def post_url(entry):
    return reverse("comments:post", kwargs={"entry_id": entry.pk})


def token_on(client, entry):
    match = TOKEN.search(client.get(entry.url).content.decode())
    return match.group(1) if match else ""


def test_a_comment_posted_twice_from_one_form_is_kept_once(client, world, entry):
    client.force_login(world.parent)
    data = {**SENTENCES, "once": token_on(client, entry)}
    first = client.post(post_url(entry), data)
    second = client.post(post_url(entry), data)
    comment = ClassComment.objects.get()
    assert first.status_code == second.status_code == 302
    assert first.url == second.url and first.url.endswith(f"#comment-{comment.pk}")
    # The entry's page, built again after the comment, carries a new token.
    assert token_on(client, entry) != data["once"]


def test_another_text_sent_with_a_used_token_is_kept_in_the_form(client, world, entry):
    """Two tabs opened on the same page, two different comments: the second is not
    dropped, and not posted behind the person's back either: it comes back in the form."""
    client.force_login(world.parent)
    token = token_on(client, entry)
    client.post(post_url(entry), {**SENTENCES, "once": token})
    response = client.post(post_url(entry), {**SENTENCES, "liked": "la photo", "once": token})
    assert response.status_code == 409
    html = response.content.decode()
    assert "la photo" in html and "déjà été envoyé" in html
    assert TOKEN.search(html).group(1) != token
    assert ClassComment.objects.count() == 1


def test_a_replay_of_a_reply_is_kept_once(client, world, entry):
    client.force_login(world.teacher)
    client.post(post_url(entry), SENTENCES)
    first = ClassComment.objects.get()
    data = {"liked": "merci", "parent": first.pk, "once": token_on(client, entry)}
    client.post(post_url(entry), data)
    client.post(post_url(entry), data)
    assert ClassComment.objects.count() == 2


def test_the_comment_form_names_its_local_draft_and_a_post_lets_the_browser_forget_it(
    client, world, entry
):
    client.force_login(world.parent)
    html = client.get(entry.url).content.decode()
    assert f'data-draft-key="comment-{entry.pk}-new"' in html
    assert f'data-draft-user="{world.parent.pk}"' in html
    response = client.post(post_url(entry), SENTENCES)
    assert (
        response.cookies["preau_drafts_done"].value == f"{world.parent.pk}:comment-{entry.pk}-new"
    )


def test_after_a_lost_session_the_login_leads_back_to_the_entry(client, world, entry):
    """The session ended while writing: the POST goes to the login page, whose `next` is
    the comment address; after logging in, that address leads to the entry, where the
    browser restores the sentences (tests/browser), instead of a 405."""
    client.force_login(world.parent)
    end_every_session()
    response = client.post(post_url(entry), SENTENCES)
    assert response.status_code == 302 and "/compte/connexion/" in response.url
    assert not ClassComment.objects.exists()
    client.force_login(world.parent)
    response = client.get(post_url(entry))
    assert response.status_code == 302 and response.url == entry.url + "#comments"
    # Still 404 for whoever may not read the entry.
    client.force_login(world.outsider)
    assert client.get(post_url(entry)).status_code == 404
