import io

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from newspaper.models import Article, ArticleMedia, Issue, IssueArticle


def jpeg():
    output = io.BytesIO()
    Image.new("RGB", (64, 48), (90, 160, 60)).save(output, format="JPEG")
    return output.getvalue()


def url(view, space, **kwargs):
    return reverse(f"newspaper:{view}", kwargs={"space_id": space.pk, **kwargs})


def make_article(
    space,
    classroom,
    authors,
    *,
    status=Article.Status.APPROVED,
    title="La kermesse",
    section="La vie de l'école",
    photo=False,
    audio=False,
):
    article = Article.objects.create(
        space=space,
        classroom=classroom,
        title=title,
        body="Il faisait beau.",
        section=section,
        status=status,
    )
    article.authors.set(authors)
    if photo:
        ArticleMedia.objects.create(
            article=article,
            kind=ArticleMedia.Kind.PHOTO,
            name="photo.jpg",
            content_type="image/jpeg",
            size=10,
            file=ContentFile(jpeg(), name="photo.jpg"),
        )
    if audio:
        ArticleMedia.objects.create(
            article=article,
            kind=ArticleMedia.Kind.AUDIO,
            name="voix.webm",
            content_type="audio/webm",
            size=4,
            duration=2.0,
            file=ContentFile(b"webm", name="voix.webm"),
        )
    return article


def make_issue(space, articles, *, audience=Issue.Audience.FAMILIES, published=True, by=None):
    number = Issue.objects.filter(space=space).count() + 1
    issue = Issue.objects.create(
        space=space,
        number=number,
        audience=audience,
        created_by=by,
        published_at=timezone.now() if published else None,
    )
    for position, article in enumerate(articles, start=1):
        IssueArticle.objects.create(
            issue=issue, article=article, section=article.section, position=position
        )
    return issue
