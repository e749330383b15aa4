"""The pupil's side of a drill: starting a round, answering it, reading the result."""

import contextlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import rounds, rules
from .access import drill_or_404, round_or_404
from .models import Outcome


@login_required
@require_POST
def start(request, drill_id):
    """A pupil of the class starts a round at their level (or goes back to the one under way)."""
    drill, classroom = drill_or_404(request.user, drill_id)
    if not rules.works_here(request.user, classroom) or not drill.live:
        raise Http404
    if not drill.ordered_levels():
        messages.error(request, _("This drill has no level yet: your teacher will add some."))
        return redirect(drill.url)
    round_ = rounds.start(drill, request.user)
    return redirect("drills:round", round_id=round_.pk)


def outcome_message(round_, drill, level_count):
    """What the result says of the pupil's level, addressing the child."""
    new = round_.level + {Outcome.UP: 1, Outcome.DOWN: -1}.get(round_.outcome, 0)
    if round_.outcome == Outcome.UP:
        return _("Well done! You move up to level %(level)s.") % {"level": new}
    if round_.outcome == Outcome.DOWN:
        return _("Back to level %(level)s to practise.") % {"level": new}
    if round_.level == level_count and round_.rate and round_.rate * 100 >= drill.move_up_percent:
        return _("Well done! You are at the last level, %(level)s.") % {"level": new}
    return _("You stay at level %(level)s.") % {"level": new}


@login_required
def play(request, round_id):
    """The round's operations to answer; once answered, its result."""
    round_, drill, classroom = round_or_404(request.user, round_id)
    levels = drill.ordered_levels()
    rows = rounds.operations(round_)
    context = {
        "page": drill,
        "drill": drill,
        "classroom": classroom,
        "round": round_,
        "rows": rows,
        "level_count": len(levels),
        "level_name": levels[round_.level - 1].name if round_.level <= len(levels) else "",
    }
    if round_.finished_at is not None:
        context["outcome_message"] = outcome_message(round_, drill, len(levels))
        return render(request, "drills/result.html", context)
    if not rules.works_here(request.user, classroom):
        # A round left under way when the class closed stays as it was.
        return redirect(drill.url)
    current = rounds.is_current(round_)
    if request.method == "POST":
        answers = request.POST.getlist("answers")[: len(rows)]
        if not current:
            messages.error(request, _("This round is over: start a new one."))
            return redirect(drill.url)
        wrong = rounds.problems(answers, len(rows))
        if not wrong:
            # Sent twice (a double tap): the first answers count, and are shown.
            with contextlib.suppress(ValueError):
                rounds.finish(round_, answers)
            return redirect("drills:round", round_id=round_.pk)
        for index, row in enumerate(rows):
            row["answer"] = answers[index] if index < len(answers) else ""
            row["problem"] = index in wrong
        context["problem"] = _("Write only digits, such as 12.")
        return render(request, "drills/round.html", context, status=400)
    if not current:
        messages.error(request, _("This round is over: start a new one."))
        return redirect(drill.url)
    spec = round_.spec
    if spec.get("seconds") and rows:
        # The exercises' timer (static/js/drill-timer.js) counts per operation.
        context["seconds_per_operation"] = max(1, spec["seconds"] // len(rows))
    return render(request, "drills/round.html", context)
