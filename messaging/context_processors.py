"""The header's count of unread conversations, read only when a template shows it."""

from django.utils.functional import SimpleLazyObject

from .live import inbox_version, unread_count


def unread_messages(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {
        "unread_messages": SimpleLazyObject(lambda: unread_count(user)),
        "messages_version": SimpleLazyObject(
            lambda: inbox_version(user.pk) if user.is_authenticated else ""
        ),
    }
