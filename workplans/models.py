"""The work plan ("plan de travail"): what a pupil does at their own pace over a period.

- `WorkPlanPage` is a class activity (classrooms/activities.py): for the whole class, some
  groups or some pupils, from one date to another.
- A `WorkPlanTask` is one line of the plan, in the suggested order: a page of the class
  (an exercise, a writing assignment, a drill, a blog entry, a resource: any live page
  below the class space, named generically so that this app imports no other activity)
  or a free task ("Lire le chapitre 3"). Tasks are the page's inline children, edited
  in the Wagtail admin (InlinePanel) and in the front end (views_edit.py) alike; their
  ids survive a new revision, so ticks and adjustments stay with them.
- A `TaskAdjustment` is the teacher's per-pupil differentiation: a task left out for a
  pupil, or a task for some pupils only.
- A `TaskTick` is a task ticked done, by the pupil or by a teacher for them.

Personal data of children: the adjustments (who gets which work) and the ticks. Shown to
the pupil, their parents and the class's staff; erased with the plan, its task, or the
pupil's account.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from classrooms.models import ClassActivityPage

from .admin_forms import WorkPlanPageForm

TASK_TEXT_MAX_LENGTH = 200


class WorkPlanPage(ClassActivityPage):
    """A plan of ordered tasks for the class, some groups or some pupils, over a period."""

    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    introduction = models.TextField(_("a word to the pupils"), blank=True, max_length=1000)
    assigned_groups = ParentalManyToManyField(
        "classrooms.PupilGroup",
        blank=True,
        related_name="work_plans",
        verbose_name=_("for these groups"),
        help_text=_("Leave both empty for the whole class."),
    )
    assigned_pupils = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="assigned_work_plans",
        verbose_name=_("for these pupils"),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Period")),
        FieldPanel("introduction"),
        FieldPanel("assigned_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("assigned_pupils", widget=forms.CheckboxSelectMultiple),
        InlinePanel("tasks", heading=_("Tasks, in the suggested order"), label=_("task")),
    ]
    template = "workplans/plan_page.html"
    base_form_class = WorkPlanPageForm

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")

    def get_context(self, request, *args, **kwargs):
        from .page import plan_context

        context = super().get_context(request, *args, **kwargs)
        context.update(plan_context(request, self))
        return context


class WorkPlanTask(Orderable):
    """One task of a plan: a page of the class, or a free task in words."""

    plan = ParentalKey(WorkPlanPage, on_delete=models.CASCADE, related_name="tasks")
    linked_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("a page of the class"),
        help_text=_("An exercise, a writing assignment, a drill, an entry… of this class."),
    )
    text = models.CharField(
        _("or a task in words"),
        max_length=TASK_TEXT_MAX_LENGTH,
        blank=True,
        help_text=_("For example “Read chapter 3 of The Little Prince”."),
    )

    panels = [FieldPanel("linked_page"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self):
        return self.label

    @property
    def label(self):
        if self.text:
            return self.text
        if self.linked_page_id and self.linked_page:
            return self.linked_page.title
        return _("A page of the class that was removed")


class TaskAdjustment(models.Model):
    """The teacher's choice for one pupil and one task: left out, or for them only."""

    class Kind(models.TextChoices):
        EXCLUDED = "excluded", _("Not for this pupil")
        ONLY = "only", _("For this pupil only")

    task = models.ForeignKey(WorkPlanTask, on_delete=models.CASCADE, related_name="adjustments")
    pupil = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="work_plan_adjustments"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)

    class Meta:
        verbose_name = _("adjustment of a task")
        verbose_name_plural = _("adjustments of tasks")
        constraints = [
            models.UniqueConstraint(fields=["task", "pupil"], name="unique_task_adjustment")
        ]

    def __str__(self):
        return f"{self.task_id} · {self.pupil_id} · {self.kind}"


class TaskTick(models.Model):
    """A task ticked done for a pupil, by themself or by a teacher of the class."""

    task = models.ForeignKey(WorkPlanTask, on_delete=models.CASCADE, related_name="ticks")
    pupil = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="work_plan_ticks"
    )
    done_at = models.DateTimeField(_("done at"), auto_now_add=True)
    ticked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("ticked by"),
    )

    class Meta:
        verbose_name = _("task done")
        verbose_name_plural = _("tasks done")
        constraints = [models.UniqueConstraint(fields=["task", "pupil"], name="unique_task_tick")]

    def __str__(self):
        return f"{self.task_id} · {self.pupil_id}"
