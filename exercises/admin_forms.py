"""The exercise's admin form, which offers only the class's own pupils and groups.

Wagtail's default form for a many-to-many field lists every row of the table: on an
exercise's settings it would show a teacher every account of the portal and every
class's groups (and accept them). This form narrows the choices to the class the page
belongs to, so the server refuses anything else too.
"""

from django.contrib.auth import get_user_model

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
