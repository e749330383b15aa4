"""Groups of pupils in a class, managed by its teachers and the school's director.

A teacher names a group and ticks its pupils; a pupil may be in several groups (a team
and a reading group). Pupils see their own groups on the class wall. Everyone else gets
404, like every page of the class.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .forms import PeopleField
from .models import PupilGroup, class_pupils
from .permissions import can_manage_classroom
from .views import classroom_or_404


class PupilGroupForm(forms.ModelForm):
    pupils = PeopleField(
        label=gettext_lazy("Pupils of the group"),
        queryset=get_user_model().objects.none(),
        required=False,
    )

    class Meta:
        model = PupilGroup
        fields = ["name", "pupils"]
        labels = {"name": gettext_lazy("Name of the group")}
        help_texts = {"name": gettext_lazy("For example “Team of the owls” or “Reading group 2”.")}

    def __init__(self, *args, classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.classroom = classroom
        self.fields["pupils"].queryset = class_pupils(classroom)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        taken = PupilGroup.objects.filter(classroom=self.classroom, name__iexact=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("This class already has a group with this name."))
        return name

    def save(self, commit=True):
        self.instance.classroom = self.classroom
        return super().save(commit)


def managed_classroom_or_404(user, classroom_id):
    classroom = classroom_or_404(user, classroom_id)
    if not can_manage_classroom(user, classroom):
        raise Http404
    return classroom


def group_or_404(user, group_id):
    group = get_object_or_404(PupilGroup.objects.select_related("classroom"), pk=group_id)
    managed_classroom_or_404(user, group.classroom_id)
    return group


@login_required
def group_list(request, classroom_id):
    classroom = managed_classroom_or_404(request.user, classroom_id)
    form = PupilGroupForm(request.POST or None, classroom=classroom)
    if request.method == "POST" and form.is_valid():
        group = form.save()
        messages.success(request, _("The group “%(name)s” is created.") % {"name": group.name})
        return redirect("classrooms:groups", classroom_id=classroom.pk)
    groups = list(classroom.pupil_groups.prefetch_related("pupils"))
    edit_forms = [
        (group, PupilGroupForm(instance=group, classroom=classroom, prefix=f"group-{group.pk}"))
        for group in groups
    ]
    return render(
        request,
        "classrooms/groups.html",
        {"classroom": classroom, "form": form, "edit_forms": edit_forms},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def group_edit(request, group_id):
    group = group_or_404(request.user, group_id)
    form = PupilGroupForm(
        request.POST, instance=group, classroom=group.classroom, prefix=f"group-{group.pk}"
    )
    if form.is_valid():
        form.save()
        messages.success(request, _("The group “%(name)s” is saved.") % {"name": group.name})
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("classrooms:groups", classroom_id=group.classroom_id)


@login_required
@require_POST
def group_delete(request, group_id):
    group = group_or_404(request.user, group_id)
    group.delete()
    messages.success(request, _("The group “%(name)s” is deleted.") % {"name": group.name})
    return redirect("classrooms:groups", classroom_id=group.classroom_id)


def groups_of(user, classroom):
    """The groups this pupil belongs to in this class, for their wall."""
    from .person import person_of

    if not user.is_authenticated:
        return []
    return list(person_of(user).groups.get(classroom.pk, []))
