"""What shared spaces tell teachers (notifications/, group "shared_spaces"): a class is
invited, an invitation is answered, a class leaves."""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from classrooms.models import Membership
from notifications.kinds import Group, Kind
from notifications.services import notify

INVITED = "space_invitation"
ANSWERED = "space_answered"
LEFT = "space_class_left"
GROUP = "shared_spaces"


def notification_group():
    return Group(GROUP, gettext_lazy("Shared spaces"))


def notification_kinds():
    """Registered from SharedSpacesConfig.ready()."""
    return [
        Kind(
            INVITED,
            gettext_lazy("Your class %(class)s is invited to the shared space “%(space)s”."),
            email_subject=gettext_lazy("An invitation to a shared space on Préau"),
            group=GROUP,
        ),
        Kind(
            ANSWERED,
            gettext_lazy("%(class)s answered the invitation to “%(space)s”: %(answer)s."),
            group=GROUP,
        ),
        Kind(
            LEFT,
            gettext_lazy("%(class)s left the shared space “%(space)s”."),
            group=GROUP,
        ),
    ]


def members_url(space) -> str:
    return reverse("sharedspaces:classes", kwargs={"space_id": space.pk})


def teachers_of(class_ids):
    """The teachers of these classes, as users: one query."""
    from accounts.models import User

    return list(
        User.objects.filter(
            memberships__classroom_id__in=list(class_ids),
            memberships__role=Membership.Role.TEACHER,
            is_active=True,
        ).distinct()
    )


def tell_invited(space, classroom):
    notify(
        teachers_of([classroom.pk]),
        INVITED,
        url=members_url(space),
        **{"class": classroom.title, "space": space.title},
    )


def tell_runners(space, standing, kind, classroom, **params):
    """The creator and the member classes' teachers, but the class that did it."""
    runners = teachers_of(standing.member_class_ids - {classroom.pk})
    if space.created_by is not None:
        runners.append(space.created_by)
    notify(
        runners,
        kind,
        url=members_url(space),
        **{"class": classroom.title, "space": space.title, **params},
    )
