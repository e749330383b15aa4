"""A class with a work plan for a group of two pupils out of three, and their families.

The plan ("Plan de la semaine") has three tasks: an exercise of the class, a free task
and a blog entry of the class."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from classrooms.models import Membership, PupilGroup
from tests import factories
from workplans.models import WorkPlanPage, WorkPlanTask

FREE_TASK = "Lire le chapitre 3 du Petit Prince"


def make_plan(classroom, *, title="Plan de la semaine", groups=(), pupils=(), tasks=()):
    """A published plan with these tasks (pages or words), in this order."""
    today = timezone.localdate()
    plan = WorkPlanPage(title=title, starts_on=today, ends_on=today + datetime.timedelta(days=7))
    plan.assigned_groups = list(groups)
    plan.assigned_pupils = list(pupils)
    plan.tasks = [
        WorkPlanTask(
            linked_page=task if not isinstance(task, str) else None,
            text=task if isinstance(task, str) else "",
            sort_order=number,
        )
        for number, task in enumerate(tasks)
    ]
    classroom.add_child(instance=plan)
    plan.save_revision().publish()
    return WorkPlanPage.objects.get(pk=plan.pk)


@dataclass
class Plan:
    world: object
    page: object
    tasks: list
    group: object
    grouped: object  # the world's pupil (Léa), in the group
    classmate: object  # in the group too
    ungrouped: object  # a pupil of the class outside the group
    ungrouped_parent: object
    assistant: object
    exercise: object
    entry: object


@pytest.fixture
def plan(world):
    classroom = world.classroom
    classmate = factories.UserFactory(username="hugo", first_name="Hugo", last_name="Dupont")
    factories.MembershipFactory(user=classmate, classroom=classroom)
    ungrouped = factories.UserFactory(username="noah", first_name="Noah", last_name="Bernard")
    factories.MembershipFactory(user=ungrouped, classroom=classroom)
    ungrouped_parent = factories.UserFactory(
        username="noahparent", first_name="Inès", last_name="Bernard", email="ines@example.org"
    )
    factories.GuardianshipFactory(parent=ungrouped_parent, child=ungrouped)
    assistant = factories.UserFactory(username="atsem", first_name="Rose", last_name="Leroy")
    factories.MembershipFactory(user=assistant, classroom=classroom, role=Membership.Role.ASSISTANT)
    group = PupilGroup.objects.create(classroom=classroom, name="Les hiboux")
    group.pupils.add(world.pupil, classmate)
    exercise = factories.ExercisePageFactory(parent=classroom, title="Les additions")
    entry = factories.BlogEntryPageFactory(parent=classroom, title="Notre sortie au musée")
    page = make_plan(classroom, groups=[group], tasks=[exercise, FREE_TASK, entry])
    tasks = list(page.tasks.order_by("sort_order"))
    return Plan(
        world,
        page,
        tasks,
        group,
        world.pupil,
        classmate,
        ungrouped,
        ungrouped_parent,
        assistant,
        exercise,
        entry,
    )
