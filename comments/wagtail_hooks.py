"""The comments' place in the Wagtail admin: a listing for the people who moderate a class.

Teachers moderate from the front end, class by class; directors and teachers of several
classes also find every comment of their classes here (admin_views.py), scoped by the
permission policy in admin_permissions.py.
"""

from wagtail import hooks

from .admin_views import CommentModerationViewSet


@hooks.register("register_admin_viewset")
def register_comment_moderation():
    # Its permission policy is registered by CommentsConfig.ready().
    return CommentModerationViewSet()
