"""The exercise's settings in the builder: when, how many times, correction, for whom,
and "to do in pairs". The fields are the model's own (labels and help texts written
once, in models.py); the groups and pupils offered are the class's only, as in the
admin's form (admin_forms.py), so the server refuses anything else too."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from classrooms.models import Membership, PupilGroup

from ..models import ExercisePage

FIELDS = ("opens_at", "closes_at", "max_attempts", "correction_timing", "in_pairs")
WHEN = "%Y-%m-%dT%H:%M"


class SettingsForm(forms.Form):
    base_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title"), max_length=255)

    def __init__(self, *args, classroom, page, **kwargs):
        super().__init__(*args, **kwargs)
        for name in FIELDS:
            field = ExercisePage._meta.get_field(name).formfield()
            if name in ("opens_at", "closes_at"):
                field.widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=WHEN)
            if name == "correction_timing":
                field.widget = forms.RadioSelect(choices=field.choices)
            self.fields[name] = field
            self.initial.setdefault(name, getattr(page, name))
        self.fields["groups"] = forms.ModelMultipleChoiceField(
            label=ExercisePage._meta.get_field("assigned_groups").verbose_name,
            queryset=PupilGroup.objects.filter(classroom=classroom).order_by("name"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("Leave both empty for the whole class."),
        )
        self.fields["pupils"] = forms.ModelMultipleChoiceField(
            label=ExercisePage._meta.get_field("assigned_pupils").verbose_name,
            queryset=get_user_model()
            .objects.filter(
                memberships__classroom=classroom, memberships__role=Membership.Role.PUPIL
            )
            .order_by("first_name", "last_name"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["pupils"].label_from_instance = lambda user: user.display_name
        self.initial.setdefault("title", page.title)
        self.initial.setdefault("groups", [group.pk for group in page.assigned_groups.all()])
        self.initial.setdefault("pupils", [pupil.pk for pupil in page.assigned_pupils.all()])

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("It must close after it opens."))
        return cleaned

    def apply(self, page):
        data = self.cleaned_data
        page.title = page.draft_title = data["title"]
        for name in FIELDS:
            setattr(page, name, data[name])
        page.assigned_groups.set(list(data["groups"]))
        page.assigned_pupils.set(list(data["pupils"]))
