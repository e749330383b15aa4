"""What rolling a school over to the next year would do, touching nothing.

The moves themselves are the ONDE import's plan (enrolment.importer) for next year's
classes: who joins which class, which classes are created, which records change level.
Around it the rollover adds what only the year's end does: this year's open classes
close, this year's pupils absent from the file leave (their accounts, and those of
parents left without a child, are closed and scheduled for deletion), and each new class
gets a teacher (README "The school year's end").
"""

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from classrooms.models import Guardianship, Membership
from enrolment import importer, services
from pages.models import SchoolStaff

from .models import Rollover


class RolloverError(Exception):
    """The rollover cannot be planned: the message says why, for the director."""


def year_after(school_year: str) -> str:
    start = int(school_year[:4]) + 1
    return f"{start}-{start + 1}"


def current_year(school) -> str | None:
    """The year of the school's open classes (the latest, if several)."""
    years = (
        services.school_classrooms(school)
        .filter(closed_on__isnull=True)
        .values_list("school_year", flat=True)
    )
    return max(years, default=None)


@dataclass
class Leaving:
    """A pupil of this year absent from next year's file, and their parents."""

    user: object
    classroom: object
    parents: list = field(default_factory=list)


@dataclass
class RolloverPlan:
    school: object
    from_year: str
    to_year: str
    closing: list  # this year's open classes
    enrolment: importer.ImportPlan  # next year's classes and who joins them
    leaving: list[Leaving]
    teachers: dict  # index of a class of `enrolment.classes` → proposed teacher (or None)
    school_teachers: list  # who may be picked
    warnings: list[str] = field(default_factory=list)

    @property
    def new_classes(self):
        return self.enrolment.classes

    @property
    def moving(self):
        return [
            (class_plan, pupil)
            for class_plan in self.enrolment.classes
            for pupil in class_plan.pupils
            if pupil.record is not None
        ]

    @property
    def arriving(self):
        return [
            (class_plan, pupil)
            for class_plan in self.enrolment.classes
            for pupil in class_plan.pupils
            if pupil.record is None
        ]

    @property
    def fingerprint(self) -> str:
        """What the preview showed: applying refuses if the school changed meanwhile."""
        parts = [
            self.from_year,
            self.to_year,
            ",".join(str(room.pk) for room in self.closing),
            ",".join(f"{leaving.user.pk}" for leaving in self.leaving),
        ]
        for class_plan in self.enrolment.classes:
            pupils = ",".join(
                f"{pupil.record.user_id if pupil.record else pupil.row.key}:{pupil.action}"
                for pupil in class_plan.pupils
            )
            parts.append(
                f"{class_plan.title}|{class_plan.classroom and class_plan.classroom.pk}|{pupils}"
            )
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def build_rollover(school, pupils, parents=(), *, user=None) -> RolloverPlan:
    """The plan of rolling `school` over to the year after its open classes' year, with
    next year's pupils (ONDE rows: from the file, or written by hand)."""
    from_year = current_year(school)
    if from_year is None:
        raise RolloverError(_("The school has no open class: there is nothing to roll over."))
    to_year = year_after(from_year)
    done = Rollover.objects.filter(school=school)
    # Rolled over to a year that has not begun yet: the next rollover is at its end.
    if done.filter(to_year=from_year).exists() and services.current_school_year() < from_year:
        raise RolloverError(
            _(
                "%(school)s was already rolled over to %(year)s: nothing was done twice. "
                "The next rollover comes at the end of %(year)s."
            )
            % {"school": school.title, "year": from_year}
        )
    if done.filter(to_year=to_year).exists():
        raise RolloverError(
            _("%(school)s was already rolled over to %(year)s: nothing was done twice.")
            % {"school": school.title, "year": to_year}
        )
    closing = list(
        services.school_classrooms(school)
        .filter(closed_on__isnull=True, school_year=from_year)
        .order_by("title")
    )
    try:
        enrolment = importer.build_plan(
            school, to_year, pupils, parents, link_existing=True, user=user
        )
    except importer.PlanError as error:
        raise RolloverError(str(error)) from None

    this_year = list(
        Membership.objects.filter(classroom__in=closing).select_related("user", "classroom")
    )
    pupils_now = {m.user_id: m for m in this_year if m.role == Membership.Role.PUPIL}
    listed = {pupil.record.user_id for _plan, pupil in _known(enrolment)}
    if pupils_now and not listed & set(pupils_now):
        raise RolloverError(
            _(
                "None of the pupils of this file is a pupil of %(school)s in %(year)s: is it "
                "another school's file? Nothing was changed."
            )
            % {"school": school.title, "year": from_year}
        )
    known = [pupil for _plan, pupil in _known(enrolment) if pupil.record.user_id in pupils_now]
    if known and all(pupil.record.level == pupil.row.level for pupil in known):
        raise RolloverError(
            _(
                "Every pupil of this file keeps this year's level: it looks like the file of "
                "%(year)s, not of %(next)s. Export next year's file from ONDE. Nothing was "
                "changed."
            )
            % {"year": from_year, "next": to_year}
        )

    leaving_ids = [pk for pk in pupils_now if pk not in listed]
    parents_of = defaultdict(list)
    for link in Guardianship.objects.filter(child_id__in=leaving_ids).select_related("parent"):
        parents_of[link.child_id].append(link.parent)
    leaving = sorted(
        (
            Leaving(pupils_now[pk].user, pupils_now[pk].classroom, parents_of[pk])
            for pk in leaving_ids
        ),
        key=lambda item: (item.classroom.title, item.user.last_name, item.user.first_name),
    )

    teachers_of = defaultdict(list)
    for membership in this_year:
        if membership.role == Membership.Role.TEACHER:
            teachers_of[membership.classroom_id].append(membership.user)
    school_teachers = list(
        get_user_model()
        .objects.filter(school_roles__school=school, school_roles__role=SchoolStaff.Role.TEACHER)
        .distinct()
        .order_by("last_name", "first_name")
    )
    teachers = {}
    for index, class_plan in enumerate(enrolment.classes):
        teachers[index] = _proposed_teacher(class_plan, pupils_now, teachers_of)
    return RolloverPlan(
        school=school,
        from_year=from_year,
        to_year=to_year,
        closing=closing,
        enrolment=enrolment,
        leaving=leaving,
        teachers=teachers,
        school_teachers=school_teachers,
        warnings=list(enrolment.warnings),
    )


def _known(enrolment):
    return [
        (class_plan, pupil)
        for class_plan in enrolment.classes
        for pupil in class_plan.pupils
        if pupil.record is not None
    ]


def _proposed_teacher(class_plan, pupils_now, teachers_of):
    """The teacher of the class most of its pupils come from: a class that moves up with
    its teacher keeps them; the director changes it in the preview."""
    origins = Counter(
        pupils_now[pupil.record.user_id].classroom_id
        for pupil in class_plan.pupils
        if pupil.record is not None and pupil.record.user_id in pupils_now
    )
    for classroom_id, _count in origins.most_common():
        if teachers_of.get(classroom_id):
            return teachers_of[classroom_id][0]
    return None
