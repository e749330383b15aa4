"""The writing workshop: assignments, the texts pupils write and rewrite, their drafts and
the teacher's colour-coded marks.

- `WritingAssignmentPage` is a class activity (classrooms/activities.py): the teacher's
  instructions, for whom, by when, and optionally a list of `Topic`s to choose from.
- A `Text` is what one pupil, or one group, writes for an assignment. Its working copy
  (`body`) is plain text in paragraphs, saved as often as the child likes and merged
  paragraph by paragraph when co-authors save at the same time (paragraph_merge.py).
  Layout, photos and recordings come at publishing, in the blog's editor.
- A `Draft` is a working copy handed in: every one is kept, numbered, and compared word
  by word with the others (text_changes.py).
- A `Mark` is a passage of a draft with an `ErrorType` of the class's legend: character
  offsets in the draft's body, the words marked, and an optional hint.

Personal data of children: their texts, drafts and the marks on them. Shown to their
authors, the class's staff, and their parents when the teacher shares a text; kept with
the assignment and erased with it or with the class.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from classrooms.models import ClassActivityPage

TEXT_MAX_LENGTH = 12_000
TITLE_MAX_LENGTH = 120


class WorkMode(models.TextChoices):
    INDIVIDUAL = "individual", _("Each pupil writes their own text")
    GROUP = "group", _("Each group writes one text together")


class TopicChoice(models.TextChoices):
    PUPILS_CHOOSE = "choose", _("Pupils or groups choose (first come, first served)")
    TEACHER_ASSIGNS = "assign", _("The teacher gives each one a topic")


class WritingAssignmentPage(ClassActivityPage):
    """A writing task the teacher sets: what to write, for whom, by when, on which topics.

    Set from the class space's "new" menu in the front end (views_assignment.py) and
    editable in the admin too. Its texts are `Text` rows, written in this app's views.
    """

    instructions = RichTextField(
        _("instructions"), features=["bold", "italic", "ol", "ul"], blank=True
    )
    spoken_instruction = models.ForeignKey(
        "wagtailmedia.Media",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("spoken instruction"),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("picture"),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    work_mode = models.CharField(
        _("who writes"), max_length=12, choices=WorkMode.choices, default=WorkMode.INDIVIDUAL
    )
    topic_choice = models.CharField(
        _("topics"), max_length=8, choices=TopicChoice.choices, default=TopicChoice.PUPILS_CHOOSE
    )
    takers_per_topic = models.PositiveSmallIntegerField(
        _("pupils or groups per topic"),
        default=1,
        help_text=_("How many pupils or groups may choose the same topic; 0 for no limit."),
    )
    assistants_may_mark = models.BooleanField(_("the class's assistants may mark"), default=False)
    assigned_groups = ParentalManyToManyField(
        "classrooms.PupilGroup",
        blank=True,
        related_name="writing_assignments",
        verbose_name=_("for these groups"),
        help_text=_("Leave both empty for the whole class."),
    )
    assigned_pupils = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="writing_assignments",
        verbose_name=_("for these pupils"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("instructions"),
        FieldPanel("spoken_instruction"),
        FieldPanel("image"),
        FieldPanel("due_on"),
        FieldPanel("work_mode"),
        InlinePanel("topics", label=_("topics")),
        FieldPanel("topic_choice"),
        FieldPanel("takers_per_topic"),
    ]
    settings_panels = [
        FieldPanel("assigned_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("assigned_pupils", widget=forms.CheckboxSelectMultiple),
        FieldPanel("assistants_may_mark"),
        *Page.settings_panels,
    ]

    template = "writing/assignment_page.html"

    class Meta:
        verbose_name = _("writing assignment")
        verbose_name_plural = _("writing assignments")

    def get_context(self, request, *args, **kwargs):
        from .page import assignment_context

        context = super().get_context(request, *args, **kwargs)
        context.update(assignment_context(request, self))
        return context


class Topic(Orderable):
    """One subject of an assignment's list ("Les animaux de la mare")."""

    assignment = ParentalKey(WritingAssignmentPage, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(_("topic"), max_length=TITLE_MAX_LENGTH)

    panels = [FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.title


class TextStatus(models.TextChoices):
    WRITING = "writing", _("Being written")
    HANDED_IN = "handed_in", _("Handed in")
    TO_REWRITE = "to_rewrite", _("To rewrite")
    READY = "ready", _("Ready")
    PUBLISHED = "published", _("Published")


class Text(models.Model):
    """What one pupil or one group writes for an assignment, draft after draft."""

    assignment = models.ForeignKey(
        WritingAssignmentPage,
        on_delete=models.CASCADE,
        related_name="texts",
        verbose_name=_("assignment"),
    )
    group = models.ForeignKey(
        "classrooms.PupilGroup",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("group"),
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="writing_texts", verbose_name=_("authors")
    )
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="texts"
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH, blank=True)
    # The working copy: plain text, one paragraph per line (paragraph_merge.normal_text).
    body = models.TextField(_("text"), blank=True)
    # Who wrote each paragraph of the working copy (user ids, None when unknown).
    paragraph_authors = models.JSONField(default=list, blank=True)
    # Raised by every save: a save names the version it was written from.
    version = models.PositiveIntegerField(default=0)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=TextStatus.choices, default=TextStatus.WRITING
    )
    shared_with_parents = models.BooleanField(_("shared with the parents"), default=False)
    gathered_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="gathered_from",
        verbose_name=_("gathered into"),
    )
    entry = models.ForeignKey(
        "classrooms.BlogEntryPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("blog entry"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("text")
        verbose_name_plural = _("texts")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.title or f"{self.assignment_id} · {self.pk}"


class Draft(models.Model):
    """A working copy handed in, kept as it was: the teacher marks it, the pupil rewrites."""

    text = models.ForeignKey(Text, on_delete=models.CASCADE, related_name="drafts")
    number = models.PositiveSmallIntegerField(_("draft"))
    body = models.TextField(_("text"))
    paragraph_authors = models.JSONField(default=list, blank=True)
    handed_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    handed_in_at = models.DateTimeField(_("handed in at"), auto_now_add=True)
    comment = models.TextField(_("teacher's comment"), blank=True, max_length=2000)
    comment_recording = models.ForeignKey(
        "wagtailmedia.Media",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("spoken comment"),
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")
        ordering = ["text", "number"]
        constraints = [
            models.UniqueConstraint(fields=["text", "number"], name="unique_draft_number")
        ]

    def __str__(self):
        return f"{self.text} · {self.number}"


class Underline(models.TextChoices):
    """How a mark is underlined: what tells marks apart without their colour (WCAG 1.4.1)."""

    SOLID = "solid", _("plain line")
    DASHED = "dashed", _("dashes")
    DOTTED = "dotted", _("dots")
    DOUBLE = "double", _("double line")
    WAVY = "wavy", _("wavy line")


class Colour(models.TextChoices):
    """Pale backgrounds on which the text stays at well above 7:1 contrast, each with a
    dark line colour of its own (legend.LINE_COLOURS)."""

    YELLOW = "yellow", _("yellow")
    PINK = "pink", _("pink")
    BLUE = "blue", _("blue")
    GREEN = "green", _("green")
    ORANGE = "orange", _("orange")
    PURPLE = "purple", _("purple")
    GREY = "grey", _("grey")


class ErrorType(models.Model):
    """One entry of a class's colour code: a kind of error, or what is well done."""

    classroom = models.ForeignKey(
        "classrooms.ClassroomPage",
        on_delete=models.CASCADE,
        related_name="error_types",
        verbose_name=_("class"),
    )
    name = models.CharField(_("name"), max_length=60)
    letter = models.CharField(
        _("letter"), max_length=3, help_text=_("Shown on each mark, so that colour is not needed.")
    )
    colour = models.CharField(_("colour"), max_length=8, choices=Colour.choices)
    underline = models.CharField(_("underline"), max_length=8, choices=Underline.choices)
    praise = models.BooleanField(_("marks what is well done"), default=False)
    active = models.BooleanField(_("in use"), default=True)
    switched_off_for = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("not used for these pupils"),
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("kind of mark")
        verbose_name_plural = _("kinds of mark")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name


class Mark(models.Model):
    """A passage of a draft marked by the teacher: where it is, which kind, and a hint."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="marks")
    # RESTRICT, not PROTECT: a kind in use is never deleted alone, but deleting the class
    # deletes its legend with the marks (through its assignments, texts and drafts).
    error_type = models.ForeignKey(
        ErrorType, on_delete=models.RESTRICT, related_name="marks", verbose_name=_("kind")
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.CharField(_("words marked"), max_length=300)
    hint = models.CharField(_("hint"), max_length=120, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mark")
        verbose_name_plural = _("marks")
        ordering = ["draft", "start"]

    def __str__(self):
        return f"{self.error_type} · {self.quote}"
