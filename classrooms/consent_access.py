"""What consents/ asks of the class spaces, registered from ClassroomsConfig.ready():
who may answer for a child (its guardians; the teachers of its classes and the school's
directors, for a paper answer) and which children a parent has; and the take-down that
follows a withdrawn answer (consents.signals.answers_narrowed → consent.py)."""

from consents import access
from consents.signals import answers_narrowed

from .models import ClassroomPage, Membership
from .permissions import can_manage_classroom
from .person import person_of


class ClassesProvider:
    def standing(self, user, pupil_id):
        if not user.is_active:
            return None
        if pupil_id in person_of(user).children:
            return access.PARENT
        classes = ClassroomPage.objects.filter(
            memberships__user_id=pupil_id, memberships__role=Membership.Role.PUPIL
        )
        if any(can_manage_classroom(user, classroom) for classroom in classes):
            return access.STAFF
        return None

    def children(self, user):
        return [(child.pk, child.first_name) for child in person_of(user).children.values()]

    def children_in(self, user, classroom):
        return [(child.pk, child.first_name) for child in person_of(user).children_in(classroom)]


def answers_narrowed_received(sender, pupil, narrowed, **kwargs):
    from . import consent

    consent.consent_withdrawn([pupil])


def register():
    access.register(ClassesProvider())
    answers_narrowed.connect(answers_narrowed_received, dispatch_uid="preau-consents-narrowed")
