"""Who may do what in a shared space: sharedspaces' one rules module, asked by every
view of the space and of its activities (forum/, newspaper/, stories/) through access.py.

Derived on every request from the rows: the space's classes (`SpaceClass`, read once per
request with the space) and what the person is (classrooms.person, one cached query).
Nothing about rights is stored:

- Members are the pupils, teachers and assistants of the space's *accepted* classes. A
  class that declined or left gives its people nothing: they get 404 like any outsider,
  and what its pupils wrote stays, signed with their first name and class.
- A member class that closes (its year's archive, schoolyear/) stays in the space for
  reading: its people (and its pupils' parents, when parents read the space) read what
  it shared for as long as they read the archive itself (classrooms.permissions), and
  write, answer and run nothing any more.
- Parents of the pupils of the accepted classes read the space when it says so
  (`parents_read`); they never write in it.
- The directors of the member classes' schools read it (a class space is its director's
  to see; what its pupils write in a shared space is too).
- The creator (a teacher or a pedagogical adviser) runs it for as long as the space
  lives; so do the teachers of its accepted classes: they invite, moderate and pin.
- A pupil's contribution waits for a teacher of *that pupil's* class (`may_review`).
- Everyone else gets 404 on every page, file and action.
"""

from dataclasses import dataclass, field

from accounts.people import is_active_person
from classrooms.models import Membership
from classrooms.permissions import can_view_classroom
from classrooms.person import person_of

from .models import SpaceClass


@dataclass(frozen=True)
class Standing:
    """A person's place in one shared space, for the views and templates of its activity."""

    space: object
    classes: tuple = ()  # every SpaceClass row of the space, with its classroom, in order
    pupil_class_ids: frozenset = field(default_factory=frozenset)  # member classes as pupil
    taught_class_ids: frozenset = field(default_factory=frozenset)  # as teacher
    assisted_class_ids: frozenset = field(default_factory=frozenset)  # as assistant (ATSEM)
    children: tuple = ()  # (child id, class id) of the viewer's children in member classes
    directs: bool = False
    creator: bool = False
    admin: bool = False
    all_taught_ids: frozenset = field(default_factory=frozenset)  # any class, member or not
    archive_reader: bool = False  # a member of a closed member class, which they still read

    @property
    def member_class_ids(self) -> frozenset:
        return frozenset(
            row.classroom_id for row in self.classes if row.status == SpaceClass.Status.ACCEPTED
        )

    @property
    def member_classes(self) -> list:
        return [row.classroom for row in self.classes if row.status == SpaceClass.Status.ACCEPTED]

    @property
    def may_read(self) -> bool:
        return bool(
            self.admin
            or self.creator
            or self.directs
            or self.pupil_class_ids
            or self.taught_class_ids
            or self.assisted_class_ids
            or self.archive_reader
            or (self.space.parents_read and self.children)
        )

    @property
    def is_pupil(self) -> bool:
        return bool(self.pupil_class_ids) and not self.is_staff

    @property
    def is_staff(self) -> bool:
        """Runs the space: its creator, its member classes' teachers, the portal admin."""
        return bool(self.admin or self.creator or self.taught_class_ids)

    @property
    def may_contribute(self) -> bool:
        """Writes in it: its member classes' pupils, teachers and assistants, its creator."""
        return bool(
            self.admin
            or self.creator
            or self.pupil_class_ids
            or self.taught_class_ids
            or self.assisted_class_ids
        )

    @property
    def pupil_class_id(self):
        """The member class a pupil writes from (a pupil is in one class per year)."""
        return min(self.pupil_class_ids) if self.pupil_class_ids else None

    def may_review(self, classroom_id) -> bool:
        """Approves or sends back what a pupil of this class wrote: that class's teachers."""
        return self.admin or classroom_id in self.taught_class_ids

    @property
    def may_manage(self) -> bool:
        """Invites classes, renames the space, pins and closes: the creator, member teachers."""
        return self.is_staff

    def may_answer_for(self, row) -> bool:
        """Accepts or declines an invitation, or leaves: that class's own teachers."""
        return self.admin or row.classroom_id in self.all_taught_ids


def standing_of(user, space, rows) -> Standing:
    """The person's standing in `space`, whose SpaceClass rows (with classrooms) are `rows`."""
    if not is_active_person(user):
        return Standing(space=space, classes=tuple(rows))
    person = person_of(user)
    accepted = {row.classroom_id for row in rows if row.status == SpaceClass.Status.ACCEPTED}
    # Closed member classes are read by whoever still reads the archive (no query: the
    # person's rights are read once per request), and give nobody a right to write.
    archives = {
        row.classroom_id: row.classroom
        for row in rows
        if row.classroom_id in accepted and row.classroom.is_archive
    }
    readable_archives = {pk for pk, room in archives.items() if can_view_classroom(user, room)}
    working = accepted - set(archives)
    roles = {}
    for place in person.memberships:
        roles.setdefault(place.role, set()).add(place.page.pk)
    children = tuple(
        (child.pk, place.page.pk)
        for child, place in person.children_classes
        if place.page.pk in working | readable_archives
    )
    directed = person.directed_school_paths()
    member_paths = [row.classroom.path for row in rows if row.classroom_id in accepted]
    return Standing(
        space=space,
        classes=tuple(rows),
        pupil_class_ids=frozenset(roles.get(Membership.Role.PUPIL, set()) & working),
        taught_class_ids=frozenset(roles.get(Membership.Role.TEACHER, set()) & working),
        assisted_class_ids=frozenset(roles.get(Membership.Role.ASSISTANT, set()) & working),
        archive_reader=any(readable_archives & ids for ids in roles.values()),
        children=children,
        directs=any(path.startswith(school) for path in member_paths for school in directed),
        creator=space.created_by_id is not None and space.created_by_id == user.pk,
        admin=user.is_superuser,
        all_taught_ids=frozenset(person.taught_class_ids()),
    )


def taught_class_ids(user) -> set:
    if not is_active_person(user):
        return set()
    return person_of(user).taught_class_ids()


def space_class_ids(user) -> dict:
    """class id → role for every class of this person (pupil, teacher, assistant) and the
    classes of their children (role "parent"): whose spaces they may find in their lists."""
    if not is_active_person(user):
        return {}
    person = person_of(user)
    ids = {place.page.pk: place.role for place in person.memberships}
    for _child, place in person.children_classes:
        ids.setdefault(place.page.pk, "parent")
    # A closed class's teacher answers no invitation for it any more (taught_class_ids);
    # its readers find its spaces while they read the archive (rights read per request).
    visible = person.visible_class_ids("view_classroompage")
    taught = person.taught_class_ids()
    for pk, role in list(ids.items()):
        if pk not in visible:
            del ids[pk]
        elif role == Membership.Role.TEACHER and pk not in taught:
            ids[pk] = "reader"
    return ids
