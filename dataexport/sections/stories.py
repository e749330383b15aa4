"""Stories in turn: the chapters the person wrote with their class."""

from django.utils.translation import gettext as _

from stories.models import Chapter

from ..bundle import Line, Section, when

ORDER = 100


def collect(export):
    rows = list(
        Chapter.objects.filter(written_by=export.person)
        .select_related("story")
        .order_by("story_id", "number")
    )
    if not rows:
        return None
    records, lines = [], []
    for row in rows:
        records.append(
            {
                "story_opening": row.story.opening[:200],
                "number": row.number,
                "title": row.title,
                "text": row.body,
                "status": row.status,
                "updated_at": when(row.updated_at),
                "published_at": when(row.published_at),
            }
        )
        title = row.title or _("Chapter %(number)d") % {"number": row.number}
        lines.append(
            Line(
                title, when=row.published_at or row.updated_at, detail=str(row.get_status_display())
            )
        )
    return Section("story_chapters", _("Stories in turn: chapters"), records, lines)
