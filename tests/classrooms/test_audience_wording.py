"""Préau says "tu" to children and "vous" to adults, in the same class.

The entry editor told the teacher "Ton texte" and "Qui l’a écrit avec toi ?"; parents
read "ce que tu as aimé lire" on the comment form and "Ton commentaire…" after it. Each
form and confirmation is now chosen by who reads it: a pupil of this class, or not.
(French text: needs the catalogue with the "pupil" and "adult" contexts compiled.)
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from classrooms.models import BlogEntryPage
from tests import factories

pytestmark = pytest.mark.django_db


def editor(client, world):
    url = reverse("classrooms:entry_new", kwargs={"classroom_id": world.classroom.pk})
    return client.get(url).content.decode()


def test_the_teacher_s_editor_says_vous(client, world):
    client.force_login(world.teacher)
    html = editor(client, world)
    assert "Votre texte" in html and "Qui l’a écrit avec vous ?" in html
    assert "Ton texte" not in html and "avec toi" not in html


def test_the_pupil_s_editor_says_tu(client, world):
    client.force_login(world.pupil)
    html = editor(client, world)
    assert "Ton texte" in html and "Qui l’a écrit avec toi ?" in html
    assert "Votre texte" not in html


def test_the_teacher_s_draft_confirmation_says_vous(client, world):
    client.force_login(world.teacher)
    url = reverse("classrooms:entry_new", kwargs={"classroom_id": world.classroom.pk})
    response = client.post(url, {"title": "Sortie", "text": "Au musée.", "action": "save"})
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert said == ["Votre brouillon est enregistré. Vous pourrez y revenir plus tard."]


@pytest.fixture
def entry(world):
    page = factories.BlogEntryPageFactory(parent=world.classroom, title="Nos haricots")
    page.authors.set([world.pupil])
    page.save_revision().publish()
    return BlogEntryPage.objects.get(pk=page.pk)


def test_a_parent_s_comment_form_and_its_confirmation_say_vous(client, world, entry):
    client.force_login(world.parent)
    html = client.get(entry.url).content.decode()
    assert "ce que vous avez aimé lire, voir ou entendre" in html
    assert "ce que tu as aimé" not in html
    response = client.post(
        reverse("comments:post", kwargs={"entry_id": entry.pk}), {"liked": "Les dessins."}
    )
    said = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "Votre commentaire" in said and "Ton commentaire" not in said


def test_a_pupil_s_comment_form_says_tu(client, world, entry):
    client.force_login(world.pupil)
    html = client.get(entry.url).content.decode()
    assert "ce que tu as aimé lire, voir ou entendre" in html
