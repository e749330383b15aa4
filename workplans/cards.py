"""The work plan on the class wall: hidden from pupils it is not for (no query per card),
and the teacher's "new" button."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from classrooms import assigned
from classrooms.models import Membership
from classrooms.person import person_of

from . import rules
from .models import WorkPlanPage

NEW_LABEL = _("Make a work plan")


def wall_annotations():
    """For whom each plan is set, read by the wall's own query (classrooms.assigned)."""
    return assigned.wall_annotations(WorkPlanPage, "workplans")


def prepare_cards(plans, request):
    """Hide from a pupil of the class the plans set for others: no query."""
    person = person_of(request.user)
    pupil_of = {
        place.page.path for place in person.memberships if place.role == Membership.Role.PUPIL
    }
    for plan in plans:
        in_class = plan.path[: -Page.steplen] in pupil_of
        plan.card_hidden = in_class and not assigned.is_set_for_annotated(
            plan, request.user, "workplans"
        )


def new_url(classroom, user):
    if not rules.may_write(user, classroom):
        return ""
    return reverse("workplans:new", kwargs={"classroom_id": classroom.pk})
