"""The teacher's side of a drill in the front end: writing it with its levels, the class
grid (read by the assistants and the school's director too), and setting a pupil's level."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from classrooms.models import class_pupils

from . import rounds, rules
from .access import classroom_or_404, drill_or_404, number
from .forms import DrillForm, level_formset
from .grid import class_grid
from .models import DrillLevel, DrillPage

RULE_FIELDS = ("move_up_percent", "move_down_percent", "move_down_after")


def _levels_of(drill) -> list[dict]:
    return [
        {
            "name": level.name,
            "operation": level.operation,
            "minimum": level.minimum,
            "maximum": level.maximum,
            "operations": level.operations,
            "seconds": level.seconds,
        }
        for level in drill.ordered_levels()
    ]


@transaction.atomic
def _save(drill, classroom, user, data, levels):
    drill.title = data["title"]
    drill.intro = data["intro"]
    for field in RULE_FIELDS:
        setattr(drill, field, data[field])
    drill.levels = [DrillLevel(**level) for level in levels]
    if drill.pk is None:
        drill.owner = user
        drill.slug = classroom.free_slug(drill.title, "entrainement")
        classroom.add_child(instance=drill)
    drill.save_revision(user=user, log_action=True).publish(user=user)
    return drill


def _form_page(request, classroom, drill=None):
    if drill is None:
        initial = {}
        levels = None
    else:
        initial = {"title": drill.title, "intro": drill.intro}
        initial.update({field: getattr(drill, field) for field in RULE_FIELDS})
        levels = _levels_of(drill)
    data = request.POST if request.method == "POST" else None
    form = DrillForm(data, initial=initial)
    formset = level_formset(data, levels)
    if data is not None and form.is_valid() and formset.is_valid():
        saved = _save(
            drill or DrillPage(), classroom, request.user, form.cleaned_data, formset.levels()
        )
        messages.success(request, _("The drill is ready: the pupils can play it."))
        return redirect(saved.url)
    return render(
        request,
        "drills/drill_form.html",
        {"form": form, "formset": formset, "classroom": classroom, "drill": drill},
        status=400 if data is not None else 200,
    )


@login_required
def drill_new(request, classroom_id):
    """A teacher writes a new drill from the class space, three levels offered."""
    classroom = classroom_or_404(request.user, classroom_id)
    if not rules.is_teacher(request.user, classroom):
        raise Http404
    return _form_page(request, classroom)


@login_required
def drill_edit(request, drill_id):
    drill, classroom = drill_or_404(request.user, drill_id)
    if not rules.is_teacher(request.user, classroom):
        raise Http404
    return _form_page(request, classroom, drill.get_latest_revision_as_object())


@login_required
def grid(request, drill_id):
    """Every pupil's level and results: the class's teachers, assistants and director."""
    drill, classroom = drill_or_404(request.user, drill_id)
    if not rules.sees_grid(request.user, classroom):
        raise Http404
    return render(
        request,
        "drills/grid.html",
        {
            "drill": drill,
            "page": drill,
            "classroom": classroom,
            "rows": class_grid(drill, classroom),
            "levels": drill.ordered_levels(),
            "may_set": rules.is_teacher(request.user, classroom),
        },
    )


@login_required
@require_POST
def set_level(request, drill_id, pupil_id):
    """A teacher puts a pupil of the class at a level, recorded as set by them."""
    drill, classroom = drill_or_404(request.user, drill_id)
    if not rules.is_teacher(request.user, classroom):
        raise Http404
    pupil = class_pupils(classroom).filter(pk=number(pupil_id)).first()
    if pupil is None:
        raise Http404
    count = len(drill.ordered_levels())
    level = number(request.POST.get("level"))
    if not 1 <= level <= count:
        messages.error(request, _("Choose a level between 1 and %(count)s.") % {"count": count})
        return redirect("drills:grid", drill_id=drill.pk)
    rounds.set_level(drill, pupil, level, request.user)
    messages.success(
        request,
        _("%(name)s is now at level %(level)s.") % {"name": pupil.display_name, "level": level},
    )
    return redirect("drills:grid", drill_id=drill.pk)
