"""What the newspaper tells people (notifications/, group "newspaper"): an article waits
for its class's teacher, an article is approved or sent back, an issue is published."""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from classrooms.models import Membership
from notifications.kinds import Kind
from notifications.services import notify
from sharedspaces import notices as space_notices
from sharedspaces.notices import teachers_of

from .models import Issue

WAITING = "newspaper_article_waiting"
APPROVED = "newspaper_article_approved"
RETURNED = "newspaper_article_returned"
PUBLISHED = "newspaper_issue_published"
# One group for every shared space's news: a person chooses once how they hear of them.
GROUP = space_notices.GROUP


def notification_kinds():
    """Registered from NewspaperConfig.ready()."""
    return [
        Kind(
            WAITING,
            gettext_lazy("The article “%(title)s” waits for your review in “%(space)s”."),
            group=GROUP,
        ),
        Kind(
            APPROVED,
            gettext_lazy("Your article “%(title)s” is approved: it may go in the newspaper."),
            group=GROUP,
        ),
        Kind(
            RETURNED,
            gettext_lazy("Your teacher sent back your article “%(title)s”: read the note."),
            group=GROUP,
        ),
        Kind(
            PUBLISHED,
            gettext_lazy("The newspaper “%(space)s” N° %(number)s is published."),
            group=GROUP,
        ),
    ]


def article_url(article) -> str:
    return reverse(
        "newspaper:article", kwargs={"space_id": article.space_id, "article_id": article.pk}
    )


def tell_waiting(article):
    notify(
        teachers_of([article.classroom_id]),
        WAITING,
        url=article_url(article),
        title=article.title,
        space=article.space.title,
    )


def tell_reviewed(article, approved):
    notify(
        list(article.authors.all()),
        APPROVED if approved else RETURNED,
        url=article_url(article),
        title=article.title,
    )


def parents_of_pupils(class_ids):
    """The parents of these classes' pupils, as users: one query."""
    from accounts.models import User

    return list(
        User.objects.filter(
            guardianships__child__memberships__classroom_id__in=list(class_ids),
            guardianships__child__memberships__role=Membership.Role.PUPIL,
            is_active=True,
        ).distinct()
    )


def tell_published(issue, standing):
    """The member classes' teachers, the issue's authors and, when the issue is for them
    (or the space is), the families of the member classes: a parent who does not read the
    space finds the issue in their bell."""
    readers = teachers_of(standing.member_class_ids)
    if issue.audience != Issue.Audience.MEMBERS or issue.space.parents_read:
        readers += parents_of_pupils(standing.member_class_ids)
    # Its authors, while their class is in the space: a class that left hears nothing more.
    placements = issue.placements.filter(
        article__classroom_id__in=list(standing.member_class_ids)
    ).prefetch_related("article__authors")
    readers += [author for placement in placements for author in placement.article.authors.all()]
    notify(
        readers,
        PUBLISHED,
        url=reverse("newspaper:issue", kwargs={"space_id": issue.space_id, "issue_id": issue.pk}),
        space=issue.space.title,
        number=issue.number,
    )
