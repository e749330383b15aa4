"""A shared space's own pages: create, invite, accept, decline, leave, order; who gets in."""

import pytest
from django.urls import reverse

from notifications.models import Notification
from sharedspaces import activities
from sharedspaces.models import SharedSpace, SpaceClass
from tests.sharedspaces.conftest import make_space

pytestmark = pytest.mark.django_db

KEY = "test_activity"


@pytest.fixture(autouse=True)
def activity(monkeypatch):
    """An activity as the real ones register theirs: its home is the space's class list."""
    registered = activities.SpaceActivity(
        key=KEY,
        label="Activité d'essai",
        description="",
        icon="puzzle",
        home_url=lambda space: reverse("sharedspaces:classes", kwargs={"space_id": space.pk}),
        ordered=True,
    )
    monkeypatch.setitem(activities._activities, KEY, registered)
    return registered


def classes_url(space):
    return reverse("sharedspaces:classes", kwargs={"space_id": space.pk})


def answer_url(space, row, action):
    return reverse(
        "sharedspaces:answer", kwargs={"space_id": space.pk, "row_id": row.pk, "action": action}
    )


def test_a_teacher_creates_a_space_invites_a_class_whose_teacher_accepts(client, space_world):
    world = space_world
    client.force_login(world.host_teacher)
    response = client.post(
        reverse("sharedspaces:new"),
        {"activity": KEY, "title": "Club des Pins", "description": "", "host": world.host.pk},
    )
    space = SharedSpace.objects.get(title="Club des Pins")
    assert response.status_code == 302 and space.created_by == world.host_teacher
    assert SpaceClass.objects.get(space=space, classroom=world.host).status == "accepted"
    found = client.get(classes_url(space), {"q": "Bourg"})
    assert world.guest.title in found.content.decode()
    client.post(
        reverse("sharedspaces:invite", kwargs={"space_id": space.pk}), {"classroom": world.guest.pk}
    )
    row = SpaceClass.objects.get(space=space, classroom=world.guest)
    assert row.status == "invited"
    assert Notification.objects.filter(recipient=world.guest_teacher).exists()

    client.force_login(world.guest_pupil)
    assert client.get(classes_url(space)).status_code == 404
    client.force_login(world.guest_teacher)
    page = client.get(classes_url(space)).content.decode()
    assert "Accepter pour" in page or "Accept for" in page
    client.post(answer_url(space, row, "accept"))
    row.refresh_from_db()
    assert row.status == "accepted" and row.answered_by == world.guest_teacher
    client.force_login(world.guest_pupil)
    assert client.get(classes_url(space)).status_code == 200


def test_only_the_invited_classs_teacher_answers(client, space_world):
    world = space_world
    space = make_space(world, KEY, guest_status=SpaceClass.Status.INVITED)
    row = SpaceClass.objects.get(space=space, classroom=world.guest)
    for person in (world.host_teacher, world.third_teacher, world.guest_pupil):
        client.force_login(person)
        client.post(answer_url(space, row, "accept"))
        row.refresh_from_db()
        assert row.status == "invited"


def test_outsiders_get_404(client, space_world):
    world = space_world
    space = make_space(world, KEY)
    for person in (world.third_pupil, world.third_teacher):
        client.force_login(person)
        assert client.get(classes_url(space)).status_code == 404
        assert (
            client.get(reverse("sharedspaces:space", kwargs={"space_id": space.pk})).status_code
            == 404
        )
    for person in (world.host_pupil, world.guest_pupil, world.guest_parent, world.director_b):
        client.force_login(person)
        assert client.get(classes_url(space)).status_code == 200, person


def test_parents_read_only_when_the_space_says_so(client, space_world):
    world = space_world
    space = make_space(world, KEY, parents_read=False)
    client.force_login(world.host_parent)
    assert client.get(classes_url(space)).status_code == 404


def test_a_class_that_leaves_loses_access(client, space_world):
    world = space_world
    space = make_space(world, KEY)
    row = SpaceClass.objects.get(space=space, classroom=world.guest)
    client.force_login(world.guest_teacher)
    client.post(answer_url(space, row, "leave"))
    row.refresh_from_db()
    assert row.status == "left"
    for person in (world.guest_pupil, world.guest_parent, world.guest_teacher):
        client.force_login(person)
        assert client.get(classes_url(space)).status_code == 404
    client.force_login(world.host_teacher)
    assert world.host_teacher in [n.recipient for n in Notification.objects.all()]


def test_the_space_runners_put_the_classes_in_order(client, space_world):
    world = space_world
    space = make_space(world, KEY)
    row = SpaceClass.objects.get(space=space, classroom=world.guest)
    client.force_login(world.guest_pupil)
    client.post(
        reverse(
            "sharedspaces:move", kwargs={"space_id": space.pk, "row_id": row.pk, "direction": "up"}
        )
    )
    assert list(SpaceClass.objects.filter(space=space).values_list("classroom", flat=True)) == [
        world.host.pk,
        world.guest.pk,
    ]
    client.force_login(world.host_teacher)
    client.post(
        reverse(
            "sharedspaces:move", kwargs={"space_id": space.pk, "row_id": row.pk, "direction": "up"}
        )
    )
    assert list(SpaceClass.objects.filter(space=space).values_list("classroom", flat=True)) == [
        world.guest.pk,
        world.host.pk,
    ]


def test_my_spaces_lists_members_and_invitations(client, space_world):
    world = space_world
    space = make_space(world, KEY, guest_status=SpaceClass.Status.INVITED)
    client.force_login(world.guest_teacher)
    page = client.get(reverse("sharedspaces:index")).content.decode()
    assert space.title in page
    client.force_login(world.guest_pupil)
    assert space.title not in client.get(reverse("sharedspaces:index")).content.decode()
    client.force_login(world.host_pupil)
    assert space.title in client.get(reverse("sharedspaces:index")).content.decode()
