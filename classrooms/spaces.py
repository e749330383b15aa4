"""The spaces a person reaches from the header: their classes, children, school, town.

Built from the same rows as the permissions, with a fixed number of queries whatever
the number of classes or children.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from pages.models import SchoolStaff

from .models import Membership
from .permissions import classrooms_directed_by
from .person import person_of


@dataclass(frozen=True)
class Space:
    kind: str  # "class", "child", "school" or "municipality"
    label: str
    detail: str
    url: str
    icon: str
    manage_url: str = ""  # where its teachers or director manage accounts, if they may
    in_header: bool = True  # a director's classes are listed on "my spaces" only
    page_id: int = 0  # the class page, for a class or a child's class


def split_archives(spaces, user):
    """(this year's spaces, archives of previous years) for "my spaces": the closed classes
    the person may still read are listed apart, those they no longer may are left out.
    One query, asked only by the page that lists them."""
    from .models import ClassroomPage
    from .permissions import can_view_classroom

    ids = {space.page_id for space in spaces if space.page_id}
    closed = {
        room.pk: room
        for room in ClassroomPage.objects.filter(pk__in=ids, closed_on__isnull=False).only(
            "pk", "path", "closed_on", "families_until"
        )
    }
    current = [space for space in spaces if space.page_id not in closed]
    archives = [
        space
        for space in spaces
        if space.page_id in closed and can_view_classroom(user, closed[space.page_id])
    ]
    return current, archives


def roster_url(classroom):
    return _roster_url(classroom.pk)


def _roster_url(classroom_id):
    return reverse("enrolment:roster", kwargs={"classroom_id": classroom_id})


def spaces_for(user, request=None) -> list[Space]:
    """From what the person is (person.py, one query per request); a director's classes
    cost one more query, and only for directors."""
    if not user.is_authenticated:
        return []
    person = person_of(user)
    spaces = []
    for place in person.memberships:
        spaces.append(
            Space(
                kind="class",
                label=place.page.title,
                detail=str(Membership.Role(place.role).label),
                url=place.page.get_url(request),
                icon="class",
                manage_url=_roster_url(place.page.pk)
                if place.role == Membership.Role.TEACHER
                else "",
                page_id=place.page.pk,
            )
        )
    for child, place in person.children_classes:
        spaces.append(
            Space(
                kind="child",
                label=child.display_name,
                detail=place.page.title,
                url=place.page.get_url(request),
                icon="child",
                page_id=place.page.pk,
            )
        )
    for place in person.staff:
        if place.role != SchoolStaff.Role.DIRECTOR:
            continue
        spaces.append(
            Space(
                kind="school",
                label=place.page.title,
                detail=_("School management"),
                url=place.page.get_url(request),
                icon="school",
                manage_url=reverse("enrolment:school", kwargs={"school_id": place.page.pk}),
            )
        )
    member_of = {space.url for space in spaces if space.kind == "class"}
    if person.directed_school_paths():
        for classroom in classrooms_directed_by(user).order_by("title"):
            url = classroom.get_url(request)
            if url not in member_of:
                spaces.append(
                    Space(
                        kind="class",
                        label=classroom.title,
                        detail=_("Class of my school"),
                        url=url,
                        icon="class",
                        manage_url=roster_url(classroom),
                        in_header=False,
                        page_id=classroom.pk,
                    )
                )
    for place in person.agencies:
        spaces.append(
            Space(
                kind="municipality",
                label=place.page.title,
                detail=_("Municipal staff"),
                url=place.page.get_url(request),
                icon="townhall",
            )
        )
    return spaces


def login_landing(request):
    """A person with exactly one class space lands on that class at login.

    A child logging in on a school tablet should see their class at once, and so should
    a teacher of one class: her work is there. A parent of children in two classes, a
    teacher of two classes or a director (a school space too) chooses from "my spaces".
    An address asked for before login (?next=) wins: Django's LoginView asks this hook
    only when there is none. Registered as the `preau_login_landing` hook
    (wagtail_hooks.py, accounts/views.py).
    """
    spaces = spaces_for(request.user, request)
    if len(spaces) == 1 and spaces[0].kind in ("class", "child"):
        return spaces[0].url
    return None
