"""The work plans' part of the permission matrix's world (issue 22), built by conftest.py.

In class A1 (the class under test): a plan for the whole class, with a free task, and a
plan for a group the class's pupil is not in (a classmate's, not a role of the matrix).
Only ids, URLs and words leave the builder.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from classrooms.models import Membership, PupilGroup
from tests import factories
from workplans.models import WorkPlanPage, WorkPlanTask

CLASS_PLAN = "Plan du renard"
CLASS_TASK = "Lire la page du renard"
GROUP_PLAN = "Plan des écureuils"
GROUP_TASK = "Fiche secrète des écureuils"


@dataclass(frozen=True)
class WorkPlansWorld:
    classroom_id: int
    class_plan_id: int
    class_plan_url: str
    class_task_id: int
    group_plan_id: int
    group_plan_url: str
    group_task_id: int
    classmate_id: int  # the group's pupil


def _plan(classroom, title, task, groups=()):
    today = timezone.localdate()
    plan = WorkPlanPage(title=title, starts_on=today, ends_on=today + datetime.timedelta(days=7))
    plan.assigned_groups = list(groups)
    plan.tasks = [WorkPlanTask(text=task, sort_order=0)]
    classroom.add_child(instance=plan)
    plan.save_revision().publish()
    plan = WorkPlanPage.objects.get(pk=plan.pk)
    return plan, plan.tasks.get()


def build_workplans_world(users, classroom):
    classmate = factories.UserFactory(username="classmate_wp", first_name="Lou", last_name="Gris")
    factories.MembershipFactory(user=classmate, classroom=classroom, role=Membership.Role.PUPIL)
    group = PupilGroup.objects.create(classroom=classroom, name="Les écureuils")
    group.pupils.add(classmate)
    class_plan, class_task = _plan(classroom, CLASS_PLAN, CLASS_TASK)
    group_plan, group_task = _plan(classroom, GROUP_PLAN, GROUP_TASK, groups=[group])
    return WorkPlansWorld(
        classroom_id=classroom.pk,
        class_plan_id=class_plan.pk,
        class_plan_url=class_plan.url,
        class_task_id=class_task.pk,
        group_plan_id=group_plan.pk,
        group_plan_url=group_plan.url,
        group_task_id=group_task.pk,
        classmate_id=classmate.pk,
    )
