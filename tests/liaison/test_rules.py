"""Who writes, follows and reads words (liaison/rules.py), asked through the pages:
everyone else gets 404."""

import pytest
from django.urls import reverse

from classrooms.models import Membership
from tests import factories
from tests.liaison.helpers import last_word, write_to_class, write_to_school

pytestmark = pytest.mark.django_db


def status(client, person, url, method="get"):
    client.force_login(person)
    return getattr(client, method)(url).status_code


def test_only_directors_write_to_the_whole_school(client, world):
    url = reverse("liaison:new_school", kwargs={"school_id": world.school.pk})
    assert status(client, world.director, url) == 200
    for person in (world.teacher, world.parent, world.pupil, world.outsider):
        assert status(client, person, url) == 404, person


def test_a_class_is_written_to_by_its_teachers_and_the_director(client, world):
    url = reverse("liaison:new_class", kwargs={"classroom_id": world.classroom.pk})
    other_teacher = factories.UserFactory(username="otherteacher")
    factories.MembershipFactory(
        user=other_teacher, classroom=world.other_classroom, role=Membership.Role.TEACHER
    )
    assert status(client, world.teacher, url) == 200
    assert status(client, world.director, url) == 200
    for person in (other_teacher, world.parent, world.pupil, world.outsider):
        assert status(client, person, url) == 404, person


def test_the_follow_up_is_for_the_author_the_director_and_the_class_teachers(client, world):
    client.force_login(world.teacher)
    write_to_class(client, world.classroom)
    class_word = last_word()
    client.force_login(world.director)
    write_to_school(client, world.school)
    school_word = last_word()
    other_teacher = factories.UserFactory(username="otherteacher")
    factories.MembershipFactory(
        user=other_teacher, classroom=world.other_classroom, role=Membership.Role.TEACHER
    )
    for name in ("liaison:follow", "liaison:print"):
        class_url = reverse(name, kwargs={"word_id": class_word.pk})
        school_url = reverse(name, kwargs={"word_id": school_word.pk})
        assert status(client, world.teacher, class_url) == 200
        assert status(client, world.director, class_url) == 200
        assert status(client, world.director, school_url) == 200
        # A school word is the directors'; other teachers, parents, pupils: 404.
        assert status(client, world.teacher, school_url) == 404
        for person in (other_teacher, world.parent, world.pupil, world.outsider):
            assert status(client, person, class_url) == 404, (name, person)
    remind = reverse("liaison:remind", kwargs={"word_id": class_word.pk})
    for person in (other_teacher, world.parent, world.pupil, world.outsider):
        assert status(client, person, remind, "post") == 404
    assert class_word.__class__.objects.get(pk=class_word.pk).reminded_at is None


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    response = client.get(reverse("liaison:index"))
    assert response.status_code == 302 and "/compte/connexion/" in response.url
