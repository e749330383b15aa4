"""What the class spaces give the notifications service, wired from ClassroomsConfig.ready().

Notifications is a service that class spaces, comments and enrolment use; it imports
none of them. From here it learns:
- the kinds of notification class spaces send (a page taken down because a family
  withdrew its consent, classrooms/consent.py);
- how to read the header's unread count with the rest of what a person is, in the one
  query of classrooms/person.py (notifications/unread.py).
"""

from notifications import kinds, unread

from . import consent, person, person_query


def register() -> None:
    # Teachers and directors are told why a withdrawn consent took their page down.
    for kind in consent.notification_kinds():
        kinds.register(kind)
    # The header's badge is read with the rest of what a person is: no query of its own.
    person_query.register_arm(unread.UNREAD, unread.unread_arm)
    unread.read_rows_with(person.extra_rows)
