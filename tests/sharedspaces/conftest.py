"""A world for shared spaces: two schools, the host class (CM1, school A), an invited class
of school B (CE2), a third class of school A that never joins, their people, and a space
created by the host class's teacher. Activity tests (forum, newspaper, stories) build on it.
"""

from dataclasses import dataclass

import pytest
from django.utils import timezone

from classrooms.models import Membership
from pages.models import SchoolStaff
from sharedspaces.models import SharedSpace, SpaceClass
from tests import factories


@dataclass
class SpaceWorld:
    school_a: object
    school_b: object
    host: object  # CM1 of school A, whose teacher created the space
    guest: object  # CE2 of school B, invited
    third: object  # CP of school A, never in the space
    host_teacher: object
    guest_teacher: object
    third_teacher: object
    host_pupil: object
    guest_pupil: object
    third_pupil: object
    host_parent: object
    guest_parent: object
    director_a: object
    director_b: object


def _member(classroom, username, role, first_name):
    user = factories.UserFactory(username=username, first_name=first_name, last_name="Test")
    Membership.objects.create(user=user, classroom=classroom, role=role)
    return user


@pytest.fixture
def space_world(db):
    portal = factories.portal()
    school_a = factories.SchoolPageFactory(parent=portal, title="École Jean-Jaurès")
    school_b = factories.SchoolPageFactory(parent=portal, title="École du Bourg", town="Vertou")
    host = factories.ClassroomPageFactory(parent=school_a, title="CM1 de M. Benali")
    guest = factories.ClassroomPageFactory(parent=school_b, title="CE2 de Mme Petit")
    third = factories.ClassroomPageFactory(parent=school_a, title="CP de Mme Durand")
    teacher = Membership.Role.TEACHER
    pupil = Membership.Role.PUPIL
    world = SpaceWorld(
        school_a=school_a,
        school_b=school_b,
        host=host,
        guest=guest,
        third=third,
        host_teacher=_member(host, "hostteacher", teacher, "Karim"),
        guest_teacher=_member(guest, "guestteacher", teacher, "Aurélie"),
        third_teacher=_member(third, "thirdteacher", teacher, "Claire"),
        host_pupil=_member(host, "hostpupil", pupil, "Lucas"),
        guest_pupil=_member(guest, "guestpupil", pupil, "Emma"),
        third_pupil=_member(third, "thirdpupil", pupil, "Nathan"),
        host_parent=factories.UserFactory(username="hostparent", first_name="Samir"),
        guest_parent=factories.UserFactory(username="guestparent", first_name="Pauline"),
        director_a=factories.UserFactory(username="directora"),
        director_b=factories.UserFactory(username="directorb"),
    )
    factories.GuardianshipFactory(parent=world.host_parent, child=world.host_pupil)
    factories.GuardianshipFactory(parent=world.guest_parent, child=world.guest_pupil)
    SchoolStaff.objects.create(school=school_a, user=world.director_a, role="director")
    SchoolStaff.objects.create(school=school_b, user=world.director_b, role="director")
    return world


def make_space(world, activity, *, guest_status=SpaceClass.Status.ACCEPTED, parents_read=True):
    """A space of `activity` created by the host class's teacher, the guest class in it."""
    space = SharedSpace.objects.create(
        title="Club de lecture des Pins",
        activity=activity,
        parents_read=parents_read,
        created_by=world.host_teacher,
    )
    now = timezone.now()
    SpaceClass.objects.create(
        space=space,
        classroom=world.host,
        status=SpaceClass.Status.ACCEPTED,
        position=1,
        invited_by=world.host_teacher,
        answered_at=now,
    )
    SpaceClass.objects.create(
        space=space,
        classroom=world.guest,
        status=guest_status,
        position=2,
        invited_by=world.host_teacher,
    )
    return space
