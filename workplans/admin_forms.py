"""The work plan's admin form: only the class's pupils, groups and pages.

Wagtail's default choices would list every account, group and page of the portal; this
form narrows them to the class the plan belongs to and refuses anything else on the
server, the same rules as the front-end form (forms.py, tasks.py)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pages.file_scope import FileScopePageForm


class WorkPlanPageForm(FileScopePageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        from classrooms.models import ClassroomPage, PupilGroup, class_pupils

        if parent_page is not None:
            self.classroom = ClassroomPage.objects.filter(pk=parent_page.pk).first()
        elif self.instance.pk:
            self.classroom = self.instance.get_classroom()
        else:
            self.classroom = None
        if "assigned_groups" in self.fields:
            self.fields["assigned_groups"].queryset = PupilGroup.objects.filter(
                classroom=self.classroom
            )
        if "assigned_pupils" in self.fields and self.classroom is not None:
            self.fields["assigned_pupils"].queryset = class_pupils(self.classroom)

    def clean(self):
        from .tasks import task_problem

        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The plan ends before it starts."))
        tasks = self.formsets.get("tasks") if hasattr(self, "formsets") else None
        if tasks is None or self.classroom is None or not tasks.is_valid():
            return cleaned
        for form in tasks.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            problem = task_problem(self.classroom, data.get("linked_page"), data.get("text"))
            if problem:
                form.add_error(None, ValidationError(problem))
                self.add_error(None, ValidationError(problem))
        return cleaned
