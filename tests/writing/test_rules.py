"""writing.rules, one rule at a time: for whom an assignment is set, who reads a text
(a parent only once it is shared), who writes it (by its status), who marks it (assistants
when the assignment lets them) and who publishes it (only when it is ready).

The HTTP side of the same rules, role by role, is in tests/permissions (the matrix)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from classrooms.models import Membership, PupilGroup
from tests import factories
from writing import rules
from writing.models import Text, TextStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def assistant(world):
    person = factories.UserFactory(username="atsem", first_name="Sylvie", last_name="Marchand")
    factories.MembershipFactory(
        user=person, classroom=world.classroom, role=Membership.Role.ASSISTANT
    )
    return person


@pytest.fixture
def classmate(world):
    person = factories.UserFactory(username="ines", first_name="Inès", last_name="Bah")
    factories.MembershipFactory(user=person, classroom=world.classroom, role=Membership.Role.PUPIL)
    return person


def assignment_of(world, **fields):
    assignment = factories.WritingAssignmentPageFactory(parent=world.classroom, **fields)
    assignment.save_revision().publish()
    return assignment


def text_of(assignment, *authors, **fields):
    text = Text.objects.create(assignment=assignment, title="Ma grenouille", **fields)
    text.authors.set(authors)
    return text


# is_for: the whole class, or the pupils and groups it is set for.


def test_an_assignment_for_nobody_in_particular_is_for_the_whole_class(world, classmate):
    assignment = assignment_of(world)

    assert rules.is_for(assignment, world.pupil)
    assert rules.is_for(assignment, classmate)


def test_an_assignment_set_for_a_pupil_is_for_that_pupil_only(world, classmate):
    assignment = assignment_of(world)
    assignment.assigned_pupils.set([world.pupil])
    assignment.save()

    assert rules.is_for(assignment, world.pupil)
    assert not rules.is_for(assignment, classmate)


def test_an_assignment_set_for_a_group_is_for_its_pupils_only(world, classmate):
    herons = PupilGroup.objects.create(classroom=world.classroom, name="Les hérons")
    herons.pupils.set([classmate])
    assignment = assignment_of(world)
    assignment.assigned_groups.set([herons])
    assignment.save()

    assert rules.is_for(assignment, classmate)
    assert not rules.is_for(assignment, world.pupil)


def test_an_assignment_for_a_group_and_a_pupil_is_for_both(world, classmate):
    herons = PupilGroup.objects.create(classroom=world.classroom, name="Les hérons")
    herons.pupils.set([classmate])
    third = factories.UserFactory(username="noe", first_name="Noé", last_name="Blanc")
    factories.MembershipFactory(user=third, classroom=world.classroom, role=Membership.Role.PUPIL)
    assignment = assignment_of(world)
    assignment.assigned_groups.set([herons])
    assignment.assigned_pupils.set([world.pupil])
    assignment.save()

    assert rules.is_for(assignment, classmate)
    assert rules.is_for(assignment, world.pupil)
    assert not rules.is_for(assignment, third)


# may_read: authors and staff; parents of an author once shared; nobody outside.


def test_authors_and_staff_read_a_text_and_a_classmate_does_not(world, assistant, classmate):
    text = text_of(assignment_of(world), world.pupil)

    for reader in (world.pupil, world.teacher, assistant, world.director):
        assert rules.may_read(reader, text, world.classroom), reader
    assert not rules.may_read(classmate, text, world.classroom)


def test_a_parent_reads_their_childs_text_only_once_it_is_shared(world):
    text = text_of(assignment_of(world), world.pupil)

    assert not rules.may_read(world.parent, text, world.classroom)

    text.shared_with_parents = True
    text.save()

    assert rules.may_read(world.parent, text, world.classroom)


def test_a_shared_text_is_not_for_the_parents_of_other_pupils(world, classmate):
    other_parent = factories.UserFactory(username="marc", first_name="Marc", last_name="Bah")
    factories.GuardianshipFactory(parent=other_parent, child=classmate)
    text = text_of(assignment_of(world), world.pupil, shared_with_parents=True)

    assert not rules.may_read(other_parent, text, world.classroom)


def test_nobody_outside_the_class_reads_a_text_even_shared(world):
    text = text_of(assignment_of(world), world.pupil, shared_with_parents=True)

    for outsider in (world.outsider, world.other_pupil, AnonymousUser()):
        assert not rules.may_read(outsider, text, world.classroom), outsider


# may_write: the authors while it is theirs, the teachers until it is published.


@pytest.mark.parametrize(
    ("status", "author_writes"),
    [
        (TextStatus.WRITING, True),
        (TextStatus.HANDED_IN, False),
        (TextStatus.TO_REWRITE, True),
        (TextStatus.READY, False),
        (TextStatus.PUBLISHED, False),
    ],
)
def test_who_writes_a_text_depends_on_its_status(world, assistant, status, author_writes):
    text = text_of(assignment_of(world), world.pupil, status=status)

    assert rules.may_write(world.pupil, text, world.classroom) is author_writes
    assert rules.may_write(world.teacher, text, world.classroom) is (status != TextStatus.PUBLISHED)
    for reader in (assistant, world.director, world.parent):
        assert not rules.may_write(reader, text, world.classroom), reader


def test_a_gathered_text_is_written_by_nobody(world):
    assignment = assignment_of(world)
    gathered = text_of(assignment, world.pupil, status=TextStatus.TO_REWRITE)
    text = text_of(assignment, world.pupil, status=TextStatus.WRITING, gathered_into=gathered)

    assert not rules.may_write(world.pupil, text, world.classroom)
    assert not rules.may_write(world.teacher, text, world.classroom)


def test_a_pupil_writes_only_their_own_text(world, classmate):
    text = text_of(assignment_of(world), world.pupil)

    assert not rules.may_write(classmate, text, world.classroom)


# may_mark: the teachers; the assistants when the assignment lets them; never the director.


def test_assistants_mark_only_when_the_assignment_lets_them(world, assistant):
    closed = assignment_of(world, assistants_may_mark=False)
    open_ = assignment_of(world, assistants_may_mark=True)

    assert not rules.may_mark(assistant, closed, world.classroom)
    assert rules.may_mark(assistant, open_, world.classroom)
    for assignment in (closed, open_):
        assert rules.may_mark(world.teacher, assignment, world.classroom)
        for other in (world.director, world.pupil, world.parent, AnonymousUser()):
            assert not rules.may_mark(other, assignment, world.classroom), other


# may_publish: only a ready text, by its authors or teachers.


@pytest.mark.parametrize("status", list(TextStatus))
def test_a_text_is_published_only_when_ready(world, status):
    text = text_of(assignment_of(world), world.pupil, status=status)

    ready = status == TextStatus.READY
    assert rules.may_publish(world.pupil, text, world.classroom) is ready
    assert rules.may_publish(world.teacher, text, world.classroom) is ready


def test_a_ready_text_is_published_by_its_authors_and_teachers_only(world, assistant, classmate):
    text = text_of(assignment_of(world), world.pupil, status=TextStatus.READY)

    for other in (classmate, assistant, world.director, world.parent):
        assert not rules.may_publish(other, text, world.classroom), other


def test_a_ready_text_gathered_into_another_is_not_published(world):
    assignment = assignment_of(world)
    gathered = text_of(assignment, world.pupil, status=TextStatus.TO_REWRITE)
    text = text_of(assignment, world.pupil, status=TextStatus.READY, gathered_into=gathered)

    assert not rules.may_publish(world.pupil, text, world.classroom)
