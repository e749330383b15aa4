"""The demo's work plan (mixed into `DemoLoader`): the owls' plan in the CE1 de Mme Petit.

Mme Petit gave the group « Groupe des Hiboux » (Emma, Alice, Timéo) a plan for the week:
pages of the class (its exercise, its blog entries: whatever the class holds, so drills
and resources count too) and free tasks, in a suggested order. Emma ticked the first two;
the geometry sheet is left out for Alice, and Timéo has a task of his own. Loaded once:
the plan's page is found by its slug, and nothing is added to a plan that exists.
"""

from datetime import timedelta

from classrooms.models import PupilGroup
from workplans.models import TaskAdjustment, TaskTick, WorkPlanPage, WorkPlanTask
from workplans.tasks import class_pages

PLAN_CLASS = "bourg-ce1"
GROUP_NAME = "Groupe des Hiboux"
GROUP_PUPILS = ("Emma", "Alice", "Timéo")
PLAN_TITLE = "Plan de travail des Hiboux"
PLAN_INTRODUCTION = (
    "Voici ton plan de travail de la semaine. Fais les tâches dans l’ordre, à ton rythme, "
    "et coche chaque tâche quand tu as fini."
)
FREE_TASKS = (
    "Lire le chapitre 3 du « Petit Prince »",
    "Fiche de géométrie n° 4",
)
TICKED_BY = "Emma"
LEFT_OUT = ("Alice", "Fiche de géométrie n° 4")
OWN_TASK = ("Timéo", "Relire les sons [on] et [an] avec Mme Petit")
CLASS_PAGES = 3  # how many of the class's pages the plan points to


class DemoWorkPlans:
    """Loads the owls' work plan in the CE1 de Mme Petit, once."""

    def load_workplans(self):
        classroom = self.classrooms.get(PLAN_CLASS)
        if classroom is None:
            return
        spec = next(c for c in self.schools[PLAN_CLASS].classes if c.key == PLAN_CLASS)
        teacher = self.users[spec.teacher]
        group, _created = PupilGroup.objects.get_or_create(classroom=classroom, name=GROUP_NAME)
        group.pupils.add(*(self.pupil(PLAN_CLASS, name) for name in GROUP_PUPILS))
        pages = list(class_pages(classroom).exclude(content_type__model="homeworkdiarypage"))
        # The oldest pages first: an exercise and the entries the class wrote before.
        pages = sorted(pages, key=lambda page: (page.first_published_at, page.pk))[:CLASS_PAGES]
        tasks = [WorkPlanTask(linked_page=page) for page in pages[:1]]
        tasks += [WorkPlanTask(text=FREE_TASKS[0])]
        tasks += [WorkPlanTask(linked_page=page) for page in pages[1:]]
        tasks += [WorkPlanTask(text=FREE_TASKS[1])]
        for number, task in enumerate(tasks):
            task.sort_order = number
        monday = self.today - timedelta(days=self.today.weekday())
        plan = WorkPlanPage(
            title=PLAN_TITLE,
            starts_on=monday,
            ends_on=monday + timedelta(days=11),
            introduction=PLAN_INTRODUCTION,
        )
        plan.assigned_groups = [group]
        plan.tasks = tasks
        plan = self.page(classroom, plan, teacher)
        self.adjust_workplan(WorkPlanPage.objects.get(pk=plan.pk), teacher)

    def adjust_workplan(self, plan, teacher):
        """Emma's ticks, Alice's left-out sheet and Timéo's own task (each made once)."""
        tasks = list(plan.tasks.order_by("sort_order"))
        emma = self.pupil(PLAN_CLASS, TICKED_BY)
        for task in tasks[:2]:
            TaskTick.objects.get_or_create(task=task, pupil=emma, defaults={"ticked_by": emma})
        name, text = LEFT_OUT
        sheet = next((task for task in tasks if task.text == text), None)
        if sheet is not None:
            TaskAdjustment.objects.get_or_create(
                task=sheet,
                pupil=self.pupil(PLAN_CLASS, name),
                defaults={"kind": TaskAdjustment.Kind.EXCLUDED},
            )
        name, text = OWN_TASK
        if not any(task.text == text for task in tasks):
            task = WorkPlanTask.objects.create(plan=plan, text=text, sort_order=len(tasks))
            TaskAdjustment.objects.create(
                task=task, pupil=self.pupil(PLAN_CLASS, name), kind=TaskAdjustment.Kind.ONLY
            )
            # The page's history knows the task: an edit in the admin keeps it.
            plan = WorkPlanPage.objects.get(pk=plan.pk)
            plan.save_revision(user=teacher).publish(user=teacher, skip_permission_checks=True)
