"""Levelled drills: the rounds played and the changes of level."""

from django.utils.translation import gettext as _

from drills.models import DrillLevelChange, DrillRound

from ..bundle import Line, Section, when

ORDER = 130


def collect(export):
    rounds = list(
        DrillRound.objects.filter(pupil=export.person)
        .select_related("drill")
        .order_by("started_at")
    )
    changes = list(
        DrillLevelChange.objects.filter(pupil=export.person).select_related("drill").order_by("at")
    )
    if not rounds and not changes:
        return None
    records, lines = [], []
    for row in rounds:
        records.append(
            {
                "kind": "round",
                "drill": row.drill.title,
                "level": row.level,
                "answers": row.answers,
                "right": row.right,
                "out_of": row.total,
                "outcome": row.outcome,
                "started_at": when(row.started_at),
                "finished_at": when(row.finished_at),
            }
        )
        score = f"{row.right} / {row.total}" if row.total else ""
        lines.append(
            Line(
                row.drill.title,
                when=row.started_at,
                detail=_("level %(level)d") % {"level": row.level}
                + (f" · {score}" if score else ""),
            )
        )
    for row in changes:
        records.append(
            {
                "kind": "level_change",
                "drill": row.drill.title,
                "level": row.level,
                "at": when(row.at),
            }
        )
        lines.append(
            Line(
                row.drill.title,
                when=row.at,
                detail=_("new level: %(level)d") % {"level": row.level},
            )
        )
    return Section("drills", _("Levelled drills"), records, lines)
