"""The front-end editor keeps what people send: once only, never over someone else's save.

A double click (or a form sent again from the browser's history) must not make a second
entry; two people saving the same entry must not silently overwrite each other: the
later save is refused, both versions are shown, and what was typed stays in the form.
A person whose session ended while writing finds the editor again after logging in, and
the browser is told which local draft it may forget once a save went through.
"""

import re

import pytest
from django.urls import reverse

from classrooms import editor, moderation
from classrooms.models import BlogEntryPage, Membership
from tests import factories

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="once" value="([^"]+)"')
BASE = re.compile(r'name="base_revision" value="(\d+)"')


def new_entry_url(classroom):
    return reverse("classrooms:entry_new", kwargs={"classroom_id": classroom.pk})


def edit_url(entry):
    return reverse("classrooms:entry_edit", kwargs={"entry_id": entry.pk})


def form_of(client, url):
    """The editor as the browser gets it: its one-time token and its base revision."""
    html = client.get(url).content.decode()
    token, base = TOKEN.search(html), BASE.search(html)
    return {"once": token.group(1) if token else "", "base_revision": base.group(1) if base else ""}


def text_of(entry):
    return editor.text_of(BlogEntryPage.objects.get(pk=entry.pk).get_latest_revision_as_object())


@pytest.fixture
def second_teacher(world):
    teacher = factories.UserFactory(username="teacher2", first_name="Marc", last_name="Lenoir")
    factories.MembershipFactory(
        user=teacher, classroom=world.classroom, role=Membership.Role.TEACHER
    )
    return teacher


def test_a_new_entry_posted_twice_from_one_form_is_created_once(client, world):
    client.force_login(world.pupil)
    data = {"title": "Nos haricots", "text": "Ils ont poussé.", "action": "save"}
    data.update(form_of(client, new_entry_url(world.classroom)))
    first = client.post(new_entry_url(world.classroom), data)
    second = client.post(new_entry_url(world.classroom), data)
    entry = BlogEntryPage.objects.child_of(world.classroom).get()
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == edit_url(entry)
    assert entry.revisions.count() == 1
    # The next visit to the editor is a new form: a new entry may be written.
    data.update(form_of(client, new_entry_url(world.classroom)), title="Le potager")
    client.post(new_entry_url(world.classroom), data)
    assert BlogEntryPage.objects.child_of(world.classroom).count() == 2


def test_the_same_new_form_sent_again_with_more_text_updates_its_entry(client, world):
    """Back in the browser's history after saving, a pupil adds a line and saves again:
    the entry made by that form is updated, no second entry appears."""
    client.force_login(world.pupil)
    data = {"title": "Nos haricots", "text": "Ils ont poussé.", "action": "save"}
    data.update(form_of(client, new_entry_url(world.classroom)))
    client.post(new_entry_url(world.classroom), data)
    data["text"] = "Ils ont poussé. Ils mesurent 12 cm."
    response = client.post(new_entry_url(world.classroom), data)
    entry = BlogEntryPage.objects.child_of(world.classroom).get()
    assert response.status_code == 302 and response.url == edit_url(entry)
    assert "12 cm" in text_of(entry)


def test_a_save_from_an_outdated_revision_is_refused_and_shows_both_versions(
    client, world, second_teacher
):
    client.force_login(world.pupil)
    client.post(new_entry_url(world.classroom), {"title": "Nos haricots", "text": "Début."})
    entry = BlogEntryPage.objects.child_of(world.classroom).get()

    # Both teachers open the editor on the same version.
    client.force_login(world.teacher)
    hers = form_of(client, edit_url(entry))
    client.force_login(second_teacher)
    his = form_of(client, edit_url(entry))
    assert hers["base_revision"] == his["base_revision"] == str(entry.latest_revision_id)
    response = client.post(
        edit_url(entry),
        {"title": "Nos haricots", "text": "La version de Marc.", "action": "save", **his},
    )
    assert response.status_code == 302

    client.force_login(world.teacher)
    response = client.post(
        edit_url(entry),
        {"title": "Nos haricots verts", "text": "La version de Claire.", "action": "save", **hers},
    )
    assert response.status_code == 409
    html = response.content.decode()
    # Refused: Marc's save stands; both versions are on the page, Claire's in the form.
    assert "La version de Marc." in text_of(entry)
    assert "Marc L." in html and "pendant ce temps" in html
    assert "La version de Marc." in html
    assert re.search(r"<textarea[^>]*>\s*La version de Claire\.", html)
    assert 'value="Nos haricots verts"' in html
    # Sent again from that page (now based on Marc's version), it is saved.
    again = form_of_html(html)
    response = client.post(
        edit_url(entry),
        {"title": "Nos haricots verts", "text": "Les deux versions.", "action": "save", **again},
    )
    assert response.status_code == 302
    assert "Les deux versions." in text_of(entry)


