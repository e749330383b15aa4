"""What exercises tell people (notifications/): the pupils an exercise is set for, when
it is first published (the whole class, or the groups and pupils the teacher chose)."""

from django.utils.translation import pgettext_lazy
from wagtail.signals import page_published

from classrooms.models import Membership
from notifications.kinds import Kind
from notifications.services import notify

from .models import ExercisePage

EXERCISE_SET = "exercise_set"


def notification_kinds():
    """Registered from ExercisesConfig.ready()."""
    return [
        Kind(
            EXERCISE_SET,
            pgettext_lazy("pupil", "A new exercise for you: “%(exercise)s”."),
            group="exercises",
        )
    ]


def pupils_concerned(exercise) -> list:
    """The class's pupils it is set for, in three queries whatever their number."""
    classroom = exercise.get_parent()
    places = Membership.objects.filter(
        classroom=classroom, role=Membership.Role.PUPIL
    ).select_related("user")
    pupils = {place.user_id: place.user for place in places}
    chosen = set(exercise.assigned_pupils.values_list("pk", flat=True))
    chosen |= set(exercise.assigned_groups.values_list("pupils__pk", flat=True))
    chosen.discard(None)
    if not chosen and not exercise.assigned_groups.exists():
        return list(pupils.values())
    return [pupil for pk, pupil in pupils.items() if pk in chosen]


def exercise_published(sender, instance, **kwargs):
    """page_published, the first time only: it is now set for them."""
    if instance.first_published_at != instance.last_published_at:
        return
    notify(
        pupils_concerned(instance), EXERCISE_SET, url=instance.url or "", exercise=instance.title
    )


def connect() -> None:
    page_published.connect(
        exercise_published, sender=ExercisePage, dispatch_uid="exercise_published"
    )
