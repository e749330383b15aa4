"""A world for the library: two schools with a teacher each (and a second teacher in
school A), their director, a pupil, a parent, a municipality agent, an exercise and a
writing assignment of school A's class, and `make_resource` to publish one."""

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile

from classrooms.models import Membership
from home.demo.pdf import tiny_pdf
from library.models import Resource, ResourceFile
from pages.models import SchoolStaff
from tests import factories


@dataclass
class LibraryWorld:
    school_a: object
    school_b: object
    class_a: object  # CM1, Karim
    class_a2: object  # CP, Claire (same school)
    class_b: object  # CE1, Aurélie
    karim: object
    claire: object
    aurelie: object
    director_a: object
    pupil: object
    parent: object
    agent: object
    exercise: object
    assignment: object


def _member(classroom, username, role, first_name, last_name="Test"):
    user = factories.UserFactory(username=username, first_name=first_name, last_name=last_name)
    Membership.objects.create(user=user, classroom=classroom, role=role)
    if role == Membership.Role.TEACHER:
        factories.SchoolStaffFactory(
            user=user, school=classroom.get_parent().specific, role=SchoolStaff.Role.TEACHER
        )
    return user


@pytest.fixture
def library_world(db):
    portal = factories.portal()
    school_a = factories.SchoolPageFactory(parent=portal, title="École Jean-Jaurès")
    school_b = factories.SchoolPageFactory(parent=portal, title="École du Bourg", town="Vertou")
    class_a = factories.ClassroomPageFactory(parent=school_a, title="CM1 de M. Benali", level="CM1")
    class_a2 = factories.ClassroomPageFactory(parent=school_a, title="CP de Mme Durand")
    class_b = factories.ClassroomPageFactory(parent=school_b, title="CE1 de Mme Petit", level="CE1")
    teacher, pupil_role = Membership.Role.TEACHER, Membership.Role.PUPIL
    karim = _member(class_a, "karim", teacher, "Karim", "Benali")
    exercise = factories.ExercisePageFactory(
        parent=class_a,
        title="Fractions du quotidien",
        body=[
            ("instruction", {"text": "Lis chaque question.", "audio": None}),
            (
                "short_answer",
                {"prompt": "Combien de quarts dans une unité ?", "answers": "4"},
            ),
        ],
    )
    assignment = factories.WritingAssignmentPageFactory(
        parent=class_a, title="Raconte ta sortie", instructions="<p>Raconte en cinq phrases.</p>"
    )
    pupil = _member(class_a, "lucas", pupil_role, "Lucas")
    parent = factories.UserFactory(username="parent", first_name="Samir")
    factories.GuardianshipFactory(parent=parent, child=pupil)
    director_a = factories.UserFactory(username="directora", first_name="Hélène")
    factories.SchoolStaffFactory(user=director_a, school=school_a)
    municipality = factories.MunicipalityPageFactory(parent=portal, title="Saint-Aubin")
    agent = factories.UserFactory(username="agent")
    factories.MunicipalityAgentFactory(user=agent, municipality=municipality)
    return LibraryWorld(
        school_a=school_a,
        school_b=school_b,
        class_a=class_a,
        class_a2=class_a2,
        class_b=class_b,
        karim=karim,
        claire=_member(class_a2, "claire", teacher, "Claire", "Durand"),
        aurelie=_member(class_b, "aurelie", teacher, "Aurélie", "Petit"),
        director_a=director_a,
        pupil=pupil,
        parent=parent,
        agent=agent,
        exercise=exercise,
        assignment=assignment,
    )


def make_resource(author, school, **fields):
    """A resource as the publish form saves it; a document gets a small PDF."""
    values = {
        "title": "Les fractions",
        "description": "Une fiche pour découvrir les fractions avec des pizzas.",
        "kind": "document",
        "cycle": "3",
        "levels": ",CM1,",
        "subject": "mathematiques",
        "domain": "nombres-et-calculs",
        "duration": 45,
        "licence": "cc-by",
        "scope": "school",
        "author_name": author.get_full_name(),
    }
    values.update(fields)
    resource = Resource.objects.create(author=author, school=school, **values)
    if resource.kind == "document":
        data = tiny_pdf(resource.title)
        ResourceFile.objects.create(
            resource=resource,
            kind="document",
            extension="pdf",
            content_type="application/pdf",
            size=len(data),
            file=ContentFile(data, name="1.pdf"),
        )
    return resource
