"""The drills on the class wall: a pupil's card says their level; the teacher's "new" button.

A pupil's levels on every drill of the wall are read in one query."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import rules
from .models import DrillProgress

NEW_LABEL = _("Set a levelled drill")


def prepare_cards(drills, request):
    user = request.user
    mine = [drill for drill in drills if rules.is_pupil_of(user, drill.get_classroom())]
    if not mine:
        return
    levels = dict(
        DrillProgress.objects.filter(drill__in=mine, pupil=user).values_list("drill_id", "level")
    )
    for drill in mine:
        drill.card_personal = True
        drill.my_level = levels.get(drill.pk, 1)


def new_url(classroom, user):
    if not rules.is_teacher(user, classroom):
        return ""
    return reverse("drills:new", kwargs={"classroom_id": classroom.pk})
