"""Pedagogical advisers: attached to schools by the portal administrator in the Wagtail
admin, they create a space without a class of their own, invite classes and run the space
with its teachers; they never review a pupil's contribution (their own teacher does)."""

import pytest
from django.urls import reverse

from forum.models import Post, Status, Topic
from sharedspaces.models import Adviser, SharedSpace, SpaceClass
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def adviser(space_world):
    person = factories.UserFactory(username="helene.girard", first_name="Hélène")
    Adviser.objects.create(user=person, school=space_world.school_a, circonscription="Nord")
    return person


def test_the_portal_administrator_attaches_an_adviser_to_a_school(client, space_world):
    admin = factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    person = factories.UserFactory(username="helene.girard")
    client.force_login(admin)
    url = reverse("advisers:add")
    response = client.post(
        url, {"username": "nobody", "school": space_world.school_b.pk, "circonscription": "Sud"}
    )
    assert response.status_code == 200 and "nobody" in response.content.decode()
    assert not Adviser.objects.exists()
    response = client.post(
        url,
        {"username": "helene.girard", "school": space_world.school_b.pk, "circonscription": "Sud"},
    )
    assert response.status_code == 302
    assert Adviser.objects.get().user == person
    # A teacher does not reach it.
    client.force_login(space_world.host_teacher)
    assert client.get(reverse("advisers:index")).status_code in (302, 403)


def test_an_adviser_creates_a_club_and_runs_it_without_reviewing_pupils(
    client, space_world, adviser
):
    world = space_world
    client.force_login(adviser)
    assert "/espaces-partages/" in client.get(reverse("accounts:my_spaces")).content.decode()
    response = client.post(
        reverse("sharedspaces:new"),
        {"activity": "reading_club", "title": "Club de la circonscription", "host": ""},
    )
    space = SharedSpace.objects.get(title="Club de la circonscription")
    assert response.status_code == 302 and not space.classes.exists()
    for classroom in (world.host, world.guest):
        client.post(
            reverse("sharedspaces:invite", kwargs={"space_id": space.pk}),
            {"classroom": classroom.pk},
        )
    for teacher, classroom in (
        (world.host_teacher, world.host),
        (world.guest_teacher, world.guest),
    ):
        client.force_login(teacher)
        row = SpaceClass.objects.get(space=space, classroom=classroom)
        client.post(
            reverse(
                "sharedspaces:answer",
                kwargs={"space_id": space.pk, "row_id": row.pk, "action": "accept"},
            )
        )
    assert space.classes.filter(status="accepted").count() == 2
    client.force_login(adviser)
    club = reverse("forum:home", kwargs={"space_id": space.pk})
    assert client.get(club).status_code == 200
    topic = Topic.objects.create(
        space=space, title="Matilda", author_name="Hélène G.", created_by=adviser
    )
    post = Post.objects.create(
        topic=topic,
        author=world.host_pupil,
        author_name="Lucas T.",
        classroom=world.host,
        text="J'aime Matilda.",
    )
    approve = reverse(
        "forum:review_post", kwargs={"space_id": space.pk, "post_id": post.pk, "action": "approve"}
    )
    assert client.post(approve).status_code == 404
    assert Post.objects.get().status == Status.PENDING
    # The adviser pins the topic: they run the space.
    pin = reverse(
        "forum:topic_action", kwargs={"space_id": space.pk, "topic_id": topic.pk, "action": "pin"}
    )
    assert client.post(pin).status_code == 302
