"""What the diary tells people (notifications/): each pupil concerned and their parents,
once, when a session with homework is first saved; never again on later edits."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from classrooms.models import Guardianship, class_pupils
from notifications.kinds import Kind
from notifications.services import notify

from .models import Audience


def notification_kinds():
    """Registered from HomeworkConfig.ready()."""
    return [
        Kind(
            "homework_new_pupil",
            pgettext_lazy("pupil", "New homework in the diary of %(class)s: look at “%(title)s”."),
            group="homework",
        ),
        Kind(
            "homework_new_parent",
            _("New homework for %(child)s in %(class)s (“%(title)s”)."),
            _("New homework for your child"),
            group="homework",
        ),
    ]


def announce(session, url):
    """Tell the pupils its items are for, and their parents; once per session."""
    if session.announced_at or not session.items.exists():
        return
    session.announced_at = timezone.now()
    session.save(update_fields=["announced_at"])
    concerned = set()
    everyone = list(class_pupils(session.classroom))
    for item in session.items.prefetch_related("group__pupils", "pupils"):
        if item.audience == Audience.CLASS:
            concerned.update(pupil.pk for pupil in everyone)
        elif item.audience == Audience.GROUP and item.group:
            concerned.update(pupil.pk for pupil in item.group.pupils.all())
        else:
            concerned.update(pupil.pk for pupil in item.pupils.all())
    pupils = [pupil for pupil in everyone if pupil.pk in concerned]
    params = {"class": session.classroom.title, "title": session.title}
    notify(pupils, "homework_new_pupil", url=url, **params)
    by_child = {}
    for row in Guardianship.objects.filter(child__in=pupils).select_related("parent", "child"):
        by_child.setdefault(row.child, []).append(row.parent)
    for child, parents in by_child.items():
        notify(parents, "homework_new_parent", url=url, child=child.first_name, **params)
