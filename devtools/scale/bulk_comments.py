"""A planned school's comments, in bulk, with their xtd threads, and the teachers'
notices of those waiting for them (mixed into `seed.SchoolWriter`)."""

from datetime import timedelta

from comments import services as comment_services
from comments.models import ClassComment
from home.builders.comment_rows import comment_waiting_notice, entry_comment
from notifications.models import Notification

from . import bulk

REJECTION_REASON = "Merci de réécrire ton commentaire avec des mots gentils."


class CommentRows:
    """Writes the comments of the school's blog entries."""

    def comments(self):
        context = self.context
        top, replies, notifications = [], [], []
        made = {}  # plan Comment → ClassComment
        for classroom in self.plan.classes:
            page = self.classrooms[classroom.number]
            teacher = self.user(classroom.teacher)
            nested = {}
            for comment in classroom.comments:
                if comment.reply_to is not None:
                    nested[comment.reply_to] = nested.get(comment.reply_to, 0) + 1
            for comment in classroom.comments:
                entry = self.entries[comment.entry]
                author = self.user(comment.author)
                submitted = min(
                    entry.first_published_at + timedelta(hours=comment.hours_after), context.now
                )
                moderated = comment.by != "teacher" and comment.status != "pending"
                row = entry_comment(
                    context.entry_type,
                    entry,
                    context.site,
                    author,
                    comment_services.comment_text(
                        comment.liked, comment.suggestion, comment.wondering
                    ),
                    user_url="",
                    liked=comment.liked,
                    suggestion=comment.suggestion,
                    wondering=comment.wondering,
                    submit_date=submitted,
                    ip_address=None,
                    is_public=comment.status == "published",
                    is_removed=comment.status == "rejected",
                    rejection_reason=REJECTION_REASON if comment.status == "rejected" else "",
                    moderated_by=teacher if moderated else None,
                    moderated_at=min(submitted + timedelta(hours=2), context.now)
                    if moderated
                    else None,
                    level=0,
                    order=1,
                    followup=False,
                    nested_count=nested.get(comment, 0),
                )
                made[comment] = row
                if comment.reply_to is None:
                    top.append(row)
                else:
                    row.level = 1
                    replies.append((row, comment.reply_to))
                if comment.status == "pending":
                    notifications.append(
                        comment_waiting_notice(teacher, author, entry, page, created_at=submitted)
                    )

        def own_thread(batch):
            for row in batch:
                # The id of the comment (the root table's): a thread of its own.
                row.thread_id = row.parent_id = row.id

        bulk.insert(ClassComment, top, using=self.using, raw=True, with_ids=own_thread)
        orders = {}
        for row, parent in replies:
            parent_row = made[parent]
            orders[parent] = orders.get(parent, 1) + 1
            row.thread_id = parent_row.thread_id
            row.parent_id = parent_row.pk
            row.order = orders[parent]
        bulk.insert(ClassComment, [row for row, _parent in replies], using=self.using, raw=True)
        bulk.insert(Notification, notifications, using=self.using, raw=True)
