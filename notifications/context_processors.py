"""The unread count for the header's badge, computed only if a template reads it."""

from django.utils.functional import SimpleLazyObject

from .unread import unread_count


def unread_notifications(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}
