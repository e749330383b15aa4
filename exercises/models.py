"""The exercise activity: the page a teacher sets, and pupils' attempts at it.

`ExercisePage` is a class activity (classrooms/activities.py): it lives in a class space,
shares its privacy and registers itself from this app's ready().
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from classrooms.models import ClassActivityPage

from .admin_forms import ExercisePageForm
from .blocks import ExerciseBodyBlock
from .h5p.package import H5PPackage

__all__ = ["Attempt", "CorrectionTiming", "ExercisePage", "H5PPackage"]


class CorrectionTiming(models.TextChoices):
    AFTER_EACH = "each", _("After each question")
    AT_THE_END = "end", _("At the end")


class ExercisePage(ClassActivityPage):
    """An exercise set by the teacher: instructions and questions marked on the server.

    Who does it (the whole class, some groups, some pupils), when, how many times and
    when the correction shows are its settings; pupils' attempts are `Attempt` rows, and
    the pages pupils answer on are this app's views.
    """

    body = StreamField(ExerciseBodyBlock(), blank=True, verbose_name=_("questions"))
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts"),
        default=1,
        help_text=_("How many times a pupil may do it; 0 for unlimited practice."),
    )
    correction_timing = models.CharField(
        _("show the correction"),
        max_length=4,
        choices=CorrectionTiming.choices,
        default=CorrectionTiming.AT_THE_END,
    )
    # Seed 004's dictation in pairs: each pupil starts it with a classmate, on one tablet;
    # both are credited with the attempt and both read its result (attempts.done_by).
    in_pairs = models.BooleanField(
        _("to do in pairs"),
        default=False,
        help_text=_("Each pupil chooses a classmate when starting; both get the result."),
    )
    assigned_groups = ParentalManyToManyField(
        "classrooms.PupilGroup",
        blank=True,
        related_name="exercises",
        verbose_name=_("for these groups"),
        help_text=_("Leave both empty for the whole class."),
    )
    assigned_pupils = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="assigned_exercises",
        verbose_name=_("for these pupils"),
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]
    settings_panels = [
        FieldPanel("opens_at"),
        FieldPanel("closes_at"),
        FieldPanel("max_attempts"),
        FieldPanel("correction_timing"),
        FieldPanel("in_pairs"),
        FieldPanel("assigned_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("assigned_pupils", widget=forms.CheckboxSelectMultiple),
        *Page.settings_panels,
    ]

    template = "exercises/exercise_page.html"
    base_form_class = ExercisePageForm

    class Meta:
        # The table was created when the page type lived in classrooms (migration
        # exercises 0002 moved the model without touching its rows).
        db_table = "classrooms_exercisepage"
        verbose_name = _("exercise")
        verbose_name_plural = _("exercises")

    def get_context(self, request, *args, **kwargs):
        from .page import exercise_context

        context = super().get_context(request, *args, **kwargs)
        context.update(exercise_context(request, self))
        return context


class Attempt(models.Model):
    """One go of one pupil (or two, `partner`) at one exercise, saved question by question.

    Personal data of a child: their answers, scores, times and their teacher's comment.
    Shown to the pupil, their parents and the class's staff; kept with the exercise and
    erased with it or with the pupil's account.
    """

    exercise = models.ForeignKey(
        "exercises.ExercisePage",
        on_delete=models.CASCADE,
        related_name="attempts",
        verbose_name=_("exercise"),
    )
    pupil = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="exercise_attempts",
        verbose_name=_("pupil"),
    )
    # A classmate who did it with the pupil (a dictation in pairs, on one tablet): both are
    # credited with it and both read it; the pupil who started it answers.
    partner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exercise_attempts_as_partner",
        verbose_name=_("done with"),
    )
    # The version of the exercise the pupil saw: a teacher's later edit never changes
    # how an attempt under way is marked.
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("version"),
    )
    seed = models.PositiveIntegerField(_("draw"))
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Question block id → {"answer", "score", "points", "max_points", "details", "seconds"}.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    points = models.FloatField(_("points"), null=True, blank=True)
    max_points = models.FloatField(_("out of"), null=True, blank=True)
    teacher_comment = models.TextField(_("teacher's comment"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["started_at"]
        indexes = [models.Index(fields=["exercise", "pupil"], name="attempt_of_pupil")]

    def __str__(self):
        return f"{self.pupil} · {self.exercise_id}"

    @property
    def score(self):
        """The share of the points earned, between 0 and 1 (None while under way)."""
        if self.points is None or not self.max_points:
            return None
        return self.points / self.max_points
