"""What a person is on the portal, read once per request in one query.

Every page asks the same questions about the person looking at it: which classes they
belong to and how, which children they follow and in which classes, which schools they
run, which towns they work for, which rights the role groups give them on class spaces
(django-guardian's object permission tables, read directly), whether they may enter the
Wagtail admin, which groups of pupils they are in. Answered here in a single UNION
query, kept on the user object for the request and between requests in the shared cache
(performance/generations.py), for the current generation of everyone's places ("people":
any change to a row the union reads) and of the person's own counters ("person:<id>":
their notifications, their admin profile). A membership added meanwhile shows on the
next page load; `accounts.roles.forget_cached_permissions` (called whenever the person's
rows change) drops what the user object holds at once.

The rows stay the truth (DESIGN.md "Who may do what"); this module only reads them.
"""

import functools
from dataclasses import dataclass, field

from django.contrib.auth.models import Permission
from django.db.models import CharField, F, IntegerField, Value
from wagtail.users.models import UserProfile

from pages.models import MunicipalityAgent, SchoolStaff
from performance import generations

from .models import (
    ClassroomGroupObjectPermission,
    ClassroomUserObjectPermission,
    Guardianship,
    Membership,
    PupilGroup,
)

ATTRIBUTE = "_preau_person"
# The generation scope of everyone's places and rights (performance/generations.py).
PEOPLE = "people"
# The Wagtail admin profiles of the staff (performance/personal_pages.py follows them).
PROFILES = "profiles"
# pages.permissions.staff_school_paths() keeps its answer here; filled from the same rows.
STAFF_PATHS_ATTRIBUTE = "_preau_staff_school_paths"

MEMBER, CHILD, GUARDIAN, STAFF, AGENT, RIGHT, GROUP = (
    "member",
    "child",
    "guardian",
    "staff",
    "agent",
    "right",
    "group",
)
USER_PERMISSION, GROUP_PERMISSION, PROFILE = "user_permission", "group_permission", "profile"

# Other apps add what every page asks about a person (the unread notifications...):
# kind → build(user, row) returning one arm of the union, its rows kept in Person.extra.
_extra_arms = {}


def register_arm(kind, build) -> None:
    """Called from an AppConfig.ready(); see notifications/apps.py."""
    _extra_arms[kind] = build


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
    profile: tuple | None = None  # Wagtail admin profile: id, theme, contrast, density

    @property
    def may_access_admin(self) -> bool:
        return "wagtailadmin.access_admin" in self.user_permissions | self.group_permissions

    def member_class_ids(self, role=None):
        return {place.page.pk for place in self.memberships if role is None or place.role == role}

    def is_member(self, classroom, role=None) -> bool:
        return classroom.pk in self.member_class_ids(role)

    def taught_paths(self):
        return tuple(
            place.page.path for place in self.memberships if place.role == Membership.Role.TEACHER
        )

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


def scopes_of(user_id) -> tuple:
    """What a person's rows depend on: everyone's places and rights (a pupil's new class
    is also their parents'), and the person's own counters (registered arms)."""
    return (PEOPLE, personal_scope(user_id))


def personal_scope(user_id) -> str:
    return f"person:{user_id}"


def forget(user_ids=None, *, guards_access=True) -> None:
    """Rows changed behind the signals (a bulk insert): read them again on the next page.

    With `user_ids`, only these people's own counters changed. `guards_access=False`: the
    change takes nothing away from anyone (notifications read), it stands even when the
    cache cannot hear of it (performance/generations.py)."""
    if user_ids is None:
        generations.bump(PEOPLE, guards_access=guards_access)
    else:
        scopes = (personal_scope(pk) for pk in user_ids)
        generations.bump(*scopes, guards_access=guards_access)


