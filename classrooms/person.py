"""What a person is on the portal, read once per request in one query.

Every page asks the same questions about the person looking at it: which classes they
belong to and how, which children they follow and in which classes, which schools they
run, which towns they work for, which rights the role groups give them on class spaces
(django-guardian's object permission tables, read directly), whether they may enter the
Wagtail admin, which groups of pupils they are in. Answered here from a single UNION
query (classrooms/person_query.py), kept for the request (performance/request_scope.py)
and between requests in the shared cache under the person's own version
(performance/versions.py), which a change to any row of theirs the union reads replaces
(`people_changed`): their memberships, their children's, their guardianships, their role
groups, the titles of their classes and schools, their notifications. A change to one
person never drops another's.

The rows stay the truth (DESIGN.md "Who may do what"); this module only reads them.
"""

import functools
from dataclasses import dataclass, field

from django.contrib.auth.models import Permission

from accounts.people import is_active_person
from pages.models import MunicipalityAgent, SchoolStaff
from pages.permissions import STAFF_SCHOOL_PATHS
from performance import request_scope, versions

from .models import (
    ClassroomGroupObjectPermission,
    ClassroomUserObjectPermission,
    Guardianship,
    Membership,
    PupilGroup,
)
from .person_query import (
    AGENT,
    CHILD,
    GROUP,
    GROUP_PERMISSION,
    GUARDIAN,
    MEMBER,
    RIGHT,
    STAFF,
    USER_PERMISSION,
    fetch,
)

# Under this key the request remembers the person (performance/request_scope.py).
PERSON = "person"


@dataclass(frozen=True)
class PageRef:
    """Just what the header and the rules need of a class, school or town page."""

    pk: int
    title: str
    url_path: str
    path: str

    def get_url(self, request=None):
        from wagtail.models import Page

        page = Page(id=self.pk, title=self.title, url_path=self.url_path, path=self.path)
        return page.get_url(request)


@dataclass(frozen=True)
class Place:
    """One of the person's places: a class (with a role), a school (with a role), a town."""

    page: PageRef
    role: str = ""


@dataclass(frozen=True)
class Child:
    pk: int
    first_name: str
    last_name: str

    @property
    def display_name(self):
        from accounts.models import User

        return User(pk=self.pk, first_name=self.first_name, last_name=self.last_name).display_name


@dataclass
class Person:
    memberships: list = field(default_factory=list)  # Place(class, role)
    children: dict = field(default_factory=dict)  # child id → Child
    children_classes: list = field(default_factory=list)  # (Child, Place(class, "pupil"))
    staff: list = field(default_factory=list)  # Place(school, role)
    agencies: list = field(default_factory=list)  # Place(municipality)
    rights: dict = field(default_factory=dict)  # class id → set of codenames
    class_paths: dict = field(default_factory=dict)  # class id → tree path
    user_permissions: set = field(default_factory=set)  # "app_label.codename"
    group_permissions: set = field(default_factory=set)
    groups: dict = field(default_factory=dict)  # class id → names of the person's groups
    extra: dict = field(default_factory=dict)  # kind → rows of a registered arm

    @property
    def may_access_admin(self) -> bool:
        return "wagtailadmin.access_admin" in self.user_permissions | self.group_permissions

    def member_class_ids(self, role=None):
        return {place.page.pk for place in self.memberships if role is None or place.role == role}

    def is_member(self, classroom, role=None) -> bool:
        return classroom.pk in self.member_class_ids(role)

    def taught_paths(self):
        """The classes this person teaches and may still change: an archive (a closed
        class) leaves its teachers the right to read it only (classrooms/permissions.py
        takes "manage" back when it closes), so it is no longer taught."""
        return tuple(
            place.page.path
            for place in self.memberships
            if place.role == Membership.Role.TEACHER
            and "manage_classroom" in self.rights.get(place.page.pk, ())
        )

    def taught_class_ids(self):
        """The ids of the classes this person teaches and may still change (not archives:
        see taught_paths). Every write a teacher makes to a class asks this, not the bare
        memberships, which outlive the class's year."""
        return {
            place.page.pk
            for place in self.memberships
            if place.role == Membership.Role.TEACHER
            and "manage_classroom" in self.rights.get(place.page.pk, ())
        }

    def children_in(self, classroom):
        return [child for child, place in self.children_classes if place.page.pk == classroom.pk]

    def visible_class_ids(self, codename):
        return frozenset(pk for pk, codenames in self.rights.items() if codename in codenames)

    def staff_school_paths(self):
        return frozenset(place.page.path for place in self.staff)

    def directed_school_paths(self):
        return frozenset(
            place.page.path for place in self.staff if place.role == SchoolStaff.Role.DIRECTOR
        )


