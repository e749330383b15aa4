"""The exercise's admin form, which offers only the class's own pupils and groups.

Wagtail's default form for a many-to-many field lists every row of the table: on an
exercise's settings it would show a teacher every account of the portal and every
class's groups (and accept them). This form narrows the choices to the class the page
belongs to, so the server refuses anything else too. It also refuses to publish (or send
for approval) an exercise with nothing to do: a pupil would start it, score "0 out of 0"
and use up an attempt.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pages.file_scope import FileScopePageForm


class ExercisePageForm(FileScopePageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        from classrooms.models import ClassroomPage, Membership, PupilGroup

        classroom = None
        if parent_page is not None:
            classroom = ClassroomPage.objects.filter(pk=parent_page.pk).first()
        elif self.instance.pk:
            classroom = self.instance.get_classroom()
        if "assigned_groups" in self.fields:
            self.fields["assigned_groups"].queryset = PupilGroup.objects.filter(classroom=classroom)
        if "assigned_pupils" in self.fields:
            self.fields["assigned_pupils"].queryset = (
                get_user_model()
                .objects.filter(
                    memberships__classroom=classroom, memberships__role=Membership.Role.PUPIL
                )
                .order_by("first_name", "last_name")
            )

    def clean(self):
        cleaned = super().clean()
        publishing = "action-publish" in self.data or "action-submit" in self.data
        body = cleaned.get("body")
        if publishing and body is not None and not has_question(body):
            self.add_error(
                "body",
                ValidationError(
                    _(
                        "Add at least one question (or an activity) before publishing: "
                        "an exercise with only instructions gives the pupils nothing to do. "
                        "You can save it as a draft meanwhile."
                    ),
                    code="no_question",
                ),
            )
        return cleaned


def has_question(body) -> bool:
    """Whether an exercise's body gives pupils something to do: one block at least that
    is not an instruction (a question, or an embedded activity). The rule of every way
    an exercise is published: this form and the front-end builder (exercises/builder/)."""
    return any(child.block_type != "instruction" for child in body)
