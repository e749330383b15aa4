"""The first step of a new exercise: its title (the rest is added in the builder)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class NewExerciseForm(forms.Form):
    title = forms.CharField(
        label=_("Title of the exercise"),
        max_length=255,
        help_text=_("What pupils read on the class wall, such as “Dictée du lundi”."),
    )