def extra_rows(user, kind) -> list:
    """The rows of the arm registered as `kind` (register_arm) in what this person is."""
    return person_of(user).extra.get(kind, [])


def personal_scope(user_id) -> str:
    return versions.person_scope(user_id)


def forget(user_ids, *, guards_access=True) -> None:
    """Rows of these people changed behind the signals (a bulk insert, their notifications):
    read them again on their next page. `guards_access=False`: the change takes nothing
    away from anyone (notifications read), it stands even when the cache cannot hear of it
    (performance/versions.py)."""
    versions.bump(*(personal_scope(pk) for pk in user_ids), guards_access=guards_access)


@functools.cache
def read_models() -> tuple:
    """Every table the union reads, whose changes `people_changed` follows."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from pages.models import MunicipalityPage, SchoolPage

    from .models import ClassroomPage

    User = get_user_model()
    return (
        Membership,
        Guardianship,
        SchoolStaff,
        MunicipalityAgent,
        ClassroomGroupObjectPermission,
        ClassroomUserObjectPermission,
        PupilGroup,
        User,
        # Titles and addresses of the person's classes, schools and towns.
        ClassroomPage,
        SchoolPage,
        MunicipalityPage,
        User.groups.through,
        User.user_permissions.through,
        Group.permissions.through,
        PupilGroup.pupils.through,
    )


def _guardians_of(user_ids) -> list:
    return list(
        Guardianship.objects.filter(child_id__in=user_ids).values_list("parent_id", flat=True)
    )


def _in_groups(group_ids) -> list:
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return list(User.objects.filter(groups__in=group_ids).values_list("pk", flat=True))


def _people_of_page(page) -> list:
    """Everyone whose person shows this class, school or town (its title, its address)."""
    from pages.models import MunicipalityPage, SchoolPage

    from .models import ClassroomPage

    if isinstance(page, ClassroomPage):
        members = list(
            Membership.objects.filter(classroom_id=page.pk).values_list("user_id", flat=True)
        )
        return members + _guardians_of(members)
    if isinstance(page, SchoolPage):
        return list(SchoolStaff.objects.filter(school_id=page.pk).values_list("user_id", flat=True))
    if isinstance(page, MunicipalityPage):
        return list(
            MunicipalityAgent.objects.filter(municipality_id=page.pk).values_list(
                "user_id", flat=True
            )
        )
    return []


def people_changed(instance, signal=None, update_fields=None, **kwargs) -> tuple:
    """The people whose person a change of `instance` alters (versions.watch)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Page

    User = get_user_model()
    people = []
    if isinstance(instance, Membership):
        people = [instance.user_id, *_guardians_of([instance.user_id])]
    elif isinstance(instance, Guardianship):
        people = [instance.parent_id, instance.child_id]
    elif isinstance(instance, (SchoolStaff, MunicipalityAgent, ClassroomUserObjectPermission)):
        people = [instance.user_id]
    elif isinstance(instance, ClassroomGroupObjectPermission):
        people = _in_groups([instance.group_id])
    elif isinstance(instance, PupilGroup):
        people = list(instance.pupils.values_list("pk", flat=True)) if instance.pk else []
        pupils = kwargs.get("pk_set")
        if kwargs.get("model") is User and pupils:
            people = list(pupils)
    elif isinstance(instance, User):
        if update_fields is not None and set(update_fields) <= {"last_login", "password"}:
            return ()  # a login: nothing the union reads
        people = [instance.pk, *_guardians_of([instance.pk])]
        if kwargs.get("model") is Group and kwargs.get("pk_set") is None:
            people = [instance.pk]
    elif isinstance(instance, Group):
        people = _in_groups([instance.pk])
        if kwargs.get("model") is User and kwargs.get("pk_set"):
            people = list(kwargs["pk_set"])
    elif isinstance(instance, Permission):
        groups = kwargs.get("pk_set") or ()
        people = _in_groups(list(groups)) if kwargs.get("model") is Group else list(groups)
    elif isinstance(instance, Page):
        if update_fields is not None and not set(update_fields) & {
            "title",
            "url_path",
            "path",
            "slug",
            "depth",
        }:
            return ()
        people = _people_of_page(instance)
    return tuple(personal_scope(pk) for pk in dict.fromkeys(people) if pk)


