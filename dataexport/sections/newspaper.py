"""The class newspaper: articles the person wrote, with their pictures and recordings."""

from django.utils.translation import gettext as _

from newspaper.models import Article

from ..bundle import Line, Section, when

ORDER = 110


def collect(export):
    rows = list(
        Article.objects.filter(authors=export.person)
        .prefetch_related("media")
        .order_by("created_at")
    )
    if not rows:
        return None
    records, lines = [], []
    for row in rows:
        paths = [export.add_file(m.file, "newspaper", row.title) for m in row.media.all()]
        paths = [path for path in paths if path]
        records.append(
            {
                "title": row.title,
                "section": row.section,
                "text": row.body,
                "status": row.status,
                "written_at": when(row.created_at),
                "updated_at": when(row.updated_at),
                "files": paths,
            }
        )
        lines.append(
            Line(row.title, when=row.created_at, detail=str(row.get_status_display()), files=paths)
        )
    return Section("newspaper_articles", _("Newspaper articles"), records, lines)
