"""Exercises: each attempt (alone or in a pair), its answers, score and comment."""

from django.db.models import Q
from django.utils.translation import gettext as _

from exercises.models import Attempt

from ..bundle import Line, Section, when

ORDER = 120


def collect(export):
    person = export.person
    rows = list(
        Attempt.objects.filter(Q(pupil=person) | Q(partner=person))
        .select_related("exercise")
        .order_by("started_at")
    )
    if not rows:
        return None
    records, lines = [], []
    for row in rows:
        records.append(
            {
                "exercise": row.exercise.title,
                "started_at": when(row.started_at),
                "finished_at": when(row.finished_at),
                "answers": row.answers,
                "points": row.points,
                "out_of": row.max_points,
                "teacher_comment": row.teacher_comment,
                "in_a_pair": row.partner_id is not None,
            }
        )
        score = ""
        if row.points is not None and row.max_points:
            score = f"{row.points:g} / {row.max_points:g}"
        lines.append(Line(row.exercise.title, when=row.finished_at or row.started_at, detail=score))
    return Section("exercise_attempts", _("Exercises"), records, lines)
