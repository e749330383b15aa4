"""Who reads what in a space's newspaper, from the person's standing in the space
(sharedspaces/rules.py) and, for a published issue, its audience.

- An approved article is for the space's readers; a draft, submitted or returned one
  only for its authors and the people who run the space.
- A pupil's article is approved or sent back by a teacher of the article's class.
- An unpublished issue is for the space's readers; a published one for its audience:
  members (the space's readers), families (+ parents of the member classes' pupils),
  schools (+ the communities of the member classes' schools), public (everyone).
- A class that left gives its people nothing; its pupils' articles stay in the issues.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from classrooms import visibility
from classrooms.models import Membership
from consents import answers
from consents.models import Audience, Medium
from enrolment.models import PupilRecord
from pages import french
from sharedspaces import access
from sharedspaces import rules as space_rules
from sharedspaces.models import SharedSpace

from .models import Article, ArticleMedia, Issue

ACTIVITY = "newspaper"


def space_standing(user, space_id):
    """The person's standing in a newspaper space, whether they may read it or not;
    404 when there is no such space. Two queries."""
    space = SharedSpace.objects.filter(pk=access.number(space_id)).first()
    if space is None or space.activity != ACTIVITY:
        raise Http404
    return space_rules.standing_of(user, space, access.space_rows(space))


def is_author(user, article) -> bool:
    return user.is_authenticated and any(author.pk == user.pk for author in article.authors.all())


def may_see_article(standing, user, article) -> bool:
    if not standing.may_read:
        return False
    if article.status == Article.Status.APPROVED:
        return True
    # Before approval: its authors and its own class's teachers only (never the other
    # classes' teachers nor the space's creator: a class reviews its own pupils).
    return standing.may_review(article.classroom_id) or (
        standing.may_contribute and is_author(user, article)
    )


def may_edit_article(standing, user, article) -> bool:
    return (
        article.classroom_id is not None
        and article.editable
        and standing.may_contribute
        and is_author(user, article)
    )


def may_read_issue(standing, user, issue) -> bool:
    if issue.published_at is None:  # being prepared: for those who assemble it
        return standing.may_manage
    if issue.audience == Issue.Audience.PUBLIC or standing.may_read:
        return True
    if issue.audience == Issue.Audience.FAMILIES:
        return bool(standing.children)
    if issue.audience == Issue.Audience.SCHOOLS:
        if standing.children:
            return True
        schools = {
            row.classroom.path[: -Page.steplen]
            for row in standing.classes
            if row.classroom_id in standing.member_class_ids
        }
        return bool(schools & visibility.school_community_paths(user))
    return False


def in_readable_issue(standing, user, article_id) -> bool:
    """Whether a published issue holding this article is readable by the person."""
    issues = Issue.objects.filter(placements__article_id=article_id, published_at__isnull=False)
    return any(may_read_issue(standing, user, issue) for issue in issues)


# The readers of an issue beyond its space's classes, as the families' answers name them.
_AUDIENCES = {
    Issue.Audience.FAMILIES: Audience.SCHOOL,
    Issue.Audience.SCHOOLS: Audience.SCHOOL,
    Issue.Audience.PUBLIC: Audience.PUBLIC,
}
_MEDIA = {ArticleMedia.Kind.PHOTO: Medium.PHOTO, ArticleMedia.Kind.AUDIO: Medium.VOICE}
_REFUSALS = {
    (Medium.PHOTO, Audience.SCHOOL): gettext_lazy(
        "The article “%(title)s” has a photo by %(names)s, whose family has not agreed to "
        "share their photos beyond the class. Remove the photo from the article, or "
        "choose other readers."
    ),
    (Medium.PHOTO, Audience.PUBLIC): gettext_lazy(
        "The article “%(title)s” has a photo by %(names)s, whose family has not agreed to "
        "their photos in public. Remove the photo from the article, or choose other readers."
    ),
    (Medium.VOICE, Audience.SCHOOL): gettext_lazy(
        "The article “%(title)s” has a recording by %(names)s, whose family has not agreed "
        "to share their voice beyond the class. Remove the recording from the article, or "
        "choose other readers."
    ),
    (Medium.VOICE, Audience.PUBLIC): gettext_lazy(
        "The article “%(title)s” has a recording by %(names)s, whose family has not agreed "
        "to their voice in public. Remove the recording from the article, or choose other "
        "readers."
    ),
}


def consent_refusals(issue) -> list[str]:
    """Why this issue may not reach its readers: one sentence per article and medium
    with a photo or a recording by a pupil whose family has not agreed to that medium
    for that audience (consents/: families and schools are the school community; the
    space's own classes need no answer). Articles are signed with first names only, so
    the full-name answer is never needed. Five queries, whatever the number of articles."""
    audience = _AUDIENCES.get(issue.audience)
    if audience is None:
        return []
    articles = list(
        Article.objects.filter(placements__issue=issue, media__isnull=False)
        .distinct()
        .prefetch_related("authors", "media")
        .order_by("pk")
    )
    author_ids = {author.pk for article in articles for author in article.authors.all()}
    # A pupil is an author who is or was enrolled (a PupilRecord), or is in a class as a
    # pupil: one who left the school still needs the family's consent.
    pupils = set(
        Membership.objects.filter(user_id__in=author_ids, role=Membership.Role.PUPIL).values_list(
            "user_id", flat=True
        )
    ) | set(PupilRecord.objects.filter(user_id__in=author_ids).values_list("user_id", flat=True))
    consents = answers.answers_of(pupils)
    refusals = []
    for article in articles:
        for medium in dict.fromkeys(_MEDIA[file.kind] for file in article.media.all()):
            refused = [
                author
                for author in article.authors.all()
                if author.pk in pupils
                and not answers.allowed(consents[author.pk], medium, audience)
            ]
            if refused:
                names = ", ".join(visibility.shown_name(author, False) for author in refused)
                refusals.append(
                    french.fill(_REFUSALS[(medium, audience)], title=article.title, names=names)
                )
    return refusals


def readable_published(issues, standing, user):
    return [issue for issue in issues if may_read_issue(standing, user, issue)]
