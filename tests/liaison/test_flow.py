"""Words to parents through the pages people use: the director writes to the school, a
parent acknowledges and answers for each child, the director follows, reminds and prints
the families not reached."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from classrooms.models import Membership
from liaison.models import Acknowledgement, Word, WordConcern
from notifications.models import Notification
from tests import factories
from tests.liaison.helpers import last_word, read_url, write_to_class, write_to_school

pytestmark = pytest.mark.django_db


@pytest.fixture
def families(world):
    """A parent with a child in each class of the school, and the other pupil's parent."""
    world.parent.email = "sophie@example.org"
    world.parent.save()
    other_parent = factories.UserFactory(
        username="otherparent", first_name="Marc", last_name="Petit", email="marc@example.org"
    )
    factories.GuardianshipFactory(parent=other_parent, child=world.other_pupil)
    factories.GuardianshipFactory(parent=world.parent, child=world.other_pupil)
    world.other_parent = other_parent
    return world


def test_the_director_writes_to_the_whole_school(
    client, families, django_capture_on_commit_callbacks
):
    client.force_login(families.director)
    with django_capture_on_commit_callbacks(execute=True):
        response = write_to_school(client, families.school)
    word = last_word()
    assert response.status_code == 302
    assert response.url == reverse("liaison:follow", kwargs={"word_id": word.pk})
    assert word.audience == Word.Audience.SCHOOL and word.classroom is None
    concerned = set(WordConcern.objects.filter(word=word).values_list("child_id", flat=True))
    assert concerned == {families.pupil.pk, families.other_pupil.pk}
    # One notice per child: Sophie has two children at the school.
    notes = Notification.objects.filter(kind="word_to_acknowledge")
    assert notes.filter(recipient=families.parent).count() == 2
    assert notes.filter(recipient=families.other_parent).count() == 1
    assert {n.url for n in notes.filter(recipient=families.parent)} == {
        read_url(word, families.pupil),
        read_url(word, families.other_pupil),
    }
    assert len(mail.outbox) == 3
    page = client.get(response.url).content.decode()
    assert "0 of 2 families have read it" in page or "0 familles sur 2" in page


def test_a_parent_acknowledges_once_per_child_and_may_change_the_answer(client, families):
    client.force_login(families.director)
    write_to_school(client, families.school)
    word = last_word()
    client.force_login(families.parent)
    url = read_url(word, families.pupil)
    page = client.get(url).content.decode()
    assert "Nous irons à la ferme vendredi." in page
    refused = client.post(url, {})
    assert refused.status_code == 200
    assert not Acknowledgement.objects.exists()
    assert client.post(url, {"answer": "yes"}).status_code == 302
    first = Acknowledgement.objects.get()
    assert (first.child, first.parent, first.answer) == (families.pupil, families.parent, "yes")
    client.post(url, {"answer": "no"})
    again = Acknowledgement.objects.get()
    assert again.answer == "no" and again.acknowledged_at == first.acknowledged_at
    # Still to acknowledge for the other child.
    notebook = client.get(reverse("liaison:child", kwargs={"child_id": families.other_pupil.pk}))
    assert notebook.context["to_read"][0].word_id == word.pk
    client.post(read_url(word, families.other_pupil), {"answer": "yes"})
    assert Acknowledgement.objects.count() == 2


def test_a_word_not_concerning_the_child_is_404(client, families):
    client.force_login(families.teacher)
    write_to_class(client, families.classroom)
    word = last_word()
    client.force_login(families.other_parent)
    assert client.get(read_url(word, families.pupil)).status_code == 404
    assert client.get(read_url(word, families.other_pupil)).status_code == 404
    client.force_login(families.parent)
    assert client.get(read_url(word, families.other_pupil)).status_code == 404
    assert client.get(read_url(word, families.pupil)).status_code == 200


def test_staff_cannot_write_an_acknowledgement(client, families):
    client.force_login(families.director)
    write_to_school(client, families.school)
    word = last_word()
    for person in (families.director, families.teacher, families.pupil, families.outsider):
        client.force_login(person)
        response = client.post(read_url(word, families.pupil), {"answer": "yes"})
        assert response.status_code == 404, person
    assert not Acknowledgement.objects.exists()


