"""What the class blog tells people (notifications/): a class's teachers when an entry
waits for them, its pupil authors when it is published or sent back, and their parents
when a new entry by their child is published (they always may read their child's class).

Wagtail's workflow and publication signals are the one place every path goes through
(the class's pages, the admin, the demo loader); `quietly()` silences them where an
entry is only put back in the state it was in (consent.py).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.signals import (
    page_published,
    task_submitted,
    workflow_cancelled,
    workflow_rejected,
)

from notifications.kinds import Kind
from notifications.services import notify, take_back

from .models import BlogEntryPage, Guardianship, Membership

ENTRY_WAITING = "entry_waiting"
ENTRY_PUBLISHED = "entry_published"
ENTRY_SENT_BACK = "entry_sent_back"
CHILD_ENTRY_PUBLISHED = "child_entry_published"

_quiet = ContextVar("class_blog_quiet", default=False)


@contextmanager
def quietly():
    """Workflow changes made inside this block tell nobody."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def notification_kinds():
    """Registered from ClassroomsConfig.ready() (notification_wiring.py)."""
    return [
        Kind(
            ENTRY_WAITING,
            _("%(author)s sent “%(entry)s” to the class blog: it waits for your review."),
            _("An entry waits for you"),
            group="class_work",
        ),
        Kind(
            ENTRY_PUBLISHED,
            pgettext_lazy("pupil", "Your entry “%(entry)s” is published on the class blog!"),
            group="class_work",
        ),
        Kind(
            ENTRY_SENT_BACK,
            pgettext_lazy(
                "pupil",
                "Your teacher sent back “%(entry)s”: read the note and correct your entry.",
            ),
            group="class_work",
        ),
        Kind(
            CHILD_ENTRY_PUBLISHED,
            _("A new entry by %(child)s is on the class blog: “%(entry)s”."),
            _("A new entry by your child"),
            group="class_work",
        ),
    ]


def _entry_of(workflow_state):
    page = workflow_state.content_object
    page = getattr(page, "specific", page)
    return page if isinstance(page, BlogEntryPage) else None


def _pupil_authors(entry, classroom):
    pupils = set(
        Membership.objects.filter(classroom=classroom, role=Membership.Role.PUPIL).values_list(
            "user_id", flat=True
        )
    )
    return [author for author in entry.authors.all() if author.pk in pupils]


def entry_submitted(sender, instance, user=None, **kwargs):
    """task_submitted: the class's teachers have an entry to review."""
    if _quiet.get():
        return
    entry = _entry_of(instance.workflow_state)
    if entry is None:
        return
    classroom = entry.get_parent()
    teachers = [
        place.user
        for place in Membership.objects.filter(
            classroom=classroom, role=Membership.Role.TEACHER
        ).select_related("user")
        if user is None or place.user_id != user.pk
    ]
    author = user.display_name if user is not None else ""
    notify(
        teachers,
        ENTRY_WAITING,
        url=reverse("classrooms:entry_review", kwargs={"entry_id": entry.pk}),
        author=author,
        entry=entry.title,
    )


def entry_withdrawn(sender, instance, user=None, **kwargs):
    """workflow_cancelled: an entry taken back (or published without review) no longer
    waits; the teachers' unread "waits for you" about it goes."""
    entry = _entry_of(instance)
    if entry is None:
        return
    # The notice holds the address in the language it was sent in (/classes/… or
    # /en/classes/…), which need not be the language it is taken back in.
    urls = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            urls.add(reverse("classrooms:entry_review", kwargs={"entry_id": entry.pk}))
    take_back(ENTRY_WAITING, urls)


def entry_rejected(sender, instance, user=None, **kwargs):
    """workflow_rejected: the pupil authors read the note beside their draft."""
    if _quiet.get():
        return
    entry = _entry_of(instance)
    if entry is None:
        return
    authors = _pupil_authors(entry, entry.get_parent())
    notify(
        authors,
        ENTRY_SENT_BACK,
        url=reverse("classrooms:entry_edit", kwargs={"entry_id": entry.pk}),
        entry=entry.title,
    )


def entry_published(sender, instance, revision=None, **kwargs):
    """page_published, the first time only: the pupil authors and their parents."""
    if _quiet.get() or not isinstance(instance, BlogEntryPage):
        return
    if instance.first_published_at != instance.last_published_at:
        return  # published again after an edit: nothing new for them
    authors = _pupil_authors(instance, instance.get_parent())
    if not authors:
        return
    url = instance.url or ""
    notify(authors, ENTRY_PUBLISHED, url=url, entry=instance.title)
    children_of = {}
    parents = {}
    for link in Guardianship.objects.filter(child__in=authors).select_related("parent", "child"):
        parents[link.parent_id] = link.parent
        children_of.setdefault(link.parent_id, set()).add(link.child.display_name)
    # Each parent is told of their own children only; parents of the same children at once.
    families = {}
    for parent_id, children in children_of.items():
        families.setdefault(tuple(sorted(children)), []).append(parents[parent_id])
    for children, family in families.items():
        notify(
            family, CHILD_ENTRY_PUBLISHED, url=url, entry=instance.title, child=", ".join(children)
        )


def connect() -> None:
    task_submitted.connect(entry_submitted, dispatch_uid="class_blog_entry_submitted")
    workflow_rejected.connect(entry_rejected, dispatch_uid="class_blog_entry_rejected")
    workflow_cancelled.connect(entry_withdrawn, dispatch_uid="class_blog_entry_withdrawn")
    page_published.connect(
        entry_published, sender=BlogEntryPage, dispatch_uid="class_blog_entry_published"
    )
