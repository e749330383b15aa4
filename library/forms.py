"""The library's forms: publishing (and editing) a resource, searching, using it in a
class.

Everything is chosen among what the person may choose: their schools, their own
exercises and writing assignments, the classes they teach; a forged id is a validation
error. Files are checked by content (uploads.py); a refused file is named in a sentence,
and what was typed stays in the form (a browser cannot keep a chosen file: the message
says to choose it again).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from classrooms.models import Level
from exercises.models import ExercisePage
from pages.models import SchoolPage
from writing.models import WritingAssignmentPage

from . import rules, uploads
from .models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Resource
from .taxonomy import (
    DOMAINS_BY_SUBJECT,
    DURATIONS,
    FILE_KINDS,
    Cycle,
    Domain,
    Kind,
    Licence,
    Scope,
    Subject,
    cycle_of,
)

MAX_FILES = 12


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


def template_pages(user):
    """The exercises and writing assignments this person may share: those of the classes
    they teach (every one for the administrator)."""
    pages = Page.objects.type(ExercisePage, WritingAssignmentPage)
    if not rules.is_admin(user):
        classes = rules.taught_classrooms(user)
        paths = [classroom.path for classroom in classes]
        if not paths:
            return Page.objects.none()
        from django.db.models import Q

        within = Q(pk__in=[])
        for path in paths:
            within |= Q(path__startswith=path)
        pages = pages.filter(within)
    return pages.order_by("title")


class ResourceForm(forms.ModelForm):
    field_order = [
        "title",
        "description",
        "kind",
        "levels_chosen",
        "subject",
        "domain",
        "duration",
        "licence",
        "scope",
        "school",
        "uploads",
        "url",
        "source",
    ]
    levels_chosen = forms.MultipleChoiceField(
        label=_("Levels"),
        choices=Level.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one level.")},
    )
    uploads = MultipleFileField(
        label=_("Files"),
        required=False,
        help_text=_(
            "A document (PDF, OpenDocument, Office, text), an audio or video file, or "
            "pictures for an image set. The file is named after the description."
        ),
    )
    source = forms.ModelChoiceField(
        label=_("Exercise or writing assignment"),
        queryset=Page.objects.none(),
        required=False,
        help_text=_("For a template: one of your class's exercises or writing assignments."),
    )

    class Meta:
        model = Resource
        fields = [
            "title",
            "description",
            "kind",
            "subject",
            "domain",
            "duration",
            "licence",
            "scope",
            "school",
            "url",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.checked = None
        self.fields["title"].max_length = TITLE_MAX_LENGTH
        self.fields["description"].max_length = DESCRIPTION_MAX_LENGTH
        self.fields["duration"].min_value = 1
        self.fields["duration"].widget.attrs.update({"min": 1, "max": 600})
        self.fields["url"].help_text = _("For a link: the page to open (https://…).")
        schools = SchoolPage.objects.order_by("title")
        if not rules.is_admin(user):
            schools = schools.filter(pk__in=rules.staff_school_ids(user))
        self.fields["school"].queryset = schools
        self.fields["school"].empty_label = None
        self.fields["source"].queryset = template_pages(user)
        self.fields["source"].label_from_instance = lambda page: page.title
        self.fields["domain"].help_text = _("Choose a domain of the subject's programme.")
        if self.instance.pk:
            self.initial.setdefault("levels_chosen", self.instance.level_list)
            self.initial.setdefault("source", self.instance.source_page_id)
        else:
            self.initial.setdefault("scope", Scope.SCHOOL)
            self.initial.setdefault("licence", Licence.BY)

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        subject, domain = data.get("subject"), data.get("domain")
        if (
            subject
            and domain
            and domain != Domain.OTHER
            and domain not in DOMAINS_BY_SUBJECT.get(subject, ())
        ):
            self.add_error(
                "domain",
                _("“%(domain)s” is not a domain of %(subject)s: choose one of its own.")
                % {"domain": Domain(domain).label, "subject": Subject(subject).label},
            )
        levels = data.get("levels_chosen") or []
        if len({cycle_of(level) for level in levels}) > 1:
            self.add_error("levels_chosen", _("Choose levels of one cycle."))
        files = data.get("uploads") or []
        if kind == Kind.LINK and not data.get("url"):
            self.add_error("url", _("Give the web address of the link."))
        if kind in (Kind.EXERCISE, Kind.WRITING):
            self._clean_source(kind, data.get("source"))
        if kind in FILE_KINDS:
            self._clean_files(kind, files)
        return data

    def _clean_source(self, kind, source):
        wanted = ExercisePage if kind == Kind.EXERCISE else WritingAssignmentPage
        if source is None:
            self.add_error("source", _("Choose the exercise or writing assignment to share."))
        elif not isinstance(source.specific, wanted):
            self.add_error(
                "source",
                _("Choose an exercise for an exercise template.")
                if kind == Kind.EXERCISE
                else _("Choose a writing assignment for a writing assignment template."),
            )

    def _clean_files(self, kind, files):
        if not files:
            if self.instance.pk and self.instance.kind == kind and self.instance.files.exists():
                return  # editing: the files stay
            self.add_error("uploads", _("Choose the file to share."))
            return
        if kind != Kind.IMAGES and len(files) > 1:
            self.add_error("uploads", _("Choose one file only (several only for an image set)."))
            return
        if len(files) > MAX_FILES:
            self.add_error(
                "uploads", _("Choose %(count)s pictures at most.") % {"count": MAX_FILES}
            )
            return
        try:
            self.checked = uploads.check(kind, files)
        except forms.ValidationError as error:
            for message in error.messages:
                self.add_error(
                    "uploads", f"{message} " + str(_("Choose the file again to send the form."))
                )

    def save(self, commit=True):
        resource = super().save(commit=False)
        levels = self.cleaned_data["levels_chosen"]
        resource.levels = "," + ",".join(levels) + ","
        resource.cycle = cycle_of(levels[0]) if levels else Cycle.C2
        if resource.kind in (Kind.EXERCISE, Kind.WRITING):
            resource.source_page = self.cleaned_data["source"]
        else:
            resource.source_page = None
        if resource.kind != Kind.LINK:
            resource.url = ""
        if not resource.pk:
            resource.author = self.user
            resource.author_name = self.user.get_full_name() or self.user.get_username()
        if commit:
            resource.save()
            uploads.replace_files(resource, self.checked)
        return resource


class SearchForm(forms.Form):
    """The library's search box and filters; every field optional."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    cycle = forms.ChoiceField(label=_("Cycle"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)
    subject = forms.ChoiceField(label=_("Subject"), required=False)
    domain = forms.ChoiceField(label=_("Programme domain"), required=False)
    licence = forms.ChoiceField(label=_("Licence"), required=False)
    duration = forms.TypedChoiceField(
        label=_("Duration"), required=False, coerce=int, empty_value=None
    )
    school = forms.TypedChoiceField(label=_("School"), required=False, coerce=int)
    scope = forms.ChoiceField(label=_("Shared with"), required=False)

    def __init__(self, *args, schools=(), **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["kind"].choices = every + Kind.choices
        self.fields["cycle"].choices = every + Cycle.choices
        self.fields["level"].choices = every + Level.choices
        self.fields["subject"].choices = every + Subject.choices
        self.fields["domain"].choices = every + Domain.choices
        self.fields["licence"].choices = every + Licence.choices
        self.fields["scope"].choices = every + Scope.choices
        self.fields["duration"].choices = every + [
            (minutes, _("%(minutes)s min at most") % {"minutes": minutes}) for minutes in DURATIONS
        ]
        self.fields["school"].choices = every + [(pk, title) for pk, title in schools]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}


class UseForm(forms.Form):
    classroom = forms.ModelChoiceField(
        label=_("In my class"),
        queryset=Page.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Choose one of your classes.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["classroom"].queryset = rules.taught_classrooms(user)
        self.fields["classroom"].label_from_instance = lambda classroom: classroom.title
