"""The adults responsible: a teacher lets her pupils write to each other and reads their
conversations; a director opens a staff member to families; reports reach the teachers
and are marked handled; nobody deletes another person's message."""

import pytest
from django.urls import reverse

from classrooms.models import Membership
from messaging import rules, services
from messaging.models import ClassMessaging, Conversation, Message, Report
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def classmate(world):
    mate = factories.UserFactory(first_name="Hugo", last_name="Lenoir")
    factories.MembershipFactory(user=mate, classroom=world.classroom, role=Membership.Role.PUPIL)
    return mate


def allow_classmates(client, world, on=True):
    client.force_login(world.teacher)
    prefix = f"c{world.classroom.pk}"
    data = {"quoi": "classe", "classe": world.classroom.pk, f"{prefix}-charter": "Je suis poli."}
    if on:
        data[f"{prefix}-pupils_write_to_classmates"] = "on"
    return client.post(reverse("messaging:settings"), data)


def test_classmates_are_off_until_the_teacher_allows_them(client, world, classmate):
    assert classmate.pk not in rules.contacts_of(world.pupil).ids
    assert allow_classmates(client, world).status_code == 302
    assert ClassMessaging.objects.get(classroom=world.classroom).pupils_write_to_classmates
    assert classmate.pk in rules.contacts_of(world.pupil).ids
    assert world.other_pupil.pk not in rules.contacts_of(world.pupil).ids


def test_the_teacher_reads_her_pupils_conversation_and_cannot_write_in_it(client, world, classmate):
    allow_classmates(client, world)
    client.force_login(world.pupil)
    page = client.get(reverse("messaging:new")).content.decode()
    assert "Je suis poli." in page  # the class charter
    client.post(
        reverse("messaging:new"), {"to": [classmate.pk], "subject": "Récré", "body": "On joue ?"}
    )
    conversation = Conversation.objects.get()
    assert conversation.supervised_class_id == world.classroom.pk
    url = reverse("messaging:conversation", kwargs={"conversation_id": conversation.pk})

    client.force_login(world.teacher)
    listing = client.get(
        reverse("messaging:supervised", kwargs={"classroom_id": world.classroom.pk})
    )
    assert url in listing.content.decode()
    page = client.get(url)
    assert page.status_code == 200 and "On joue ?" in page.content.decode()
    assert 'id="reply-form"' not in page.content.decode()
    assert client.post(url, {"body": "Coucou"}).status_code == 404
    assert Message.objects.count() == 1

    for outsider in (world.director, world.parent, world.outsider):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    other_teacher = factories.UserFactory()
    factories.MembershipFactory(
        user=other_teacher, classroom=world.other_classroom, role=Membership.Role.TEACHER
    )
    client.force_login(other_teacher)
    assert client.get(url).status_code == 404
    assert (
        client.get(
            reverse("messaging:supervised", kwargs={"classroom_id": world.classroom.pk})
        ).status_code
        == 404
    )


def test_a_director_opens_a_staff_member_to_families(client, world):
    nurse = factories.UserFactory(first_name="Inès", last_name="Garnier")
    factories.SchoolStaffFactory(user=nurse, school=world.school, role="teacher")
    assert nurse.pk not in rules.contacts_of(world.parent).ids
    client.force_login(world.director)
    response = client.post(
        reverse("messaging:settings"),
        {"quoi": "ecole", "ecole": world.school.pk, "ouverts": [nurse.pk]},
    )
    assert response.status_code == 302
    assert nurse.pk in rules.contacts_of(world.parent).ids
    # Only the school's staff may be opened: anyone else is a forged request.
    response = client.post(
        reverse("messaging:settings"),
        {"quoi": "ecole", "ecole": world.school.pk, "ouverts": [world.outsider.pk]},
    )
    assert response.status_code == 404
    client.force_login(world.teacher)
    response = client.post(
        reverse("messaging:settings"),
        {"quoi": "ecole", "ecole": world.school.pk, "ouverts": [nurse.pk]},
    )
    assert response.status_code == 404


