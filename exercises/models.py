"""Pupils' attempts at exercises: what they answered, how it was marked, when."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Attempt(models.Model):
    """One go of one pupil at one exercise, saved question by question.

    Personal data of a child: their answers, scores, times and their teacher's comment.
    Shown to the pupil, their parents and the class's staff; kept with the exercise and
    erased with it or with the pupil's account.
    """

    exercise = models.ForeignKey(
        "classrooms.ExercisePage",
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
