"""What a drill's page shows to each person: a pupil their level and the way to play,
a parent their children's progress, the class's staff the way to the class grid.

A pupil's and a parent's view cost a few queries each, whatever the class's size."""

from django.urls import reverse

from . import rules
from .models import DrillLevelChange, DrillProgress, DrillRound

LAST_ROUNDS = 5


def _levels_by_number(drill):
    return dict(enumerate(drill.ordered_levels(), start=1))


def progress_for(drill, pupil_ids, levels) -> dict:
    """pupil id → {level, level_name, changes, rounds}: what a pupil or parent reads."""
    count = len(levels)
    places = {
        row.pupil_id: row for row in DrillProgress.objects.filter(drill=drill, pupil__in=pupil_ids)
    }
    changes, rounds = {}, {}
    for change in DrillLevelChange.objects.filter(drill=drill, pupil__in=pupil_ids).select_related(
        "set_by"
    ):
        changes.setdefault(change.pupil_id, []).append(change)
    finished = DrillRound.objects.filter(
        drill=drill, pupil__in=pupil_ids, finished_at__isnull=False
    ).order_by("-finished_at", "-pk")
    for round_ in finished:
        rounds.setdefault(round_.pupil_id, []).append(round_)
    result = {}
    for pupil_id in pupil_ids:
        place = places.get(pupil_id)
        number = max(1, min(place.level if place else 1, max(count, 1)))
        result[pupil_id] = {
            "level": number,
            "level_name": levels[number].name if number in levels else "",
            "level_count": count,
            "set_by": place.set_by_id if place else None,
            "changes": list(reversed(changes.get(pupil_id, []))),
            "rounds": rounds.get(pupil_id, [])[:LAST_ROUNDS],
            "round_count": len(rounds.get(pupil_id, [])),
        }
    return result


def drill_context(request, drill):
    user = request.user
    classroom = drill.get_classroom()
    levels = _levels_by_number(drill)
    context = {
        "levels": list(levels.values()),
        "staff": rules.sees_grid(user, classroom),
        "is_teacher": rules.is_teacher(user, classroom),
        "classroom": classroom,
        "children_progress": [],
    }
    if context["staff"]:
        context["grid_url"] = reverse("drills:grid", kwargs={"drill_id": drill.pk})
    if context["is_teacher"]:
        context["edit_url"] = reverse("drills:edit", kwargs={"drill_id": drill.pk})
    if rules.is_pupil_of(user, classroom):
        mine = progress_for(drill, [user.pk], levels)[user.pk]
        under_way = (
            DrillRound.objects.filter(drill=drill, pupil=user)
            .order_by("-started_at", "-pk")
            .first()
        )
        context.update(
            mine=mine,
            under_way=under_way if under_way and under_way.finished_at is None else None,
            start_url=reverse("drills:start", kwargs={"drill_id": drill.pk}),
            works_here=rules.works_here(user, classroom),
        )
    children = rules.children_in(user, classroom)
    if children:
        progress = progress_for(drill, [child.pk for child in children], levels)
        context["children_progress"] = [(child, progress[child.pk]) for child in children]
    return context
