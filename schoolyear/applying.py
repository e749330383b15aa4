"""Carrying a rollover out, all or nothing: next year's classes and moves (the ONDE
import's own `apply_plan`), the teachers picked in the preview, this year's classes
closed, the accounts of those who leave closed and scheduled for deletion. Nothing is
deleted on the day (README "The school year's end")."""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from classrooms.models import Membership
from enrolment import importer
from retention.deactivation import deactivate_without_place
from retention.models import ScheduledDeletion

from .archives import close_classroom
from .models import Rollover
from .planning import RolloverError, build_rollover


class OutdatedPlan(RolloverError):
    """The school changed since the preview: the director looks at a new one."""


@dataclass
class RolloverResult:
    plan: object
    enrolment: importer.ImportResult
    closed_accounts: list = field(default_factory=list)  # ScheduledDeletion rows

    @property
    def new_classes(self):
        return [class_plan.classroom for class_plan in self.enrolment.plan.classes]


def apply_rollover(school, pupils, parents=(), *, user, fingerprint, teachers, today=None):
    """Plan again, check it is the plan the director saw, and carry it out.

    `teachers` maps the index of each of next year's classes to the chosen teacher's id
    (or None: the class starts without a teacher).
    """
    today = today or timezone.localdate()
    try:
        with transaction.atomic():
            plan = build_rollover(school, pupils, parents, user=user)
            if plan.fingerprint != fingerprint:
                raise OutdatedPlan(
                    _(
                        "The school changed since this preview (a pupil or a class was added "
                        "or moved): look at the new preview before applying. Nothing was "
                        "changed."
                    )
                )
            Rollover.objects.create(
                school=school, from_year=plan.from_year, to_year=plan.to_year, done_by=user
            )
            enrolment = importer.apply_plan(
                school, plan.to_year, pupils, parents, user=user, link_existing=True
            )
            allowed = {teacher.pk for teacher in plan.school_teachers}
            for index, class_plan in enumerate(enrolment.plan.classes):
                teacher_id = teachers.get(index)
                if teacher_id in allowed:
                    Membership.objects.get_or_create(
                        user_id=teacher_id,
                        classroom=class_plan.classroom,
                        defaults={"role": Membership.Role.TEACHER},
                    )
            for classroom in plan.closing:
                close_classroom(classroom, today)
            # Their parents are looked at by deactivation itself: closed when left
            # without a child in an open class, kept otherwise.
            concerned = [leaving.user.pk for leaving in plan.leaving]
            closed = deactivate_without_place(concerned)
    except IntegrityError:
        raise RolloverError(
            _("%(school)s was already rolled over to this year: nothing was done twice.")
            % {"school": school.title}
        ) from None
    deletions = list(ScheduledDeletion.objects.filter(user__in=closed).select_related("user"))
    return RolloverResult(plan=plan, enrolment=enrolment, closed_accounts=deletions)
