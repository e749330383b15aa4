"""The newspaper's forms: an article (text, photo, voice, co-authors), a review note,
an issue's assembly."""

from django import forms
from django.utils.translation import gettext_lazy as _

from classrooms import uploads

from .models import Issue


class ArticleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120)
    section = forms.CharField(
        label=_("Section"),
        max_length=60,
        required=False,
        help_text=_("Choose a section of the newspaper, or write a new one."),
    )
    body = forms.CharField(label=_("Your article"), max_length=8000, widget=forms.Textarea)
    photo = forms.FileField(label=_("Add a photo"), required=False)
    recording = forms.FileField(label=_("Add your voice"), required=False)
    coauthors = forms.TypedMultipleChoiceField(
        label=_("Written with"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The classmates who write this article with you."),
    )
    classroom = forms.TypedChoiceField(label=_("Class"), coerce=int, required=False)
    # The version the text was written from: kept with a browser draft, so that an old
    # copy never silently replaces a newer text (views.edit refuses it).
    version = forms.IntegerField(
        widget=forms.HiddenInput(attrs={"data-draft-keep": ""}), required=False
    )

    def __init__(self, *args, classmates=(), classrooms=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coauthors"].choices = [(pupil.pk, pupil.display_name) for pupil in classmates]
        if not classmates:
            del self.fields["coauthors"]
        if len(classrooms) > 1:
            self.fields["classroom"].choices = [(c.pk, c.title) for c in classrooms]
            self.fields["classroom"].required = True
        else:
            del self.fields["classroom"]
        self.fields["recording"].widget.attrs["accept"] = "audio/*"
        self.fields["photo"].widget.attrs["accept"] = "image/*"

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_section(self):
        return " ".join(self.cleaned_data.get("section", "").split())

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        return uploads.clean_photo(photo) if photo else None

    def clean_recording(self):
        recording = self.cleaned_data.get("recording")
        return uploads.clean_recording(recording, "audio") if recording else None


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("What to change"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class IssueForm(forms.Form):
    title = forms.CharField(label=_("Title of the issue"), max_length=120, required=False)
    audience = forms.ChoiceField(
        label=_("Who reads it"), choices=Issue.Audience.choices, widget=forms.RadioSelect
    )


def placement_fields(data, articles):
    """[(article, chosen, section, position)] read from the assembly form's rows; an
    unchecked article is left out. Positions default to the order of the list."""
    rows = []
    for index, article in enumerate(articles, start=1):
        prefix = f"a{article.pk}"
        chosen = data.get(f"{prefix}-in") == "on"
        section = " ".join(data.get(f"{prefix}-section", article.section).split())[:60]
        try:
            position = max(0, min(int(data.get(f"{prefix}-position", index)), 999))
        except (TypeError, ValueError):
            position = index
        rows.append((article, chosen, section, position))
    return rows