def test_the_follow_up_counts_and_the_reminder_reaches_the_others(
    client, families, django_capture_on_commit_callbacks
):
    client.force_login(families.director)
    write_to_school(client, families.school)
    word = last_word()
    client.force_login(families.other_parent)
    client.post(read_url(word, families.other_pupil), {"answer": "no"})
    mail.outbox.clear()

    client.force_login(families.director)
    follow = client.get(reverse("liaison:follow", kwargs={"word_id": word.pk}))
    table = follow.context["table"]
    assert (table.reached, table.total) == (1, 2)
    assert dict(table.tally) == {"Yes": 0, "No": 1} or dict(table.tally) == {"Oui": 0, "Non": 1}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("liaison:remind", kwargs={"word_id": word.pk}), follow=True)
    assert response.status_code == 200
    reminders = Notification.objects.filter(kind="word_reminder")
    assert [n.recipient for n in reminders] == [families.parent]
    assert reminders.get().url == read_url(word, families.pupil)
    assert [m.to for m in mail.outbox] == [["sophie@example.org"]]
    assert Word.objects.get().reminded_at is not None

    # A second click within the hour reminds nobody, and says when it will be possible.
    client.post(reverse("liaison:remind", kwargs={"word_id": word.pk}))
    assert Notification.objects.filter(kind="word_reminder").count() == 1
    Word.objects.update(reminded_at=timezone.now() - timedelta(hours=2))
    client.post(reverse("liaison:remind", kwargs={"word_id": word.pk}))
    assert Notification.objects.filter(kind="word_reminder").count() == 2


def test_the_printable_list_holds_only_the_families_not_reached(client, families):
    client.force_login(families.director)
    write_to_school(client, families.school)
    word = last_word()
    client.force_login(families.other_parent)
    client.post(read_url(word, families.other_pupil), {"answer": "yes"})
    client.force_login(families.director)
    page = client.get(reverse("liaison:print", kwargs={"word_id": word.pk})).content.decode()
    assert "Léa Martin" in page and "Sophie Martin" in page
    assert "Tom Petit" not in page
    assert "Marc Petit" not in page
    assert "@media print" not in page  # the stylesheet prints it, no inline style


def test_a_teacher_writes_to_a_group_and_to_chosen_pupils(client, families):
    classmate = factories.UserFactory(username="classmate", first_name="Jade", last_name="Roy")
    factories.MembershipFactory(
        user=classmate, classroom=families.classroom, role=Membership.Role.PUPIL
    )
    from classrooms.models import PupilGroup

    group = PupilGroup.objects.create(classroom=families.classroom, name="Les hiboux")
    group.pupils.add(classmate)
    client.force_login(families.teacher)
    write_to_class(client, families.classroom, audience="group", group=group.pk)
    word = last_word()
    assert list(word.concerns.values_list("child_id", flat=True)) == [classmate.pk]
    write_to_class(client, families.classroom, audience="pupils", pupils=[families.pupil.pk])
    word = last_word()
    assert list(word.concerns.values_list("child_id", flat=True)) == [families.pupil.pk]
    # A pupil of another class cannot be slipped in.
    response = write_to_class(
        client, families.classroom, audience="pupils", pupils=[families.other_pupil.pk]
    )
    assert response.status_code == 200 and Word.objects.count() == 2


def test_the_notebook_lists_words_to_read_first_then_the_history(client, families):
    client.force_login(families.teacher)
    write_to_class(client, families.classroom, title="Piscine")
    write_to_class(client, families.classroom, title="Cantine")
    piscine = Word.objects.get(title="Piscine")
    client.force_login(families.parent)
    client.post(read_url(piscine, families.pupil))
    page = client.get(reverse("liaison:child", kwargs={"child_id": families.pupil.pk}))
    assert [c.word.title for c in page.context["to_read"]] == ["Cantine"]
    assert [c.word.title for c in page.context["history"]] == ["Piscine"]
    index = client.get(reverse("liaison:index")).content.decode()
    assert reverse("liaison:child", kwargs={"child_id": families.pupil.pk}) in index


def test_pupils_and_outsiders_have_no_carnet(client, families):
    for person in (families.pupil, families.outsider):
        client.force_login(person)
        assert client.get(reverse("liaison:index")).status_code == 404
        url = reverse("liaison:child", kwargs={"child_id": families.pupil.pk})
        assert client.get(url).status_code == 404


def test_the_carnet_is_reached_from_my_spaces_and_the_class_space(client, families):
    client.force_login(families.parent)
    spaces = client.get(reverse("accounts:my_spaces")).content.decode()
    assert reverse("liaison:index") in spaces
    class_page = client.get(families.classroom.url).content.decode()
    assert reverse("liaison:child", kwargs={"child_id": families.pupil.pk}) in class_page
    client.force_login(families.teacher)
    class_page = client.get(families.classroom.url).content.decode()
    assert reverse("liaison:new_class", kwargs={"classroom_id": families.classroom.pk}) in (
        class_page
    )
    client.force_login(families.outsider)
    spaces = client.get(reverse("accounts:my_spaces")).content.decode()
    assert reverse("liaison:index") not in spaces
