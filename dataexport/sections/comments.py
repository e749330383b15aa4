"""Comments the person wrote on class blog entries, whatever their moderation."""

from django.utils.translation import gettext as _
from wagtail.models import Page

from comments.models import ClassComment

from ..bundle import Line, Section, when

ORDER = 60


def collect(export):
    rows = list(ClassComment.objects.filter(user=export.person).order_by("submit_date"))
    if not rows:
        return None
    ids = {int(row.object_pk) for row in rows if str(row.object_pk).isdigit()}
    titles = dict(Page.objects.filter(pk__in=ids).values_list("pk", "title"))
    records, lines = [], []
    for row in rows:
        on = titles.get(int(row.object_pk), "") if str(row.object_pk).isdigit() else ""
        records.append(
            {
                "on": on,
                "comment": row.comment,
                "liked": row.liked,
                "suggestion": row.suggestion,
                "wondering": row.wondering,
                "status": str(row.status),
                "written_at": when(row.submit_date),
            }
        )
        text = " ".join(
            part for part in (row.liked, row.suggestion, row.wondering, row.comment) if part
        )
        lines.append(Line(on or _("A comment"), when=row.submit_date, detail=text[:200]))
    return Section("comments", _("Comments"), records, lines)
