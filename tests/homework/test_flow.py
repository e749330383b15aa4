"""The diary through the pages its people use: the teacher writes a session with
differentiated homework, pupils see theirs and tick it, parents see their child's, the
teacher sees who did; an outdated edit is refused with nothing lost."""

import datetime

import pytest
from django.urls import reverse

from homework.models import Audience, HomeworkItem, ItemDone, Session
from notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db


def item_data(prefix, *, text="", due="", audience="class", group="", pupils=(), pk=""):
    data = {
        f"{prefix}-due_date": due,
        f"{prefix}-text": text,
        f"{prefix}-audience": audience,
        f"{prefix}-group": group,
        f"{prefix}-id": pk,
    }
    if pupils:
        data[f"{prefix}-pupils"] = list(pupils)
    return data


def session_data(diary, *, items=(), initial=0, **extra):
    data = {
        "date": diary.today.isoformat(),
        "title": "Lecture : Le loup",
        "text": "Nous avons lu l'album. Voir https://example.org/loup",
        "items-TOTAL_FORMS": str(max(len(items), 1)),
        "items-INITIAL_FORMS": str(initial),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "20",
        **extra,
    }
    for index, item in enumerate(items):
        data.update(item_data(f"items-{index}", **item))
    if not items:
        data.update(item_data("items-0"))
    return data


def write(client, diary, **kwargs):
    client.force_login(diary.world.teacher)
    url = reverse("homework:session_new", kwargs={"classroom_id": diary.world.classroom.pk})
    return client.post(url, session_data(diary, **kwargs))


def tomorrow(diary):
    return (diary.today + datetime.timedelta(days=1)).isoformat()


