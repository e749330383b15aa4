"""The one query that reads what a person is (classrooms/person.py): a UNION of arms.

Each arm reads one kind of row (the person's memberships, their children's, their role
groups' rights...) into the same nine columns, in the same order, so that they can be
joined in one UNION. A column holds the same *type* of value in every arm, not always
the same meaning; each arm fills only the columns it has, by name (`_row`):

- `kind`: which arm the row comes from (MEMBER, CHILD, RIGHT...);
- `number`: the id of a class, school or town page (an extra arm's count);
- `label`: a short text: a role in the class or school, a permission's codename, the
  name of a group of pupils;
- `person`, `first`, `last`: a child's id and names;
- `text`: a page's title, or a permission's app label;
- `url_path`, `path`: the page's address and tree path.

`Person` (classrooms/person.py) reads each kind's columns back under their meaning.
Other apps add arms of their own (`register_arm`), kept in `Person.extra`.
"""

import functools

from django.contrib.auth.models import Permission
from django.db.models import CharField, F, IntegerField, Value

from pages.models import MunicipalityAgent, SchoolStaff

from .models import (
    ClassroomGroupObjectPermission,
    ClassroomUserObjectPermission,
    Guardianship,
    Membership,
    PupilGroup,
)

MEMBER, CHILD, GUARDIAN, STAFF, AGENT, RIGHT, GROUP = (
    "member",
    "child",
    "guardian",
    "staff",
    "agent",
    "right",
    "group",
)
USER_PERMISSION, GROUP_PERMISSION = "user_permission", "group_permission"
COLUMNS = ("kind", "number", "label", "person", "first", "last", "text", "url_path", "path")

# Other apps add what every page asks about a person (the unread notifications...):
# kind → build(user, row) returning one arm of the union, its rows kept in Person.extra.
_extra_arms = {}


def register_arm(kind, build) -> None:
    """Called from an AppConfig.ready(); see classrooms/notification_wiring.py.

    `build(user, row)` returns `row(queryset, kind, number=..., label=...)`: the arm, its
    columns named as in the module's list."""
    _extra_arms[kind] = build


def _row(queryset, kind, **columns):
    """One arm of the union: the nine columns, in the same order for every kind; those
    the arm does not name are empty (see the module)."""
    unknown = set(columns) - set(COLUMNS[1:])
    if unknown:
        raise TypeError(f"No column {', '.join(sorted(unknown))} in the person's union.")

    def column(name):
        value = columns.get(name)
        if value:
            return F(value)
        if name in ("number", "person"):
            return Value(0, output_field=IntegerField())
        return Value("", output_field=CharField())

    annotations = {"c_kind": Value(kind, output_field=CharField())}
    annotations.update({f"c_{name}": column(name) for name in COLUMNS[1:]})
    return queryset.order_by().annotate(**annotations).values_list(*annotations)


def _page(relation):
    """The page columns of an arm, read through `relation` (a class, school or town)."""
    return {
        "number": f"{relation}_id",
        "text": f"{relation}__title",
        "url_path": f"{relation}__url_path",
        "path": f"{relation}__path",
    }


def _rows(user):
    children = Guardianship.objects.filter(parent=user).values("child_id")
    arms = [
        _row(Membership.objects.filter(user=user), MEMBER, label="role", **_page("classroom")),
        _row(
            Membership.objects.filter(role=Membership.Role.PUPIL, user__in=children),
            CHILD,
            label="role",
            person="user_id",
            first="user__first_name",
            last="user__last_name",
            **_page("classroom"),
        ),
        _row(
            Guardianship.objects.filter(parent=user),
            GUARDIAN,
            person="child_id",
            first="child__first_name",
            last="child__last_name",
        ),
        _row(SchoolStaff.objects.filter(user=user), STAFF, label="role", **_page("school")),
        _row(MunicipalityAgent.objects.filter(user=user), AGENT, **_page("municipality")),
        # Rights on class spaces, as django-guardian stores them: through role groups...
        _row(
            ClassroomGroupObjectPermission.objects.filter(group__user=user),
            RIGHT,
            number="content_object_id",
            label="permission__codename",
            path="content_object__path",
        ),
        # ...and to the person directly (never granted by Préau, honoured all the same).
        _row(
            ClassroomUserObjectPermission.objects.filter(user=user),
            RIGHT,
            number="content_object_id",
            label="permission__codename",
            path="content_object__path",
        ),
        # Django's global permissions (entering the Wagtail admin...), as its ModelBackend
        # reads them: the person's own, and their groups'.
        _row(
            Permission.objects.filter(user=user),
            USER_PERMISSION,
            label="codename",
            text="content_type__app_label",
        ),
        _row(
            Permission.objects.filter(group__user=user),
            GROUP_PERMISSION,
            label="codename",
            text="content_type__app_label",
        ),
        _row(PupilGroup.objects.filter(pupils=user), GROUP, number="classroom_id", label="name"),
    ]
    arms += [build(user, _row) for build in _extra_arms.values()]
    first, *others = arms
    return first.union(*others, all=True)


# An id no account has: it stands for the person in the union's SQL, compiled once.
_ANYONE = -7_340_011


@functools.cache
def _union_sql(vendor: str) -> tuple:
    """The union's SQL and parameters, for any person: building and compiling its eleven
    arms with the ORM cost more than running it (about 5 ms), and every family's first
    page of the evening asks for it. Compiled once per process and database."""
    from django.contrib.auth import get_user_model

    return _rows(get_user_model()(pk=_ANYONE)).query.sql_with_params()


def fetch(user) -> list:
    """The union's rows for `user` (tuples of COLUMNS), from the SQL compiled once."""
    from django.db import connection

    sql, params = _union_sql(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, tuple(user.pk if value == _ANYONE else value for value in params))
        return cursor.fetchall()
