"""The homework diary: what the pupil ticked as done, and when."""

from django.utils.translation import gettext as _

from homework.models import ItemDone

from ..bundle import Line, Section, when

ORDER = 90


def collect(export):
    rows = list(
        ItemDone.objects.filter(pupil=export.person)
        .select_related("item__session")
        .order_by("item__due_date")
    )
    if not rows:
        return None
    records, lines = [], []
    for row in rows:
        item = row.item
        records.append(
            {
                "session": item.session.title,
                "to_do": item.text,
                "due_on": when(item.due_date),
                "ticked_done_at": when(row.done_at),
            }
        )
        lines.append(Line(item.text[:200], when=item.due_date, detail=_("ticked as done")))
    return Section("homework_done", _("Homework ticked as done"), records, lines)
