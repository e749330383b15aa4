"""The demo's notifications (mixed into `DemoLoader`): a bell with several groups.

The story's pages are published for the first time as the loader runs: the class blog
and the exercises would tell every pupil and parent of things that happened days ago, so
`load_school` runs inside `notifications.services.without(...)` of those kinds. Then a
few notifications are written here, as the pages would have, dated to the recent days:
Mme Durand is told of the entries of her CP that wait for her review; Vincent Moreau,
Nathan's father, of Nathan's published entries and of a comment of his, and he chose the
daily digest for class work and comments (README "Notifications"). Written once: a
notification already there (same person, kind and address) is kept.
"""

from datetime import timedelta

from django.urls import reverse
from wagtail.models import WorkflowState

from classrooms import notices as blog_notices
from classrooms.models import BlogEntryPage
from exercises import notices as exercise_notices
from notifications.models import EmailChoice, Notification, NotificationPreference

from . import data as content

CP = "jaures-cp"
STORY_KINDS = (
    blog_notices.ENTRY_WAITING,
    blog_notices.ENTRY_PUBLISHED,
    blog_notices.ENTRY_SENT_BACK,
    blog_notices.CHILD_ENTRY_PUBLISHED,
    exercise_notices.EXERCISE_SET,
)
DIGEST_GROUPS = ("class_work", "comments")


class DemoNotifications:
    def load_notifications(self):
        classroom = self.classrooms[CP]
        spec = next(c for school in content.SCHOOLS for c in school.classes if c.key == CP)
        teacher = self.users[spec.teacher]
        nathan = self.pupil(CP, "Nathan")
        father = self.users[self.guardians[self.pupils[CP, "Nathan"]][0]]
        entries = list(BlogEntryPage.objects.child_of(classroom).prefetch_related("authors"))
        waiting = {
            int(object_id)
            for object_id in WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS,
                object_id__in=[str(entry.pk) for entry in entries],
            ).values_list("object_id", flat=True)
        }
        for hours, entry in enumerate(e for e in entries if e.pk in waiting):
            author = next(iter(entry.authors.all()), None)
            self.tell(
                teacher,
                blog_notices.ENTRY_WAITING,
                reverse("classrooms:entry_review", kwargs={"entry_id": entry.pk}),
                hours + 2,
                author=author.display_name if author else "",
                entry=entry.title,
            )
        by_nathan = [e for e in entries if e.live and nathan in e.authors.all()]
        for hours, entry in enumerate(by_nathan[:2]):
            self.tell(
                father,
                blog_notices.CHILD_ENTRY_PUBLISHED,
                entry.url,
                hours + 3,
                entry=entry.title,
                child=nathan.display_name,
            )
        if by_nathan:
            entry = by_nathan[0]
            self.tell(father, "comment_approved", entry.url + "#comments", 1, entry=entry.title)
        for group in DIGEST_GROUPS:
            NotificationPreference.objects.get_or_create(
                user=father, group=group, defaults={"email": EmailChoice.DAILY}
            )

    def tell(self, user, kind, url, hours_ago, **params):
        """One unread notification, dated `hours_ago`, unless it is already there."""
        notification, created = Notification.objects.get_or_create(
            recipient=user, kind=kind, url=url, defaults={"params": params}
        )
        if created:
            when = self.now - timedelta(hours=hours_ago)
            Notification.objects.filter(pk=notification.pk).update(
                created_at=when, visible_from=when
            )
