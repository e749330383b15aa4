"""Who is offered a second factor: the adults whose account opens other people's data.

Directors and teachers of a school (staff rows), teachers and classroom assistants of a
class (memberships), agents of a town, and portal administrators. Pupils and parents are
not: a code on a phone is one more thing a family would lose, and their accounts open
only their own family's data. Read from what the person is (classrooms/person.py), which
the page has read anyway: no query of its own.
"""

from accounts.people import is_active_person
from classrooms.models import Membership
from classrooms.person import person_of

ADULT_ROLES = {Membership.Role.TEACHER, Membership.Role.ASSISTANT}


def is_offered(user) -> bool:
    if not is_active_person(user):
        return False
    if user.is_superuser:
        return True
    person = person_of(user)
    if person.staff or person.agencies:
        return True
    return any(place.role in ADULT_ROLES for place in person.memberships)
