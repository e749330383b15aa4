"""The class newspaper's part of the permission matrix's world (issue 21), built by
conftest.py.

"Le Journal des Pins", a newspaper space created by the class's teacher, parents NOT
reading the space: class A1 (the class) and partner class B2 (school B) are members;
class A2 was a member and LEFT. Issue N° 1 is published for the families, with an
approved article by the B2 pupil (with a photo) and one by the A2 pupil written before
A2 left. A second article of the B2 pupil is submitted, waiting for a teacher of B2.
Only ids leave the builder.
"""

import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from newspaper.models import Article, ArticleMedia, Issue, IssueArticle
from sharedspaces.models import SharedSpace, SpaceClass

from .matrix import PUPIL_OTHER_CLASS, PUPIL_PARTNER_CLASS, TEACHER


@dataclass(frozen=True)
class NewspaperWorld:
    space_id: int
    issue_id: int
    issue_title: str
    media_id: int
    media_name: str
    media_bytes: bytes
    pending_id: int
    pending_title: str
    left_article_id: int
    left_article_title: str


def _jpeg():
    output = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 120, 40)).save(output, format="JPEG")
    return output.getvalue()


def build_newspaper_world(users, classroom, other_classroom, partner_classroom):
    now = timezone.now()
    space = SharedSpace.objects.create(
        title="Le Journal des Pins",
        activity="newspaper",
        parents_read=False,
        created_by=users[TEACHER],
    )
    for position, (room, status) in enumerate(
        (
            (classroom, SpaceClass.Status.ACCEPTED),
            (partner_classroom, SpaceClass.Status.ACCEPTED),
            (other_classroom, SpaceClass.Status.LEFT),
        ),
        start=1,
    ):
        SpaceClass.objects.create(
            space=space, classroom=room, status=status, position=position, answered_at=now
        )

    def article(room, author, title, status):
        made = Article.objects.create(
            space=space, classroom=room, title=title, body=f"{title}.", status=status
        )
        made.authors.set([author])
        return made

    approved = article(
        partner_classroom,
        users[PUPIL_PARTNER_CLASS],
        "La visite du phare",
        Article.Status.APPROVED,
    )
    data = _jpeg()
    media = ArticleMedia.objects.create(
        article=approved,
        kind=ArticleMedia.Kind.PHOTO,
        name="phare.jpg",
        content_type="image/jpeg",
        size=len(data),
        file=ContentFile(data, name="phare.jpg"),
    )
    left = article(
        other_classroom, users[PUPIL_OTHER_CLASS], "Les hérons du marais", Article.Status.APPROVED
    )
    pending = article(
        partner_classroom,
        users[PUPIL_PARTNER_CLASS],
        "Notre classe de mer",
        Article.Status.SUBMITTED,
    )
    issue = Issue.objects.create(
        space=space,
        number=1,
        title="Le numéro du printemps",
        audience=Issue.Audience.FAMILIES,
        published_at=now,
        created_by=users[TEACHER],
    )
    for position, placed in enumerate((approved, left), start=1):
        IssueArticle.objects.create(issue=issue, article=placed, position=position)
    return NewspaperWorld(
        space_id=space.pk,
        issue_id=issue.pk,
        issue_title=issue.title,
        media_id=media.pk,
        media_name=media.name,
        media_bytes=data,
        pending_id=pending.pk,
        pending_title=pending.title,
        left_article_id=left.pk,
        left_article_title=left.title,
    )
