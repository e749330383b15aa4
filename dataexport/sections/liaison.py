"""Words to parents (carnet de liaison): the words acknowledged, and the answers given, by
the person as a parent or about the person as a child."""

from django.db.models import Q
from django.utils.translation import gettext as _

from liaison.models import Acknowledgement

from ..bundle import Line, Section, when

ORDER = 140


def collect(export):
    person = export.person
    rows = list(
        Acknowledgement.objects.filter(Q(parent=person) | Q(child=person))
        .select_related("word", "child", "parent")
        .order_by("acknowledged_at")
    )
    if not rows:
        return None
    records, lines = [], []
    for row in rows:
        records.append(
            {
                "word": row.word.title,
                "child": row.child.get_full_name(),
                "acknowledged_by": row.parent.get_full_name(),
                "acknowledged_at": when(row.acknowledged_at),
                "answer": row.answer,
                "answered_at": when(row.answered_at),
            }
        )
        detail = _("acknowledged by %(name)s") % {"name": row.parent.get_full_name()}
        if row.answer:
            detail += f" · {row.answer}"
        lines.append(Line(row.word.title, when=row.acknowledged_at, detail=detail))
    return Section("words_acknowledged", _("Words to parents acknowledged"), records, lines)
