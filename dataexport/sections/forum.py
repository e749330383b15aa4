"""The reading club of shared spaces: topics the person opened and replies they wrote,
with their pictures and recordings."""

from django.utils.translation import gettext as _

from forum.models import Post, Topic

from ..bundle import Line, Section, when

ORDER = 80


def collect(export):
    topics = list(Topic.objects.filter(created_by=export.person).order_by("created_at"))
    posts = list(
        Post.objects.filter(author=export.person)
        .select_related("topic")
        .prefetch_related("files")
        .order_by("created_at")
    )
    if not topics and not posts:
        return None
    records, lines = [], []
    for topic in topics:
        path = export.add_file(topic.cover, "club", topic.title) if topic.cover else None
        records.append(
            {
                "kind": "topic",
                "title": topic.title,
                "text": topic.text,
                "status": topic.status,
                "written_at": when(topic.created_at),
                "files": [path] if path else [],
            }
        )
        lines.append(
            Line(
                topic.title, when=topic.created_at, detail=_("topic"), files=[path] if path else []
            )
        )
    for post in posts:
        paths = [export.add_file(f.file, "club", post.topic.title) for f in post.files.all()]
        paths = [path for path in paths if path]
        records.append(
            {
                "kind": "reply",
                "topic": post.topic.title,
                "text": post.text,
                "status": post.status,
                "written_at": when(post.created_at),
                "files": paths,
            }
        )
        lines.append(
            Line(post.topic.title, when=post.created_at, detail=post.text[:200], files=paths)
        )
    return Section("forum", _("Reading club"), records, lines)
