"""The teacher's front-end form of a plan: its title, period, audience and ordered tasks.

Tasks are rows of a formset: a page of the class (chosen among its live pages) and/or a
few words. Moving a row up or down, or asking for more rows, sends the form and shows it
again in the new order without saving: no JavaScript, and nothing typed is lost."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from classrooms.forms import PeopleField
from classrooms.models import PupilGroup, class_pupils

from .models import TASK_TEXT_MAX_LENGTH
from .tasks import class_pages, task_problem

TITLE_MAX_LENGTH = 120
TASKS_MAX = 40
EMPTY_ROWS = 3


class PlanForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
    introduction = forms.CharField(
        label=_("A word to the pupils"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    groups = forms.ModelMultipleChoiceField(
        label=_("For these groups"),
        queryset=PupilGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave groups and pupils empty for the whole class."),
    )
    pupils = PeopleField(
        label=_("For these pupils"), queryset=get_user_model().objects.none(), required=False
    )
    # The revision the form was opened on: a save from an outdated copy is refused.
    base_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groups"].queryset = PupilGroup.objects.filter(classroom=classroom)
        self.fields["pupils"].queryset = class_pupils(classroom)

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The plan ends before it starts."))
        return cleaned


def page_choices(classroom):
    """The class's live pages a task may point to, named with their kind."""
    choices = [("", _("— none: a task in words —"))]
    for page in class_pages(classroom):
        kind = page.content_type.model_class()
        label = kind._meta.verbose_name if kind else ""
        choices.append((str(page.pk), f"{str(label).capitalize()} · {page.title}"))
    return choices


class TaskForm(forms.Form):
    task_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    page = forms.ChoiceField(label=_("A page of the class"), required=False)
    text = forms.CharField(
        label=_("What to do, in words"),
        required=False,
        max_length=TASK_TEXT_MAX_LENGTH,
        help_text=_("For example “Read chapter 3 of The Little Prince”."),
    )

    def __init__(self, *args, classroom, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.classroom = classroom
        self.fields["page"].choices = choices

    @property
    def is_blank(self):
        return not (self["page"].value() or (self["text"].value() or "").strip())

    def clean(self):
        cleaned = super().clean()
        if self.is_blank:
            return cleaned
        page = None
        if cleaned.get("page"):
            page = class_pages(self.classroom).filter(pk=int(cleaned["page"])).first()
            if page is None:
                self.add_error("page", _("This page is no longer published in the class."))
                return cleaned
        cleaned["linked_page"] = page
        cleaned["text"] = " ".join((cleaned.get("text") or "").split())
        problem = task_problem(self.classroom, page, cleaned["text"])
        if problem:
            self.add_error(None, problem)
        return cleaned


class BaseTaskFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        kept = [form for form in self.forms if not form.is_blank]
        if not kept:
            raise forms.ValidationError(_("Add at least one task to the plan."))
        if len(kept) > TASKS_MAX:
            raise forms.ValidationError(
                _("At most %(max)d tasks, please (there are %(count)d).")
                % {"max": TASKS_MAX, "count": len(kept)}
            )


TaskFormSet = forms.formset_factory(TaskForm, formset=BaseTaskFormSet, extra=0)


def task_formset(classroom, data=None, initial=None):
    return TaskFormSet(
        data,
        initial=initial,
        prefix="tasks",
        form_kwargs={"classroom": classroom, "choices": page_choices(classroom)},
    )


def rows_of(formset):
    """What the rows hold as typed, valid or not: to show them again in another order."""
    return [
        {
            "task_id": form["task_id"].value() or "",
            "page": form["page"].value() or "",
            "text": form["text"].value() or "",
        }
        for form in formset.forms
    ]


def moved(rows, instruction):
    """The rows after "3:up" or "3:down" (a row number and a direction)."""
    index, _sep, direction = (instruction or "").partition(":")
    try:
        index = int(index)
    except ValueError:
        return rows
    other = index - 1 if direction == "up" else index + 1
    if 0 <= index < len(rows) and 0 <= other < len(rows):
        rows[index], rows[other] = rows[other], rows[index]
    return rows


class AddTaskForm(forms.Form):
    """A task for one pupil only, added from the grid."""

    page = forms.ChoiceField(label=_("A page of the class"), required=False)
    text = forms.CharField(
        label=_("What to do, in words"), required=False, max_length=TASK_TEXT_MAX_LENGTH
    )

    def __init__(self, *args, classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.classroom = classroom
        self.fields["page"].choices = page_choices(classroom)

    def clean(self):
        cleaned = super().clean()
        page = None
        if cleaned.get("page"):
            page = class_pages(self.classroom).filter(pk=int(cleaned["page"])).first()
        cleaned["linked_page"] = page
        cleaned["text"] = " ".join((cleaned.get("text") or "").split())
        problem = task_problem(self.classroom, page, cleaned["text"])
        if problem:
            raise forms.ValidationError(problem)
        return cleaned
