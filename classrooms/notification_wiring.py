"""What the class spaces give the notifications service, wired from ClassroomsConfig.ready().

Notifications is a service that class spaces, comments and enrolment use; it imports
none of them. From here it learns:
- the kinds of notification class spaces send (a page taken down because a family
  withdrew its consent, classrooms/consent.py);
- how to read the header's unread count with the rest of what a person is, in the one
  query of classrooms/person.py (notifications/unread.py);
- who is a pupil, for the pupils' quiet hours (notifications/quiet.py);
- the class blog's kinds (entries waiting, published, sent back: notices.py).
"""

from notifications import kinds, quiet, unread

from . import consent, notices, person, person_query
from .models import Membership


def pupils_among(user_ids) -> list[int]:
    """The pupils among these people: a pupil membership of any class."""
    return list(
        Membership.objects.filter(user_id__in=user_ids, role=Membership.Role.PUPIL)
        .values_list("user_id", flat=True)
        .distinct()
    )


def register() -> None:
    # Teachers and directors are told why a withdrawn consent took their page down.
    for kind in consent.notification_kinds():
        kinds.register(kind)
    # The header's badge is read with the rest of what a person is: no query of its own.
    person_query.register_arm(unread.UNREAD, unread.unread_arm)
    unread.read_rows_with(person.extra_rows)
    # Nothing reaches a pupil outside school hours.
    quiet.pupils_among_with(pupils_among)
    # The class blog tells teachers, pupil authors and their parents.
    for kind in notices.notification_kinds():
        kinds.register(kind)
    notices.connect()
