"""What the comments app tells people: the sentence of each kind of notification it sends
(notifications/kinds.py), and the subject of the e-mail when there is one."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from notifications.kinds import Kind


def notification_kinds():
    """The comments' notification kinds, registered from CommentsConfig.ready()."""
    return [
        Kind(
            "comment_pending",
            _("%(author)s commented on “%(entry)s”: the comment waits for you."),
            _("A comment waits for you"),
            group="comments",
        ),
        Kind(
            "comment_reported",
            _("A comment on “%(entry)s” was reported: it is hidden until you read it again."),
            _("A comment was reported"),
            group="comments",
        ),
        Kind(
            "comment_approved",
            _("Your comment on “%(entry)s” is published."),
            _("Your comment is published"),
            group="comments",
        ),
        Kind(
            "comment_rejected",
            _("Your comment on “%(entry)s” was not published. The teacher says: %(reason)s"),
            _("Your comment was not published"),
            group="comments",
        ),
        # A pupil is spoken to with "tu", an adult with "vous": the same news, two kinds.
        Kind(
            "comment_approved_pupil",
            pgettext_lazy("pupil", "Your comment on “%(entry)s” is published."),
            group="comments",
        ),
        Kind(
            "comment_rejected_pupil",
            pgettext_lazy(
                "pupil",
                "Your comment on “%(entry)s” was not published. The teacher says: %(reason)s",
            ),
            group="comments",
        ),
        Kind(
            "comment_on_your_entry",
            _("%(author)s left a comment on your entry “%(entry)s”."),
            group="comments",
        ),
        Kind(
            "partnership_invitation",
            _("%(host)s invites %(guest)s to read and comment on its blog."),
            _("An invitation from another class"),
            group="comments",
        ),
        Kind(
            "partnership_accepted",
            _("%(guest)s accepted to read and comment on the blog of %(host)s."),
            _("Your invitation is accepted"),
            group="comments",
        ),
        Kind(
            "partnership_declined",
            _("%(guest)s declined the invitation of %(host)s."),
            group="comments",
        ),
    ]
