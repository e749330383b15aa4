"""The teacher's queue says where a comment from outside the class comes from: a partner
pupil "Emma R." is not mistaken for the class's own Emma (Préau issue 23)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from classrooms.models import BlogEntryPage, Membership
from comments import services
from comments.queue import _read_pending
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(world):
    page = factories.BlogEntryPageFactory(parent=world.classroom, title="Nos haricots")
    page.authors.set([world.pupil])
    page.save_revision().publish()
    return BlogEntryPage.objects.get(pk=page.pk)


def partner_pupil(portal, number):
    school = factories.SchoolPageFactory(parent=portal, title=f"École du Bourg {number}")
    classroom = factories.ClassroomPageFactory(parent=school, title=f"CE1 du Bourg {number}")
    pupil = factories.UserFactory(
        username=f"bourgpupil{number}", first_name="Emma", last_name="Rousseau"
    )
    factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    return pupil


def test_the_queue_shows_the_class_and_school_of_an_outside_author(client, world, portal, entry):
    classmate = factories.UserFactory(username="emma", first_name="Emma", last_name="Roux")
    factories.MembershipFactory(user=classmate, classroom=world.classroom)
    services.post(entry, classmate, liked="les dessins du jardin")
    services.post(entry, partner_pupil(portal, 1), liked="les haricots géants")
    client.force_login(world.teacher)
    url = reverse("comments:queue", kwargs={"classroom_id": world.classroom.pk})
    html = client.get(url).content.decode()
    origin = '<span class="comment__origin">(CE1 du Bourg 1, École du Bourg 1)'
    assert f"Emma R.</strong> {origin}" in html
    # The class's own pupil gets no origin: the teacher knows her.
    assert html.count('class="comment__origin"') == 1


def test_the_origins_cost_the_same_queries_for_one_author_or_ten(world, portal, entry):
    services.post(entry, partner_pupil(portal, 0), liked="un")
    with CaptureQueriesContext(connection) as few:
        comments = _read_pending(world.classroom, None)
    assert [comment.author_origin for comment in comments] == ["CE1 du Bourg 0, École du Bourg 0"]
    for number in range(1, 10):
        services.post(entry, partner_pupil(portal, number), liked=f"commentaire {number}")
    with CaptureQueriesContext(connection) as many:
        comments = _read_pending(world.classroom, None)
    assert len(comments) == 10 and all(comment.author_origin for comment in comments)
    assert len(many) == len(few) <= 4
