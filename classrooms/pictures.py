"""The pictures pupils know each other by, and who is in nursery mode: a teacher's page.

Children who do not read yet choose the classmates who worked with them by their
picture (accounts/avatars.py). The class's teachers (and the school's director, who
manages its pupils too) give each pupil a picture, and decide whether the class is in
nursery mode (by level, on or off) and, pupil by pupil, whether one differs from the
class (classrooms/nursery.py). Everyone else gets 404, like every page of the class.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.avatars import Avatar, avatar_url

from .groups import managed_classroom_or_404
from .models import Membership, NurseryMode


def pupil_memberships(classroom):
    """The class's active pupils' memberships with their people, by first name: one query."""
    return list(
        Membership.objects.filter(
            classroom=classroom, role=Membership.Role.PUPIL, user__is_active=True
        )
        .select_related("user")
        .order_by("user__first_name", "user__last_name")
    )


class PicturesForm(forms.Form):
    """The class's nursery mode, then a picture and a nursery mode for each pupil."""

    class_mode = forms.ChoiceField(
        label=gettext_lazy("Nursery mode of the class"), choices=NurseryMode.choices
    )

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = memberships
        for membership in memberships:
            pk = membership.user_id
            self.fields[f"avatar-{pk}"] = forms.ChoiceField(
                choices=[("", _("No picture")), *Avatar.choices], required=False
            )
            self.fields[f"mode-{pk}"] = forms.ChoiceField(
                label=gettext_lazy("Nursery mode"),
                choices=Membership.PupilNurseryMode.choices,
                required=False,
            )

    @staticmethod
    def initial_for(classroom, memberships):
        initial = {"class_mode": classroom.nursery_mode}
        for membership in memberships:
            initial[f"avatar-{membership.user_id}"] = membership.user.avatar
            initial[f"mode-{membership.user_id}"] = membership.nursery_mode
        return initial

    def rows(self):
        """(membership, chosen picture, mode field) for each pupil, for the template."""
        data = self.data if self.is_bound else self.initial
        return [
            (m, data.get(f"avatar-{m.user_id}", ""), self[f"mode-{m.user_id}"])
            for m in self.memberships
        ]

    @transaction.atomic
    def save(self, classroom, user):
        data = self.cleaned_data
        changed_users, changed_memberships = [], []
        for membership in self.memberships:
            avatar = data.get(f"avatar-{membership.user_id}") or ""
            mode = data.get(f"mode-{membership.user_id}") or ""
            if membership.user.avatar != avatar:
                membership.user.avatar = avatar
                changed_users.append(membership.user)
            if membership.nursery_mode != mode:
                membership.nursery_mode = mode
                changed_memberships.append(membership)
        get_user_model().objects.bulk_update(changed_users, ["avatar"])
        Membership.objects.bulk_update(changed_memberships, ["nursery_mode"])
        if data["class_mode"] != classroom.nursery_mode:
            # Published as a revision, like the director's class form (enrolment/): the
            # admin's history says who changed it.
            classroom.nursery_mode = data["class_mode"]
            classroom.save_revision(user=user, log_action=True).publish(user=user)


# The pictures to choose from, with their URLs, computed once.
def _choices():
    return [(code, label, avatar_url(code)) for code, label in Avatar.choices]


@login_required
def pupil_pictures(request, classroom_id):
    classroom = managed_classroom_or_404(request.user, classroom_id)
    memberships = pupil_memberships(classroom)
    if request.method == "POST":
        form = PicturesForm(request.POST, memberships=memberships)
        if form.is_valid():
            form.save(classroom, request.user)
            messages.success(request, _("The pictures and the nursery mode are saved."))
            return redirect("classrooms:pictures", classroom_id=classroom.pk)
    else:
        form = PicturesForm(
            initial=PicturesForm.initial_for(classroom, memberships), memberships=memberships
        )
    context = {
        "classroom": classroom,
        "form": form,
        "avatars": _choices(),
        "by_level": classroom.is_nursery,
    }
    return render(request, "classrooms/pictures.html", context, status=400 if form.errors else 200)
