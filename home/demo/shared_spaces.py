"""The demo's shared spaces (mixed into `DemoLoader`): what the reading club, the class
newspaper and the story in turn stand on (home/demo/forum.py, newspaper.py, stories.py).

The pedagogical adviser of the demo's circonscription (`helene.girard`, attached to
Jean-Jaurès and the Bourg) created the reading club; every other space is created by the
teacher of its first class, with its classes accepted in
the given order, as if the invitations had been answered. Loaded once: a space is found
again by its title and creator.
"""

from django.utils import timezone

from forum import notices as forum_notices
from newspaper import notices as newspaper_notices
from notifications.services import without
from sharedspaces import notices as space_notices
from sharedspaces.models import Adviser, SharedSpace, SpaceClass
from stories import notices as story_notices

from . import data as content

ADVISER_USERNAME = "helene.girard"
CIRCONSCRIPTION = "Saint-Aubin – Villeneuve"
SHARED_SPACE_KINDS = (
    space_notices.INVITED,
    space_notices.ANSWERED,
    space_notices.LEFT,
    forum_notices.WAITING,
    forum_notices.PUBLISHED,
    forum_notices.SENT_BACK,
    newspaper_notices.WAITING,
    newspaper_notices.APPROVED,
    newspaper_notices.RETURNED,
    newspaper_notices.PUBLISHED,
    story_notices.TURN,
    story_notices.TURN_PUPIL,
    story_notices.SUBMITTED,
    story_notices.RETURNED,
)


class DemoSharedSpaces:
    def load_shared_spaces(self):
        """The reading club, the class newspaper and the story in turn, as if written days
        ago: their notifications would tell nobody anything new."""
        self.adviser = self.account(
            ADVISER_USERNAME,
            first_name="Hélène",
            last_name="Girard",
            email=f"{ADVISER_USERNAME}@example.org",
        )
        for class_key in ("jaures-cm1", "bourg-cm2"):
            self.link(
                Adviser,
                user=self.adviser,
                school=self.classrooms[class_key].get_parent().specific,
                defaults={"circonscription": CIRCONSCRIPTION},
            )
        with without(*SHARED_SPACE_KINDS):
            self.load_forum()
            self.load_newspaper()
            self.load_stories()

    def class_spec(self, class_key):
        return next(c for s in content.SCHOOLS for c in s.classes if c.key == class_key)

    def teacher_of(self, class_key):
        return self.users[self.class_spec(class_key).teacher]

    def pupil(self, class_key, first_name):
        return self.users[self.pupils[class_key, first_name]]

    def parents_of(self, class_key, first_name):
        return [self.users[parent] for parent in self.guardians[self.pupils[class_key, first_name]]]

    def shared_space(
        self, title, activity, class_keys, *, description="", parents_read=True, creator=None
    ):
        """(space, created): the space of `activity` shared by these classes, in this order,
        created by `creator` (by default the first class's teacher)."""
        creator = creator or self.teacher_of(class_keys[0])
        space = SharedSpace.objects.filter(title=title, created_by=creator).first()
        if space is not None:
            return space, False
        space = SharedSpace.objects.create(
            title=title,
            activity=activity,
            description=description,
            parents_read=parents_read,
            created_by=creator,
        )
        now = timezone.now()
        for position, class_key in enumerate(class_keys, start=1):
            SpaceClass.objects.create(
                space=space,
                classroom=self.classrooms[class_key],
                status=SpaceClass.Status.ACCEPTED,
                position=position,
                invited_by=creator,
                answered_by=self.teacher_of(class_key),
                answered_at=now,
            )
        self.created["links"] += 1
        return space, True
