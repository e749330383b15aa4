from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Chapter, Story


class StoryForm(forms.ModelForm):
    class Meta:
        model = Story
        fields = ["opening", "chapters_per_class"]
        widgets = {
            "opening": forms.Textarea(attrs={"rows": 8}),
            "chapters_per_class": forms.NumberInput(attrs={"min": 1, "max": 10}),
        }
        error_messages = {
            "opening": {
                "max_length": _(
                    "The opening is too long: %(limit_value)d characters at most "
                    "(it has %(show_value)d)."
                )
            }
        }

    def clean_chapters_per_class(self):
        value = self.cleaned_data["chapters_per_class"]
        if not 1 <= value <= 10:
            raise forms.ValidationError(_("Between 1 and 10 chapters per turn."))
        return value


class ChapterForm(forms.ModelForm):
    """The class's shared text; `version` is the copy it was typed on."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = Chapter
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 20})}
        error_messages = {
            "title": {
                "max_length": _(
                    "The title is too long: %(limit_value)d characters at most "
                    "(it has %(show_value)d)."
                )
            },
            "body": {
                "max_length": _(
                    "The chapter is too long: %(limit_value)d characters at most "
                    "(it has %(show_value)d)."
                )
            },
        }


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("What to rework"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say what the class should rework.")},
    )
