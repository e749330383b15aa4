"""The spaces a person reaches from the header: their classes, children, school, town.

Built from the same rows as the permissions, with a fixed number of queries whatever
the number of classes or children.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from pages.models import MunicipalityAgent, SchoolStaff

from .models import Membership
from .permissions import classrooms_directed_by


@dataclass(frozen=True)
class Space:
    kind: str  # "class", "child", "school" or "municipality"
    label: str
    detail: str
    url: str
    icon: str
    manage_url: str = ""  # where its teachers or director manage accounts, if they may
    in_header: bool = True  # a director's classes are listed on "my spaces" only


def roster_url(classroom):
    return reverse("enrolment:roster", kwargs={"classroom_id": classroom.pk})


def spaces_for(user, request=None) -> list[Space]:
    if not user.is_authenticated:
        return []
    spaces = []
    own = (
        Membership.objects.filter(user=user)
        .select_related("classroom")
        .order_by("classroom__title")
    )
    for membership in own:
        spaces.append(
            Space(
                kind="class",
                label=membership.classroom.title,
                detail=membership.get_role_display(),
                url=membership.classroom.get_url(request),
                icon="class",
                manage_url=roster_url(membership.classroom)
                if membership.role == Membership.Role.TEACHER
                else "",
            )
        )
    children = (
        Membership.objects.filter(role=Membership.Role.PUPIL, user__guardians__parent=user)
        .select_related("user", "classroom")
        .order_by("user__first_name", "classroom__title")
    )
    for membership in children:
        spaces.append(
            Space(
                kind="child",
                label=membership.user.display_name,
                detail=membership.classroom.title,
                url=membership.classroom.get_url(request),
                icon="child",
            )
        )
    directed = (
        SchoolStaff.objects.filter(user=user, role=SchoolStaff.Role.DIRECTOR)
        .select_related("school")
        .order_by("school__title")
    )
    for staff in directed:
        spaces.append(
            Space(
                kind="school",
                label=staff.school.title,
                detail=_("School management"),
                url=staff.school.get_url(request),
                icon="school",
                manage_url=reverse("enrolment:school", kwargs={"school_id": staff.school.pk}),
            )
        )
    member_of = {space.url for space in spaces if space.kind == "class"}
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
                )
            )
    agencies = MunicipalityAgent.objects.filter(user=user).select_related("municipality")
    for agent in agencies:
        spaces.append(
            Space(
                kind="municipality",
                label=agent.municipality.title,
                detail=_("Municipal staff"),
                url=agent.municipality.get_url(request),
                icon="townhall",
            )
        )
    return spaces
