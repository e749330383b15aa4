from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def partnership_models():
    from .models import Partnership

    return (Partnership,)


def partnership_changed(partnership, **kwargs) -> tuple:
    """A partnership is read by both classes' walls and rights: their versions change."""
    from classrooms.models import ClassroomPage
    from performance import versions

    paths = ClassroomPage.objects.filter(
        pk__in=(partnership.host_id, partnership.guest_id)
    ).values_list("path", flat=True)
    return tuple(versions.class_scope(path) for path in paths)


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from classrooms import visibility, wall
        from notifications import kinds
        from performance import versions

        from . import admin_permissions, kept, moderation, rules
        from .templatetags import class_comments

        admin_permissions.register()
        moderation.register()
        # Members of a partner class read the blog of the class that invited them.
        visibility.register_guest_source(rules.partner_class_paths)
        # The wall's panel and partners' entries read the class's partnerships with the
        # rest of the class, in the wall's one query.
        wall.register_class_fact(class_comments.PARTNERSHIPS, class_comments.partnership_rows)
        versions.watch(partnership_changed, partnership_models)
        kept.watch()
        for kind in NOTIFICATION_KINDS:
            kinds.register(kind)


def _kinds():
    from notifications.kinds import Kind

    return [
        Kind(
            "comment_pending",
            _("%(author)s commented on “%(entry)s”: the comment waits for you."),
            _("A comment waits for you"),
        ),
        Kind(
            "comment_reported",
            _("A comment on “%(entry)s” was reported: it is hidden until you read it again."),
            _("A comment was reported"),
        ),
        Kind(
            "comment_approved",
            _("Your comment on “%(entry)s” is published."),
            _("Your comment is published"),
        ),
        Kind(
            "comment_rejected",
            _("Your comment on “%(entry)s” was not published. The teacher says: %(reason)s"),
            _("Your comment was not published"),
        ),
        Kind(
            "comment_on_your_entry",
            _("%(author)s left a comment on your entry “%(entry)s”."),
        ),
        Kind(
            "partnership_invitation",
            _("%(host)s invites %(guest)s to read and comment on its blog."),
            _("An invitation from another class"),
        ),
        Kind(
            "partnership_accepted",
            _("%(guest)s accepted to read and comment on the blog of %(host)s."),
            _("Your invitation is accepted"),
        ),
        Kind(
            "partnership_declined",
            _("%(guest)s declined the invitation of %(host)s."),
        ),
    ]


class _LazyKinds:
    def __iter__(self):
        return iter(_kinds())


NOTIFICATION_KINDS = _LazyKinds()
