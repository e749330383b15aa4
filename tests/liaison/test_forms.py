"""Writing a word: refused input says what to change, in French and English, and keeps
everything typed; only the families the sender may reach can be chosen."""

import pytest
from django.urls import reverse
from django.utils import translation

from liaison.models import Word
from tests.liaison.helpers import write_to_class, write_to_school

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Write at least two options, one per line."), ("fr", "options")],
)
def test_a_choice_needs_two_options_and_the_text_stays(client, world, language, expected):
    client.force_login(world.director)
    with translation.override(language):
        url = reverse("liaison:new_school", kwargs={"school_id": world.school.pk})
    response = client.post(
        url,
        {
            "audience": "school",
            "title": "Kermesse",
            "text": "Quel stand tiendrez-vous ?",
            "question": "choice",
            "choices": "Gâteaux",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and not Word.objects.exists()
    assert expected in page
    assert "Quel stand tiendrez-vous ?" in page and 'value="Kermesse"' in page
    assert "Gâteaux" in page


def test_an_answer_required_needs_a_question(client, world):
    client.force_login(world.teacher)
    response = write_to_class(client, world.classroom, needs_answer="on")
    assert response.status_code == 200 and not Word.objects.exists()
    assert response.context["form"].errors["needs_answer"]


def test_a_class_chosen_by_the_director_must_be_of_the_school(client, world, portal):
    from tests import factories

    other_school = factories.SchoolPageFactory(parent=portal)
    far = factories.ClassroomPageFactory(parent=other_school)
    client.force_login(world.director)
    response = write_to_school(client, world.school, audience="class", classroom=far.pk)
    assert response.status_code == 200 and not Word.objects.exists()
    assert response.context["form"].errors["classroom"]
    response = write_to_school(client, world.school, audience="class")
    assert response.context["form"].errors["classroom"]
    response = write_to_school(client, world.school, audience="class", classroom=world.classroom.pk)
    assert response.status_code == 302
    word = Word.objects.get()
    assert word.classroom == world.classroom
    assert list(word.concerns.values_list("child_id", flat=True)) == [world.pupil.pk]


def test_choices_are_kept_once_each_and_offered_to_parents(client, world):
    client.force_login(world.teacher)
    write_to_class(
        client,
        world.classroom,
        question="choice",
        choices="Atelier cuisine\n  atelier cuisine \nJardinage\n\n",
    )
    word = Word.objects.get()
    assert word.choices == ["Atelier cuisine", "Jardinage"]
    client.force_login(world.parent)
    url = reverse("liaison:read", kwargs={"child_id": world.pupil.pk, "word_id": word.pk})
    page = client.get(url).content.decode()
    assert 'type="radio"' in page and "Jardinage" in page
    assert client.post(url, {"answer": "Piscine"}).status_code == 200
    assert client.post(url, {"answer": "Jardinage"}).status_code == 302
    assert word.acknowledgements.get().answer == "Jardinage"
