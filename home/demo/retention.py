"""The demo's closed accounts (mixed into `DemoLoader`, retention/): Camille Lefort, a
pupil of École élémentaire Jean-Jaurès who left for the collège last summer, and her
mother Nathalie, who has no other child at the school. Both accounts are closed and
wait for their deletion, so that `olivier.lambert` finds them under "Comptes à
supprimer". They are made once: loading again, or after the director reopened one,
changes nothing."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from classrooms.models import Guardianship
from retention.deactivation import deletion_day
from retention.models import ScheduledDeletion

RETENTION_SCHOOL_CLASS = "jaures-cp"  # any class of Jean-Jaurès: its school is the one
LEFT_PUPIL = ("camille.lefort", "Camille", "Lefort")
LEFT_PARENT = ("nathalie.lefort", "Nathalie", "Lefort")
# Adults of the demo have an address at example.org (reserved: nothing is ever sent).
EMAILS = {LEFT_PARENT[0]: "nathalie.lefort@example.org"}


class DemoRetention:
    """Closes the accounts of a pupil who left and of her mother, once."""

    def load_retention(self):
        school = self.classrooms[RETENTION_SCHOOL_CLASS].get_parent().specific
        User = get_user_model()
        closed_at = timezone.now() - timedelta(days=20)
        made = {}
        for (username, first_name, last_name), reason in (
            (LEFT_PUPIL, ScheduledDeletion.Reason.LEFT_SCHOOL),
            (LEFT_PARENT, ScheduledDeletion.Reason.NO_CHILD),
        ):
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "password": self.password_hash,
                    "first_name": first_name,
                    "last_name": last_name,
                    "is_active": False,
                    "email": EMAILS.get(username, ""),
                },
            )
            made[username] = user
            if created:
                ScheduledDeletion.objects.create(
                    user=user,
                    reason=reason,
                    deactivated_at=closed_at,
                    delete_on=deletion_day(closed_at),
                    school=school,
                )
        Guardianship.objects.get_or_create(parent=made[LEFT_PARENT[0]], child=made[LEFT_PUPIL[0]])