def test_a_teacher_writes_differentiated_homework_and_pupils_see_only_theirs(client, diary):
    response = write(
        client,
        diary,
        items=[
            {"text": "Relire la page 12", "due": tomorrow(diary)},
            {
                "text": "Fiche des hiboux",
                "due": tomorrow(diary),
                "audience": "group",
                "group": diary.group.pk,
            },
        ],
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    session = Session.objects.get()
    assert session.items.count() == 2 and session.announced_at is not None

    client.force_login(diary.grouped)
    page = client.get(diary.page.url).content.decode()
    assert "Fiche des hiboux" in page and "Relire la page 12" in page
    client.force_login(diary.ungrouped)
    page = client.get(diary.page.url).content.decode()
    assert "Relire la page 12" in page and "Fiche des hiboux" not in page
    assert 'href="https://example.org/loup"' in page

    # Notifications: the pupils concerned, and their parents, once.
    group_item = HomeworkItem.objects.get(audience=Audience.GROUP)
    told = set(Notification.objects.values_list("recipient__username", "kind"))
    assert told == {
        ("pupil", "homework_new_pupil"),
        ("noah", "homework_new_pupil"),
        ("parent", "homework_new_parent"),
        ("noahparent", "homework_new_parent"),
    }
    assert group_item.group == diary.group


def test_only_the_group_and_its_parents_are_told_of_group_only_homework(client, diary):
    write(
        client,
        diary,
        items=[
            {"text": "Fiche", "due": tomorrow(diary), "audience": "group", "group": diary.group.pk}
        ],
    )
    told = set(Notification.objects.values_list("recipient__username", flat=True))
    assert told == {"pupil", "parent"}


def test_an_edit_does_not_tell_families_again(client, diary):
    write(client, diary, items=[{"text": "Relire", "due": tomorrow(diary)}])
    session = Session.objects.get()
    item = session.items.get()
    before = Notification.objects.count()
    url = reverse("homework:session_edit", kwargs={"session_id": session.pk})
    data = session_data(
        diary,
        items=[{"text": "Relire deux fois", "due": tomorrow(diary), "pk": item.pk}],
        initial=1,
        version=session.updated_at.isoformat(),
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Notification.objects.count() == before
    item.refresh_from_db()
    assert item.text == "Relire deux fois"


def test_a_forged_group_of_another_class_saves_nothing(client, diary):
    from classrooms.models import PupilGroup

    foreign = PupilGroup.objects.create(classroom=diary.world.other_classroom, name="Autres")
    response = write(
        client,
        diary,
        items=[{"text": "Fiche", "due": tomorrow(diary), "audience": "group", "group": foreign.pk}],
    )
    assert response.status_code == 200
    assert not Session.objects.exists() and not HomeworkItem.objects.exists()
    assert "Lecture : Le loup" in response.content.decode()  # nothing typed is lost


def test_a_forged_pupil_of_another_class_saves_nothing(client, diary):
    response = write(
        client,
        diary,
        items=[
            {
                "text": "Fiche",
                "due": tomorrow(diary),
                "audience": "pupils",
                "pupils": [diary.world.other_pupil.pk],
            }
        ],
    )
    assert response.status_code == 200
    assert not Session.objects.exists()


def test_an_outdated_edit_is_refused_and_keeps_what_was_typed(client, diary):
    write(client, diary, items=[{"text": "Relire", "due": tomorrow(diary)}])
    session = Session.objects.get()
    stale = session.updated_at.isoformat()
    Session.objects.filter(pk=session.pk).update(
        title="Changé entre-temps", updated_at=session.updated_at + datetime.timedelta(seconds=5)
    )
    url = reverse("homework:session_edit", kwargs={"session_id": session.pk})
    data = session_data(
        diary,
        items=[
            {"text": "Mon nouveau travail", "due": tomorrow(diary), "pk": session.items.get().pk}
        ],
        initial=1,
        version=stale,
        title="Mon titre à moi",
    )
    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Mon titre à moi" in page and "Mon nouveau travail" in page
    assert "Changé entre-temps" in page
    session.refresh_from_db()
    assert session.title == "Changé entre-temps"
    assert session.items.get().text == "Relire"
    # Sent again from the refused page, on purpose: it replaces the version it showed.
    data["version"] = session.updated_at.isoformat()
    assert client.post(url, data).status_code == 302
    session.refresh_from_db()
    assert session.title == "Mon titre à moi"


def test_a_pupil_ticks_and_unticks_and_the_teacher_sees_who(client, diary):
    session = factories.HomeworkSessionFactory(classroom=diary.world.classroom, date=diary.today)
    item = factories.HomeworkItemFactory(session=session, text="Apprendre la poésie")
    url = reverse("homework:tick", kwargs={"item_id": item.pk})
    client.force_login(diary.grouped)
    response = client.post(url, {"done": "1"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert 'name="done" value="0"' in response.content.decode()
    assert ItemDone.objects.filter(item=item, pupil=diary.grouped).exists()

    client.force_login(diary.world.teacher)
    page = client.get(diary.page.url).content.decode()
    assert "1 sur 2" in page or "1 of 2" in page
    assert diary.grouped.display_name in page

    client.force_login(diary.world.parent)
    page = client.get(diary.page.url).content.decode()
    assert "Apprendre la poésie" in page

    client.force_login(diary.grouped)
    response = client.post(url, {"done": "0"})  # without JavaScript: a plain form
    assert response.status_code == 302
    assert not ItemDone.objects.exists()


def test_only_the_pupil_ticks_and_only_their_items(client, diary):
    session = factories.HomeworkSessionFactory(classroom=diary.world.classroom, date=diary.today)
    group_item = factories.HomeworkItemFactory(
        session=session, audience=Audience.GROUP, group=diary.group
    )
    url = reverse("homework:tick", kwargs={"item_id": group_item.pk})
    for person in (diary.ungrouped, diary.world.parent, diary.world.teacher, diary.world.outsider):
        client.force_login(person)
        assert client.post(url, {"done": "1"}).status_code == 404, person
    assert not ItemDone.objects.exists()


def test_a_parent_sees_only_their_own_childs_items(client, diary):
    session = factories.HomeworkSessionFactory(classroom=diary.world.classroom, date=diary.today)
    factories.HomeworkItemFactory(
        session=session, audience=Audience.GROUP, group=diary.group, text="Pour les hiboux"
    )
    chosen = factories.HomeworkItemFactory(
        session=session, audience=Audience.PUPILS, text="Pour Noah seul"
    )
    chosen.pupils.add(diary.ungrouped)
    client.force_login(diary.world.parent)
    page = client.get(diary.page.url).content.decode()
    assert "Pour les hiboux" in page and "Pour Noah seul" not in page
    client.force_login(diary.ungrouped_parent)
    page = client.get(diary.page.url).content.decode()
    assert "Pour Noah seul" in page and "Pour les hiboux" not in page


def test_outsiders_get_404_on_every_page(client, diary):
    session = factories.HomeworkSessionFactory(classroom=diary.world.classroom, date=diary.today)
    item = factories.HomeworkItemFactory(session=session)
    client.force_login(diary.world.outsider)
    assert client.get(diary.page.url).status_code == 404
    for url in (
        reverse("homework:session_new", kwargs={"classroom_id": diary.world.classroom.pk}),
        reverse("homework:copy", kwargs={"classroom_id": diary.world.classroom.pk}),
        reverse("homework:session_edit", kwargs={"session_id": session.pk}),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("homework:tick", kwargs={"item_id": item.pk})).status_code == 404
    delete = reverse("homework:session_delete", kwargs={"session_id": session.pk})
    assert client.post(delete).status_code == 404
    assert Session.objects.exists()


def test_assistant_and_director_read_but_never_write(client, diary):
    session = factories.HomeworkSessionFactory(classroom=diary.world.classroom, date=diary.today)
    factories.HomeworkItemFactory(session=session, text="Compter jusqu’à 100")
    for person in (diary.assistant, diary.world.director):
        client.force_login(person)
        page = client.get(diary.page.url).content.decode()
        assert "Compter jusqu’à 100" in page
        url = reverse("homework:session_edit", kwargs={"session_id": session.pk})
        assert client.get(url).status_code == 404
        delete = reverse("homework:session_delete", kwargs={"session_id": session.pk})
        assert client.post(delete).status_code == 404
    assert Session.objects.exists()


def test_the_teachers_first_session_makes_the_diary(client, world):
    from homework.models import HomeworkDiaryPage

    client.force_login(world.teacher)
    wall = client.get(world.classroom.url).content.decode()
    new_url = reverse("homework:session_new", kwargs={"classroom_id": world.classroom.pk})
    assert new_url in wall
    data = {
        "date": "2026-09-07",
        "title": "Rentrée",
        "text": "",
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "20",
        "items-0-due_date": "",
        "items-0-text": "",
        "items-0-audience": "class",
    }
    response = client.post(new_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    diary = HomeworkDiaryPage.objects.child_of(world.classroom).get()
    assert diary.live and response.url.startswith(diary.url)


def test_a_forged_item_of_another_session_is_refused_and_left_alone(client, diary):
    write(client, diary, items=[{"text": "Relire", "due": tomorrow(diary)}])
    session = Session.objects.get()
    elsewhere = factories.HomeworkItemFactory(
        session=factories.HomeworkSessionFactory(classroom=diary.world.other_classroom),
        text="Travail d'une autre classe",
    )
    url = reverse("homework:session_edit", kwargs={"session_id": session.pk})
    data = session_data(
        diary,
        items=[{"text": "Volé", "due": tomorrow(diary), "pk": elsewhere.pk}],
        initial=1,
        version=session.updated_at.isoformat(),
    )
    response = client.post(url, data)
    assert response.status_code == 200
    elsewhere.refresh_from_db()
    assert elsewhere.text == "Travail d'une autre classe" and elsewhere.session != session
    assert session.items.get().text == "Relire"


def test_a_new_session_starts_on_today_in_the_date_picker(client, diary):
    """A date input reads only ISO dates: the day of class is filled in, not left blank."""
    client.force_login(diary.world.teacher)
    url = reverse("homework:session_new", kwargs={"classroom_id": diary.world.classroom.pk})
    html = client.get(url).content.decode()
    assert f'type="date" name="date" value="{diary.today.isoformat()}"' in html
