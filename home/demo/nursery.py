"""Nursery mode in the demo: the pupils of the nursery classes have their pictures.

The Petite section (lilas-ps) is in nursery mode by its level: Jade and her classmates
find each other by an animal their teacher chose (accounts/avatars.py), so trying the
nursery editor as `jade.nguyen` shows classmates as pictures, not as names.
"""

from accounts.avatars import Avatar
from classrooms.models import NURSERY_LEVELS, Membership

from . import data as content


class DemoNursery:
    """Gives each pupil of the demo's nursery classes a picture, keeping any chosen since."""

    def load_nursery(self):
        for school in content.SCHOOLS:
            for spec in school.classes:
                if spec.level not in NURSERY_LEVELS:
                    continue
                memberships = (
                    Membership.objects.filter(
                        classroom=self.classrooms[spec.key], role=Membership.Role.PUPIL
                    )
                    .select_related("user")
                    .order_by("user__first_name", "user__pk")
                )
                pictures = Avatar.values
                for number, membership in enumerate(memberships):
                    pupil = membership.user
                    if not pupil.avatar:
                        pupil.avatar = pictures[number % len(pictures)]
                        pupil.save(update_fields=["avatar"])
