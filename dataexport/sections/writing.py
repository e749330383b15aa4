"""The writing workshop: the person's texts (working copy) and every draft handed in,
with the teacher's comment on each."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from writing.models import Draft, Text

from ..bundle import Line, Section, when

ORDER = 50


def collect(export):
    texts = list(
        Text.objects.filter(authors=export.person)
        .select_related("assignment", "topic")
        .prefetch_related(Prefetch("drafts", queryset=Draft.objects.order_by("number")))
        .order_by("-created_at")
    )
    if not texts:
        return None
    records, lines = [], []
    for text in texts:
        drafts = [
            {
                "number": draft.number,
                "text": draft.body,
                "handed_in_at": when(draft.handed_in_at),
                "teacher_comment": draft.comment,
                "marked_at": when(draft.marked_at),
            }
            for draft in text.drafts.all()
        ]
        title = text.title or text.assignment.title
        records.append(
            {
                "assignment": text.assignment.title,
                "topic": text.topic.title if text.topic else "",
                "title": text.title,
                "status": text.status,
                "text": text.body,
                "saved_at": when(text.saved_at),
                "created_at": when(text.created_at),
                "drafts": drafts,
            }
        )
        detail = str(text.get_status_display())
        if drafts:
            detail += " · " + (
                _("%(count)d drafts handed in") % {"count": len(drafts)}
                if len(drafts) > 1
                else _("1 draft handed in")
            )
        lines.append(Line(title, when=text.saved_at or text.created_at, detail=detail))
    return Section("writing_texts", _("Writing workshop: texts and drafts"), records, lines)
