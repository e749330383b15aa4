"""Which kept reads a partnership changes (performance/versions.py `watch`).

A partnership is read by both classes' walls (the partner entries, the invitations) and
by their rights (partner classes read and comment on the host's blog), so a change to one
replaces the versions of both classes.
"""


def partnership_models():
    from .models import Partnership

    return (Partnership,)


def partnership_changed(partnership, **kwargs) -> tuple:
    """The versions of the host's and the guest's class spaces."""
    from classrooms.models import ClassroomPage
    from performance import versions

    paths = ClassroomPage.objects.filter(
        pk__in=(partnership.host_id, partnership.guest_id)
    ).values_list("path", flat=True)
    return tuple(versions.class_scope(path) for path in paths)
