"""A person's role groups, re-derived from the rows that say who they are.

Apps that own roles register two things from their ready():
- a *source*: user → the (page, role) pairs that person should hold now, read from the
  app's own rows (memberships, guardianships, staff rows...);
- a *setup* per role: what a new group for (page, role) is allowed to do (guardian
  object permissions, Wagtail page and collection permissions).
`sync_user()` then adds and removes the person's role groups to match the sources. It is
called whenever a row changes, so rights never drift from the data.
"""

from collections.abc import Callable, Iterable

from django.contrib.auth.models import Group
from django.db import transaction

from performance import request_scope

from .models import RoleGroup

Source = Callable[[object], Iterable[tuple[object, str]]]
Setup = Callable[[object, Group], None]

_sources: list[Source] = []
_setups: dict[str, list[Setup]] = {}


def register_source(source: Source) -> None:
    if source not in _sources:
        _sources.append(source)


def register_setup(role: str, setup: Setup) -> None:
    setups = _setups.setdefault(role, [])
    if setup not in setups:
        setups.append(setup)


def group_for(page, role: str) -> Group:
    """The group holding `role` on `page`, created and granted its rights on first use."""
    existing = RoleGroup.objects.filter(page_id=page.pk, role=role).select_related("group")
    if role_group := existing.first():
        return role_group.group
    with transaction.atomic():
        group = Group.objects.create(name=f"{role}:{page.pk}")
        RoleGroup.objects.create(page_id=page.pk, role=role, group=group)
        for setup in _setups.get(role, ()):
            setup(page, group)
    return group


def regrant(page, role: str) -> None:
    """Run the setups of an existing group again (after a page moved, or new rules)."""
    group = group_for(page, role)
    for setup in _setups.get(role, ()):
        setup(page, group)


def desired_roles(user) -> dict[tuple[int, str], object]:
    roles = {}
    for source in _sources:
        for page, role in source(user):
            roles[(page.pk, role)] = page
    return roles


def sync_user(user) -> None:
    """Make the user's role groups exactly those their rows call for."""
    desired = desired_roles(user)
    held = RoleGroup.objects.filter(group__user=user).values_list("page_id", "role", "group_id")
    current = {(page_id, role): group_id for page_id, role, group_id in held}
    to_remove = [group_id for key, group_id in current.items() if key not in desired]
    to_add = [group_for(page, key[1]).pk for key, page in desired.items() if key not in current]
    if to_remove:
        user.groups.remove(*to_remove)
    if to_add:
        user.groups.add(*to_add)
    forget_cached_permissions(user)


def forget_cached_permissions(user) -> None:
    """Drop what this request remembered about the person (classrooms/person.py; the
    permission backend answers from it), so that the rest of the request sees the new
    rows (performance/request_scope.py)."""
    request_scope.forget_person(user.pk)