def _load(user) -> Person:
    """The person, from the union's rows, each kind's columns read under their meaning
    (classrooms/person_query.py)."""
    person = Person()
    children_classes = []
    for kind, number, label, person_id, first, last, text, url_path, path in fetch(user):
        # For the arms about a place, `number` is its page's id, `text` its title and
        # `label` the person's role there.
        place = Place(PageRef(number, text, url_path, path), label) if number else None
        if kind == MEMBER:
            person.memberships.append(place)
        elif kind == CHILD:
            children_classes.append((Child(person_id, first, last), place))
        elif kind == GUARDIAN:
            person.children[person_id] = Child(person_id, first, last)
        elif kind == STAFF:
            person.staff.append(place)
        elif kind == AGENT:
            person.agencies.append(place)
        elif kind == RIGHT:
            classroom_id, codename = number, label
            person.rights.setdefault(classroom_id, set()).add(codename)
            person.class_paths[classroom_id] = path
        elif kind in (USER_PERMISSION, GROUP_PERMISSION):
            app_label, codename = text, label
            permissions = (
                person.user_permissions if kind == USER_PERMISSION else person.group_permissions
            )
            permissions.add(f"{app_label}.{codename}")
        elif kind == GROUP:
            classroom_id, group_name = number, label
            person.groups.setdefault(classroom_id, []).append(group_name)
        else:
            person.extra.setdefault(kind, []).append(
                (number, label, person_id, first, last, text, url_path, path)
            )
    person.memberships.sort(key=lambda place: place.page.title)
    person.children_classes = sorted(
        children_classes, key=lambda pair: (pair[0].first_name, pair[1].page.title)
    )
    person.staff.sort(key=lambda place: place.page.title)
    person.agencies.sort(key=lambda place: place.page.title)
    for names in person.groups.values():
        names.sort()
    return person


def person_of(user) -> Person:
    """What this person is, read once per request (performance/request_scope.py), and
    shared between their requests under their own version (performance/versions.py)."""
    if not is_active_person(user):
        return Person()
    memo = request_scope.section(request_scope.person_section(user.pk))
    if memo is not None and PERSON in memo:
        return memo[PERSON]
    person = versions.cached(
        f"person:{user.pk}", (personal_scope(user.pk),), functools.partial(_load, user)
    )
    if memo is not None:
        memo[PERSON] = person
        # pages.permissions.staff_school_paths() answers from the same rows.
        memo[STAFF_SCHOOL_PATHS] = person.staff_school_paths()
    return person


def reads_as_pupil(user, classroom) -> bool:
    """Whether Préau says "tu" to this person on this class's pages: a pupil of the class,
    or a child of another (a partner class's pupil commenting here); "vous" to everyone
    else (teachers, assistants, parents, guests). Read from what the person is: no query."""
    return bool(person_of(user).member_class_ids(Membership.Role.PUPIL))