def test_a_report_reaches_the_pupils_teacher_who_marks_it_handled(client, world, classmate):
    ClassMessaging.objects.create(classroom=world.classroom, pupils_write_to_classmates=True)
    conversation, _rows = services.start(
        world.pupil, [classmate.pk], subject="", body="<p>T'es nul.</p>"
    )
    message = conversation.messages.get()
    client.force_login(classmate)
    client.post(
        reverse("messaging:report", kwargs={"message_id": message.pk}), {"reason": "Il est méchant"}
    )
    report = Report.objects.get()
    assert list(report.handlers.all()) == [world.teacher]
    client.force_login(world.teacher)
    page = client.get(reverse("messaging:reports")).content.decode()
    assert "T&#x27;es nul." in page or "T'es nul." in page
    assert "Il est méchant" in page
    client.force_login(world.director)
    assert (
        client.post(
            reverse("messaging:report_handled", kwargs={"report_id": report.pk})
        ).status_code
        == 404
    )
    client.force_login(world.teacher)
    client.post(reverse("messaging:report_handled", kwargs={"report_id": report.pk}))
    report.refresh_from_db()
    assert report.handled_by == world.teacher and report.handled_at is not None
    assert Message.objects.filter(pk=message.pk).exists()  # reported, never deleted


def test_an_author_cannot_report_their_own_message(client, world):
    conversation, _rows = services.start(
        world.teacher, [world.pupil.pk], subject="", body="<p>Bonjour</p>"
    )
    client.force_login(world.teacher)
    message = conversation.messages.get()
    assert (
        client.get(reverse("messaging:report", kwargs={"message_id": message.pk})).status_code
        == 404
    )


def test_too_many_messages_are_refused_and_the_text_comes_back(client, world, settings):
    settings.PREAU_MESSAGES_PER_WINDOW = 2
    conversation, _rows = services.start(
        world.parent, [world.teacher.pk], subject="", body="<p>Un</p>"
    )
    services.post(world.parent, conversation, body="<p>Deux</p>")
    client.force_login(world.parent)
    url = reverse("messaging:conversation", kwargs={"conversation_id": conversation.pk})
    response = client.post(url, {"body": "Trois, gardé"})
    assert response.status_code == 400
    assert "Trois, gardé" in response.content.decode()
    assert Message.objects.count() == 2


def test_a_report_by_the_supervising_teacher_reaches_the_director(client, world, classmate):
    """The class's only teacher reports what a pupil wrote to a classmate: the class's
    teachers minus the reporter is nobody, so the school's director is told."""
    ClassMessaging.objects.create(classroom=world.classroom, pupils_write_to_classmates=True)
    conversation, _rows = services.start(
        world.pupil, [classmate.pk], subject="Récré", body="<p>Personne ne t’aime.</p>"
    )
    message = conversation.messages.get()
    client.force_login(world.teacher)

    response = client.post(
        reverse("messaging:report", kwargs={"message_id": message.pk}), {"reason": "À voir"}
    )

    assert response.status_code == 302
    report = Report.objects.get()
    assert list(report.handlers.all()) == [world.director]
    client.force_login(world.director)
    assert "Personne ne t’aime." in client.get(reverse("messaging:reports")).content.decode()
    client.post(reverse("messaging:report_handled", kwargs={"report_id": report.pk}))
    report.refresh_from_db()
    assert report.handled_by == world.director


def test_a_pupil_reporting_their_only_teacher_reaches_the_director(client, world):
    conversation, _rows = services.start(
        world.teacher, [world.pupil.pk], subject="", body="<p>Viens me voir.</p>"
    )
    client.force_login(world.pupil)

    client.post(
        reverse("messaging:report", kwargs={"message_id": conversation.messages.get().pk}),
        {"reason": ""},
    )

    assert list(Report.objects.get().handlers.all()) == [world.director]


def test_nobody_excluded_is_ever_told_and_admins_come_last(world):
    """Without a director either, the portal's administrators; never the author nor the
    person reporting."""
    admin = factories.UserFactory(is_staff=True, is_superuser=True)
    conversation, _rows = services.start(
        world.teacher, [world.pupil.pk], subject="", body="<p>Bonjour</p>"
    )
    people = {world.teacher.pk, world.pupil.pk}
    assert rules.report_handlers(conversation, people) == [world.teacher]
    assert rules.report_handlers(conversation, people, exclude={world.teacher.pk}) == [
        world.director
    ]
    world.director.is_active = False
    world.director.save()
    assert rules.report_handlers(conversation, people, exclude={world.teacher.pk}) == [admin]
