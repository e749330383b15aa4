"""Groups of pupils: made by the class's teachers and director, seen by their pupils."""

import pytest
from django.urls import reverse

from classrooms.models import PupilGroup
from tests import factories

pytestmark = pytest.mark.django_db


def groups_url(classroom):
    return reverse("classrooms:groups", kwargs={"classroom_id": classroom.pk})


def test_a_teacher_makes_a_group_and_its_pupils_see_it(client, world):
    client.force_login(world.teacher)
    assert groups_url(world.classroom) in client.get(world.classroom.url).content.decode()
    response = client.post(
        groups_url(world.classroom), {"name": "  Les   hiboux ", "pupils": [world.pupil.pk]}
    )
    assert response.status_code == 302
    group = PupilGroup.objects.get()
    assert group.name == "Les hiboux" and list(group.pupils.all()) == [world.pupil]
    client.force_login(world.pupil)
    assert "Ton groupe : Les hiboux" in client.get(world.classroom.url).content.decode()


def test_only_pupils_of_the_class_and_one_name_per_class(client, world):
    client.force_login(world.teacher)
    response = client.post(
        groups_url(world.classroom), {"name": "Lecture", "pupils": [world.other_pupil.pk]}
    )
    assert response.status_code == 400 and not PupilGroup.objects.exists()
    client.post(groups_url(world.classroom), {"name": "Lecture"})
    response = client.post(groups_url(world.classroom), {"name": "lecture"})
    assert response.status_code == 400
    assert "déjà un groupe" in response.content.decode()
    assert PupilGroup.objects.count() == 1


def test_renaming_regrouping_and_deleting(client, world):
    group = PupilGroup.objects.create(classroom=world.classroom, name="Équipe A")
    classmate = factories.UserFactory(username="hugo", first_name="Hugo")
    factories.MembershipFactory(user=classmate, classroom=world.classroom)
    client.force_login(world.director)
    edit = reverse("classrooms:group_edit", kwargs={"group_id": group.pk})
    client.post(
        edit, {f"group-{group.pk}-name": "Équipe B", f"group-{group.pk}-pupils": [classmate.pk]}
    )
    group.refresh_from_db()
    assert group.name == "Équipe B" and list(group.pupils.all()) == [classmate]
    client.post(reverse("classrooms:group_delete", kwargs={"group_id": group.pk}))
    assert not PupilGroup.objects.exists()


@pytest.mark.parametrize("who", ["pupil", "parent", "outsider", "other_pupil"])
def test_nobody_else_sees_or_changes_groups(client, world, who):
    group = PupilGroup.objects.create(classroom=world.classroom, name="Équipe A")
    client.force_login(getattr(world, who))
    assert client.get(groups_url(world.classroom)).status_code == 404
    assert client.post(groups_url(world.classroom), {"name": "Pirates"}).status_code == 404
    for name in ("group_edit", "group_delete"):
        url = reverse(f"classrooms:{name}", kwargs={"group_id": group.pk})
        assert client.post(url, {f"group-{group.pk}-name": "X"}).status_code == 404
    assert list(PupilGroup.objects.values_list("name", flat=True)) == ["Équipe A"]