def form_of_html(html):
    return {"once": TOKEN.search(html).group(1), "base_revision": BASE.search(html).group(1)}


def test_a_save_without_a_base_revision_still_works(client, world):
    """Pages opened before this check existed carry no base revision: saved as before."""
    client.force_login(world.pupil)
    client.post(new_entry_url(world.classroom), {"title": "Nos haricots", "text": "Un."})
    entry = BlogEntryPage.objects.child_of(world.classroom).get()
    response = client.post(edit_url(entry), {"title": "Nos haricots", "text": "Deux."})
    assert response.status_code == 302 and "Deux." in text_of(entry)


def test_the_editor_names_its_local_draft_and_a_save_lets_the_browser_forget_it(client, world):
    client.force_login(world.pupil)
    html = client.get(new_entry_url(world.classroom)).content.decode()
    key = f"entry-new-{world.classroom.pk}"
    assert f'data-draft-key="{key}"' in html
    assert f'data-draft-user="{world.pupil.pk}"' in html
    assert "Texte retrouvé" in html  # the note shown when the browser restores a draft
    data = {"title": "Nos haricots", "text": "Ils ont poussé.", "action": "save"}
    response = client.post(new_entry_url(world.classroom), data)
    assert response.cookies["preau_drafts_done"].value == f"{world.pupil.pk}:{key}"


def test_a_session_that_ended_while_writing_comes_back_to_the_editor(client, world):
    """The POST of a person no longer logged in goes to the login page, which brings them
    back to the editor, where the browser restores the text (tests/browser)."""
    data = {"title": "Nos haricots", "text": "Ils ont poussé.", "action": "save"}
    response = client.post(new_entry_url(world.classroom), data)
    assert response.status_code == 302 and "/compte/connexion/" in response.url
    assert f"next={new_entry_url(world.classroom)}" in response.url.replace("%2F", "/")
    assert not BlogEntryPage.objects.exists()


def test_a_new_form_sent_again_once_its_entry_was_sent_keeps_the_text(client, world):
    """The entry that form made went to the teacher and is no longer the pupil's to
    change: the other text is not saved into it, nor lost; it stays in the form."""
    client.force_login(world.pupil)
    data = {"title": "Nos haricots", "text": "Ils ont poussé.", "action": "send"}
    data.update(form_of(client, new_entry_url(world.classroom)))
    client.post(new_entry_url(world.classroom), data)
    data.update(text="Une autre histoire.", action="save")
    response = client.post(new_entry_url(world.classroom), data)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Une autre histoire." in html and "ne peut plus être modifié" in html
    entry = BlogEntryPage.objects.child_of(world.classroom).get()
    assert "Ils ont poussé." in text_of(entry)


def test_a_token_of_one_class_s_form_never_writes_into_another_class_s_entry(client, world):
    """A teacher of two classes sends class Y's editor with the token of a form of class
    X (a reused token): what is sent goes to a new entry of Y, never into X's entry."""
    factories.MembershipFactory(
        user=world.teacher, classroom=world.other_classroom, role=Membership.Role.TEACHER
    )
    client.force_login(world.teacher)
    data = {"title": "Nos haricots", "text": "Ils ont poussé.", "action": "save"}
    data.update(form_of(client, new_entry_url(world.classroom)))
    client.post(new_entry_url(world.classroom), data)
    made = BlogEntryPage.objects.child_of(world.classroom).get()
    data.update(title="Le musée", text="Nous avons vu des statues.")
    response = client.post(new_entry_url(world.other_classroom), data)
    assert response.status_code == 302
    assert "statues" not in text_of(made)
    other = BlogEntryPage.objects.child_of(world.other_classroom).get()
    assert "statues" in text_of(other) and response.url == edit_url(other)


def test_a_form_that_failed_after_its_entry_was_saved_makes_no_second_entry(
    client, world, monkeypatch
):
    """Saved, then sending it to the teacher failed (an error page): the same form sent
    again is saved into the entry it made and sent, not made a second time."""
    client.force_login(world.pupil)
    data = {"title": "Nos haricots", "text": "Ils ont poussé.", "action": "send"}
    data.update(form_of(client, new_entry_url(world.classroom)))

    def failing_submit(entry, user):
        raise RuntimeError("the workflow failed")

    monkeypatch.setattr(moderation, "submit", failing_submit)
    with pytest.raises(RuntimeError):
        client.post(new_entry_url(world.classroom), data)
    assert BlogEntryPage.objects.child_of(world.classroom).count() == 1
    monkeypatch.undo()
    response = client.post(new_entry_url(world.classroom), data)
    assert response.status_code == 302
    entry = BlogEntryPage.objects.child_of(world.classroom).get()
    assert moderation.review_of(entry).status == moderation.EntryStatus.SUBMITTED
