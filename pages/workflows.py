"""Moderation of the schools' public sites: teachers propose, a director publishes.

Each school gets a Wagtail workflow of its own, "Publication – <school>", with one group
approval task whose reviewers are the school's directors (their role group, see
pages/permissions.py). It is assigned to the school page, so a page of the school's
public site submitted by someone who may not publish it (a teacher drafting news) waits
in the directors' dashboard. Directors keep publishing directly: Wagtail lets anyone
holding publish_page publish without going through the workflow.

Class spaces live below the school page too, but they are not the school's public site:
a class's teachers publish their class's content themselves, and approve what their
pupils send. Wagtail gives a page the active workflow of its nearest ancestor
(`Page.get_workflow()`), so every class space is assigned one shared workflow, "Class
spaces: approved by their teachers", whose only task (classrooms'
ClassTeacherApprovalTask) finds the approvers from the page's class. Nothing of a class
ever waits for a director. A workflow without tasks would publish at once when started:
its "Submit" action is hidden (`hide_submit_without_review`).

Everything here is idempotent: called when a school or a class is created, and again by
`manage.py sync_permissions`. A workflow a portal administrator assigned by hand to a
school or a class is left as it is.
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from accounts import roles
from accounts.models import RoleGroup

NAME_MAX_LENGTH = 255


def portal_language():
    """Names are data shown to every editor: written once, in the portal's language."""
    return translation.override(settings.LANGUAGE_CODE)


def school_workflow_name(school):
    with portal_language():
        return (_("Publication – %(school)s") % {"school": school.title})[:NAME_MAX_LENGTH]


def school_task_name(school):
    with portal_language():
        name = _("Approval by the director – %(school)s") % {"school": school.title}
    return name[:NAME_MAX_LENGTH]


def class_spaces_workflow_name():
    with portal_language():
        return _("Class spaces: approved by their teachers")


def class_task_name():
    with portal_language():
        return _("Approval by the class's teachers")


def school_workflow(school) -> Workflow:
    """The workflow of the school's public site, created and assigned on first need."""
    assigned = WorkflowPage.objects.filter(page_id=school.pk).select_related("workflow").first()
    if assigned is not None:
        return assigned.workflow
    directors = roles.group_for(school, RoleGroup.Role.SCHOOL_DIRECTOR)
    with transaction.atomic():
        workflow = Workflow.objects.create(name=school_workflow_name(school))
        task = GroupApprovalTask.objects.create(name=school_task_name(school))
        task.groups.set([directors])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(page_id=school.pk, workflow=workflow)
    return workflow


def class_spaces_workflow() -> Workflow:
    """The one workflow of every class space: a teacher of the class approves.

    Found by its task type (its name may have been translated or edited), created on
    first need; a portal from before the class blog gets the task added to its old
    task-less "Class spaces" workflow, so the class spaces keep their assignment.
    """
    task_model = class_task_model()
    workflow = (
        Workflow.objects.filter(workflow_tasks__task__in=task_model.objects.all())
        .order_by("pk")
        .first()
    )
    if workflow is not None:
        return workflow
    with transaction.atomic():
        workflow = (
            Workflow.objects.filter(workflow_pages__page__in=class_space_model().objects.all())
            .filter(workflow_tasks__isnull=True)
            .order_by("pk")
            .first()
        ) or Workflow(name=class_spaces_workflow_name())
        workflow.name = class_spaces_workflow_name()
        workflow.save()
        task = task_model.objects.order_by("pk").first() or task_model.objects.create(
            name=class_task_name()
        )
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def class_space_model():
    # Looked up, not imported: classrooms builds on pages, not the other way round.
    return apps.get_model("classrooms", "ClassroomPage")


def class_task_model():
    return apps.get_model("classrooms", "ClassTeacherApprovalTask")


def exempt_class_spaces(pages) -> None:
    """Assign the class spaces' workflow to these class spaces, unless they have one."""
    workflow = class_spaces_workflow()
    WorkflowPage.objects.bulk_create(
        [WorkflowPage(page_id=page.pk, workflow=workflow) for page in pages],
        ignore_conflicts=True,
    )


def set_up_school(school) -> Workflow:
    """The school's workflow, and every class space of the school kept out of it."""
    workflow = school_workflow(school)
    exempt_class_spaces(Page.objects.child_of(school).type(class_space_model()))
    return workflow


def has_review(workflow) -> bool:
    return workflow is not None and workflow.workflow_tasks.filter(task__active=True).exists()


def hide_submit_without_review(menu_items, request, context):
    """construct_page_action_menu hook: no "Submit" where nobody would review.

    A workflow without tasks (the class spaces') publishes at once when started: its
    "Submit to …" action would be a second, misleading "Publish".
    """
    page = context.get("page") or context.get("parent_page")
    if page is None or has_review(page.get_workflow()):
        return
    menu_items[:] = [item for item in menu_items if item.name != "action-submit"]