@functools.cache
def read_models() -> tuple:
    """Every table the union reads: a change to one starts a new generation of people."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Page

    User = get_user_model()
    return (
        Membership,
        Guardianship,
        SchoolStaff,
        MunicipalityAgent,
        ClassroomGroupObjectPermission,
        ClassroomUserObjectPermission,
        Permission,
        Group,
        PupilGroup,
        User,
        Page,  # titles and addresses of the person's classes, schools and towns
        User.groups.through,
        User.user_permissions.through,
        Group.permissions.through,
        PupilGroup.pupils.through,
    )


def profile_changed(sender, instance, **kwargs):
    """A person's Wagtail admin profile (made on their first visit) is theirs alone; it
    takes nothing away from anyone, so it is kept even when the cache cannot hear of it."""
    generations.bump(personal_scope(instance.user_id), guards_access=False)


def ignored_change(instance, update_fields=None, signal=None, **kwargs) -> bool:
    """Changes the union does not read: a login (last_login), the pages other than classes,
    schools and towns (unless moved: their descendants' paths change), and the life of
    those pages (drafts, revisions, locks) when their title, address and place stay."""
    from wagtail.models import Page
    from wagtail.signals import post_page_move, pre_page_move

    from pages.models import MunicipalityPage, SchoolPage

    from .models import ClassroomPage

    if isinstance(instance, Page):
        if signal in (pre_page_move, post_page_move):
            return False
        if not isinstance(instance, (ClassroomPage, SchoolPage, MunicipalityPage)):
            return True
        return update_fields is not None and not set(update_fields) & {
            "title",
            "url_path",
            "path",
            "slug",
            "depth",
        }
    return update_fields is not None and set(update_fields) <= {"last_login", "password"}


def _row(queryset, kind, page_id, role, person_id, first, last, title, url_path, path):
    """One arm of the union: the same nine columns, in the same order, for every kind."""

    def text(value):
        return F(value) if value else Value("", output_field=CharField())

    def number(value):
        return F(value) if value else Value(0, output_field=IntegerField())

    return (
        queryset.order_by()
        .annotate(
            c_kind=Value(kind, output_field=CharField()),
            c_page=number(page_id),
            c_role=text(role),
            c_person=number(person_id),
            c_first=text(first),
            c_last=text(last),
            c_title=text(title),
            c_url_path=text(url_path),
            c_path=text(path),
        )
        .values_list(
            "c_kind",
            "c_page",
            "c_role",
            "c_person",
            "c_first",
            "c_last",
            "c_title",
            "c_url_path",
            "c_path",
        )
    )


def _rows(user):
    children = Guardianship.objects.filter(parent=user).values("child_id")
    page = ("title", "url_path", "path")
    arms = [
        _row(
            Membership.objects.filter(user=user),
            MEMBER,
            "classroom_id",
            "role",
            None,
            None,
            None,
            *(f"classroom__{name}" for name in page),
        ),
        _row(
            Membership.objects.filter(role=Membership.Role.PUPIL, user__in=children),
            CHILD,
            "classroom_id",
            "role",
            "user_id",
            "user__first_name",
            "user__last_name",
            *(f"classroom__{name}" for name in page),
        ),
        _row(
            Guardianship.objects.filter(parent=user),
            GUARDIAN,
            None,
            None,
            "child_id",
            "child__first_name",
            "child__last_name",
            None,
            None,
            None,
        ),
        _row(
            SchoolStaff.objects.filter(user=user),
            STAFF,
            "school_id",
            "role",
            None,
            None,
            None,
            *(f"school__{name}" for name in page),
        ),
        _row(
            MunicipalityAgent.objects.filter(user=user),
            AGENT,
            "municipality_id",
            None,
            None,
            None,
            None,
            *(f"municipality__{name}" for name in page),
        ),
        # Rights on class spaces, as django-guardian stores them: through role groups...
        _row(
            ClassroomGroupObjectPermission.objects.filter(group__user=user),
            RIGHT,
            "content_object_id",
            "permission__codename",
            None,
            None,
            None,
            None,
            None,
            "content_object__path",
        ),
        # ...and to the person directly (never granted by Préau, honoured all the same).
        _row(
            ClassroomUserObjectPermission.objects.filter(user=user),
            RIGHT,
            "content_object_id",
            "permission__codename",
            None,
            None,
            None,
            None,
            None,
            "content_object__path",
        ),
        # Django's global permissions (entering the Wagtail admin...), as its ModelBackend
        # reads them: the person's own, and their groups'.
        _row(
            Permission.objects.filter(user=user),
            USER_PERMISSION,
            None,
            "codename",
            None,
            None,
            None,
            "content_type__app_label",
            None,
            None,
        ),
        _row(
            Permission.objects.filter(group__user=user),
            GROUP_PERMISSION,
            None,
            "codename",
            None,
            None,
            None,
            "content_type__app_label",
            None,
            None,
        ),
        _row(
            PupilGroup.objects.filter(pupils=user),
            GROUP,
            "classroom_id",
            "name",
            None,
            None,
            None,
            None,
            None,
            None,
        ),
    ]
    # The person's Wagtail admin profile (theme, contrast, density), which Wagtail's user
    # bar reads on every page for people who may enter the admin.
    arms.append(
        _row(
            UserProfile.objects.filter(user=user),
            PROFILE,
            "id",
            "theme",
            None,
            "contrast",
            "density",
            None,
            None,
            None,
        )
    )
    arms += [build(user, _row) for build in _extra_arms.values()]
    first, *others = arms
    return first.union(*others, all=True)


def _load(user) -> Person:
    person = Person()
    children_classes = []
    for kind, page_id, role, person_id, first, last, title, url_path, path in _rows(user):
        place = Place(PageRef(page_id, title, url_path, path), role) if page_id else None
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
            person.rights.setdefault(page_id, set()).add(role)
            person.class_paths[page_id] = path
        elif kind == USER_PERMISSION:
            person.user_permissions.add(f"{title}.{role}")  # app label, codename
        elif kind == GROUP_PERMISSION:
            person.group_permissions.add(f"{title}.{role}")
        elif kind == GROUP:
            person.groups.setdefault(page_id, []).append(role)
        elif kind == PROFILE:
            person.profile = (page_id, role, first, last)
        else:
            person.extra.setdefault(kind, []).append(
                (page_id, role, person_id, first, last, title, url_path, path)
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
    """What this person is, read once per user object (so once per request)."""
    if not (user.is_authenticated and user.is_active):
        return Person()
    person = getattr(user, ATTRIBUTE, None)
    if person is None:
        person = generations.read_through(
            f"person:{user.pk}", scopes_of(user.pk), functools.partial(_load, user)
        )
        setattr(user, ATTRIBUTE, person)
        setattr(user, STAFF_PATHS_ATTRIBUTE, person.staff_school_paths())
        if not user.is_superuser and not hasattr(user, "_perm_cache"):
            # What django.contrib.auth's ModelBackend would read and keep on the user for
            # has_perm() (the header, Wagtail's user bar), in two more queries.
            user._user_perm_cache = set(person.user_permissions)
            user._group_perm_cache = set(person.group_permissions)
            user._perm_cache = person.user_permissions | person.group_permissions
        if person.profile is not None and "wagtail_userprofile" not in user._state.fields_cache:
            # As `user.wagtail_userprofile` would read it; its other fields stay deferred.
            profile_id, theme, contrast, density = person.profile
            user._state.fields_cache["wagtail_userprofile"] = UserProfile.from_db(
                None,
                ["id", "user_id", "theme", "contrast", "density"],
                [profile_id, user.pk, theme, contrast, density],
            )
    return person
