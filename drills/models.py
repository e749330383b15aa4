"""Levelled drills (calcul@tice style): a class activity in ordered levels.

`DrillPage` is a class activity (classrooms/activities.py): it lives in a class space,
shares its privacy and registers itself from this app's ready(). Its levels are
`DrillLevel` rows (an inline, in the front end and the Wagtail admin alike). A pupil's
place in the drill is a `DrillProgress` row, each series they play a `DrillRound`, and
each change of level a `DrillLevelChange` (the history the families read).

Levels are named by their number (1 for the first), never by a row id: a teacher who
edits the levels keeps every pupil's place.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from classrooms.models import ClassActivityPage
from exercises.questions.shared import MAX_DRILL_OPERATIONS, MAX_OPERAND


class Operation(models.TextChoices):
    ADD = "add", _("Addition (+)")
    SUBTRACT = "subtract", _("Subtraction (−)")
    MULTIPLY = "multiply", _("Multiplication (×)")


class Outcome(models.TextChoices):
    UP = "up", _("moved up")
    STAY = "stay", _("stayed")
    DOWN = "down", _("moved down")


PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class DrillPage(ClassActivityPage):
    """A drill in levels: a pupil moves up after a good round, down after several bad ones.

    Set from the class space's "new" menu in the front end (views_teacher.py), or in the
    Wagtail admin. It is for the whole class; the rules of moving are its fields.
    """

    intro = models.TextField(
        _("instructions"),
        blank=True,
        max_length=1000,
        help_text=_("What the pupils read before starting a round."),
    )
    move_up_percent = models.PositiveSmallIntegerField(
        _("move up at (%)"),
        default=80,
        validators=PERCENT,
        help_text=_("A pupil moves up after a round with at least this share right."),
    )
    move_down_percent = models.PositiveSmallIntegerField(
        _("move down below (%)"),
        default=50,
        validators=PERCENT,
        help_text=_("A round with less than this share right counts as a failure."),
    )
    move_down_after = models.PositiveSmallIntegerField(
        _("failures in a row before moving down"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("levels", label=_("levels"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("move_up_percent"),
                FieldPanel("move_down_percent"),
                FieldPanel("move_down_after"),
            ],
            heading=_("Moving between levels"),
        ),
    ]

    template = "drills/drill_page.html"

    class Meta:
        verbose_name = _("levelled drill")
        verbose_name_plural = _("levelled drills")

    def get_context(self, request, *args, **kwargs):
        from .page import drill_context

        context = super().get_context(request, *args, **kwargs)
        context.update(drill_context(request, self))
        return context

    def ordered_levels(self) -> list:
        """The levels, first to last (prefetched levels are used as they are)."""
        return list(self.levels.all())


class DrillLevel(Orderable):
    """One level of a drill: which operations, between which numbers, how many, how fast."""

    drill = ParentalKey(DrillPage, on_delete=models.CASCADE, related_name="levels")
    name = models.CharField(
        _("name"), max_length=120, help_text=_("Such as “Level 1: adding up to 10”.")
    )
    operation = models.CharField(
        _("operation"), max_length=8, choices=Operation.choices, default=Operation.ADD
    )
    minimum = models.PositiveIntegerField(
        _("smallest number"), default=0, validators=[MaxValueValidator(MAX_OPERAND)]
    )
    maximum = models.PositiveIntegerField(
        _("largest number"), default=10, validators=[MaxValueValidator(MAX_OPERAND)]
    )
    operations = models.PositiveSmallIntegerField(
        _("operations per round"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DRILL_OPERATIONS)],
    )
    seconds = models.PositiveSmallIntegerField(
        _("seconds per round"),
        null=True,
        blank=True,
        validators=[MinValueValidator(5), MaxValueValidator(1800)],
        help_text=_("Leave empty for no time limit."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("operation"),
        FieldPanel("minimum"),
        FieldPanel("maximum"),
        FieldPanel("operations"),
        FieldPanel("seconds"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("level")
        verbose_name_plural = _("levels")

    def __str__(self):
        return self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValidationError(
                {"maximum": _("The largest number must not be smaller than the smallest one.")}
            )

    def spec(self) -> dict:
        """What exercises.questions.mental_drill.generate_drill draws a round from."""
        return {
            "operation": self.operation,
            "minimum": self.minimum,
            "maximum": self.maximum,
            "questions": self.operations,
            "seconds": self.seconds,
        }


class DrillProgress(models.Model):
    """Where a pupil stands in a drill: their level now, and whether a teacher set it.

    Personal data of a child (their level). Shown to the pupil, their parents and the
    class's staff; erased with the drill or with the pupil's account.
    """

    drill = models.ForeignKey(
        DrillPage, on_delete=models.CASCADE, related_name="progress", verbose_name=_("drill")
    )
    pupil = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="drill_progress",
        verbose_name=_("pupil"),
    )
    level = models.PositiveSmallIntegerField(_("level"), default=1)
    # The teacher who set this level by hand (None: reached by playing).
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("set by"),
    )
    # When the level last changed: failures before it do not count towards moving down.
    updated = models.DateTimeField(_("updated"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress in a drill")
        verbose_name_plural = _("progress in drills")
        constraints = [
            models.UniqueConstraint(fields=["drill", "pupil"], name="one_progress_per_drill")
        ]

    def __str__(self):
        return f"{self.pupil} · {self.drill_id} · {self.level}"


class DrillRound(models.Model):
    """One series of operations a pupil played at one level, marked on the server.

    The operations are drawn again from `spec` and `seed` whenever the round is shown or
    marked, so a reload shows the same ones and a teacher's later edit of the level never
    changes them. Personal data of a child (their answers and results), shown to the
    pupil, their parents and the class's staff; erased with the drill or the account.
    """

    drill = models.ForeignKey(
        DrillPage, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("drill")
    )
    pupil = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="drill_rounds",
        verbose_name=_("pupil"),
    )
    level = models.PositiveSmallIntegerField(_("level"))
    spec = models.JSONField(_("operations drawn"), default=dict)
    seed = models.PositiveIntegerField(_("draw"))
    answers = models.JSONField(_("answers"), default=list, blank=True)
    right = models.PositiveSmallIntegerField(_("right"), null=True, blank=True)
    total = models.PositiveSmallIntegerField(_("out of"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=4, choices=Outcome.choices, blank=True)

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["started_at", "pk"]
        indexes = [models.Index(fields=["drill", "pupil"], name="drill_round_of_pupil")]

    def __str__(self):
        return f"{self.pupil} · {self.drill_id} · {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def rate(self):
        """The share right, between 0 and 1 (None while under way)."""
        if self.right is None or not self.total:
            return None
        return self.right / self.total

    @property
    def percent(self):
        return None if self.rate is None else round(self.rate * 100)


class DrillLevelChange(models.Model):
    """A pupil's change of level, by playing or set by a teacher: the history families read.

    Personal data of a child (their levels over time), erased with the drill or account.
    """

    drill = models.ForeignKey(
        DrillPage, on_delete=models.CASCADE, related_name="level_changes", verbose_name=_("drill")
    )
    pupil = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="drill_level_changes",
        verbose_name=_("pupil"),
    )
    level = models.PositiveSmallIntegerField(_("new level"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("set by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("change of level")
        verbose_name_plural = _("changes of level")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.pupil} · {self.drill_id} · {self.level}"
