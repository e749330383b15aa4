"""What a story in turn tells people (notifications/, group "stories"): a class's turn to
write has come, a chapter waits for its teacher, a chapter is sent back."""

from django.urls import reverse
from django.utils.translation import gettext_lazy, pgettext_lazy

from classrooms.models import Membership
from notifications.kinds import Kind
from notifications.services import notify
from sharedspaces import notices as space_notices

TURN = "story_turn"
TURN_PUPIL = "story_turn_pupil"
SUBMITTED = "story_chapter_submitted"
RETURNED = "story_chapter_returned"
# One group for every shared space's news: a person chooses once how they hear of them.
GROUP = space_notices.GROUP


def notification_kinds():
    """Registered from StoriesConfig.ready()."""
    return [
        Kind(
            TURN,
            gettext_lazy("It is the turn of %(class)s to write chapter %(number)s of “%(story)s”."),
            group=GROUP,
        ),
        Kind(
            TURN_PUPIL,
            # Said to a pupil ("tu" in French).
            pgettext_lazy(
                "to a pupil", "It is your class's turn to write chapter %(number)s of “%(story)s”."
            ),
            group=GROUP,
        ),
        Kind(
            SUBMITTED,
            gettext_lazy("Chapter %(number)s of “%(story)s” by %(class)s waits for your review."),
            group=GROUP,
        ),
        Kind(
            RETURNED,
            pgettext_lazy(
                "to a pupil",
                "Your teacher sent back your class's chapter of “%(story)s”: %(note)s",
            ),
            group=GROUP,
        ),
    ]


def _people_of(class_id, role):
    from accounts.models import User

    return list(
        User.objects.filter(
            memberships__classroom_id=class_id, memberships__role=role, is_active=True
        ).distinct()
    )


def _params(story, classroom, number, **more):
    return {"class": classroom.title, "story": story.space.title, "number": number, **more}


def home_url(story):
    return reverse("stories:home", kwargs={"space_id": story.space_id})


def write_url(story):
    return reverse("stories:write", kwargs={"space_id": story.space_id})


def tell_turn(story, classroom, number):
    """The class's teachers and pupils: their turn has come."""
    params = _params(story, classroom, number)
    url = write_url(story)
    notify(_people_of(classroom.pk, Membership.Role.TEACHER), TURN, url=url, **params)
    notify(_people_of(classroom.pk, Membership.Role.PUPIL), TURN_PUPIL, url=url, **params)


def tell_submitted(story, chapter, number):
    notify(
        _people_of(chapter.classroom_id, Membership.Role.TEACHER),
        SUBMITTED,
        url=write_url(story),
        **_params(story, chapter.classroom, number),
    )


def tell_returned(story, chapter):
    notify(
        _people_of(chapter.classroom_id, Membership.Role.PUPIL),
        RETURNED,
        url=write_url(story),
        **_params(story, chapter.classroom, chapter.number, note=chapter.review_note[:200]),
    )
