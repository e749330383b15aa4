"""The forms of words to parents: writing a word (staff) and acknowledging it (parents).

Bad input is refused with a message saying what to change, and everything typed stays in
the form; files are checked by their content (messaging/attachments.py: photos re-encoded
without EXIF or GPS, documents only PDF, text, OpenDocument or Office).
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from classrooms.models import PupilGroup, class_pupils
from classrooms.permissions import classrooms_in_school
from messaging import attachments
from submissions.once import OnceField

from .models import Word

MAX_OPTIONS = 8
OPTION_LENGTH = 80


class PupilChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class WordForm(forms.Form):
    """A word for a school's or a class's families. `school` set: written by a director
    for the whole school or one class of it; `classroom` set: for a class, a group of it
    or chosen pupils."""

    once = OnceField()
    audience = forms.ChoiceField(
        label=gettext_lazy("Who is it for?"), widget=forms.RadioSelect, choices=()
    )
    classroom = forms.ModelChoiceField(
        label=gettext_lazy("Class"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Choose a class"),
    )
    group = forms.ModelChoiceField(
        label=gettext_lazy("Group"),
        queryset=PupilGroup.objects.none(),
        required=False,
        empty_label=gettext_lazy("Choose a group"),
    )
    pupils = PupilChoiceField(
        label=gettext_lazy("Pupils whose families receive it"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    title = forms.CharField(
        label=gettext_lazy("Title"),
        max_length=150,
        help_text=gettext_lazy("For example “Outing to the farm on Friday”."),
    )
    text = forms.CharField(
        label=gettext_lazy("Your word"), widget=forms.Textarea(attrs={"rows": 6})
    )
    question = forms.ChoiceField(
        label=gettext_lazy("A question for the families"),
        choices=Word.Question.choices,
        initial=Word.Question.NONE,
        widget=forms.RadioSelect,
    )
    choices = forms.CharField(
        label=gettext_lazy("Options to choose from, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Only for “A choice among options”: 2 to 8 short options."),
    )
    needs_answer = forms.BooleanField(
        label=gettext_lazy("Families must answer the question when they acknowledge the word"),
        required=False,
    )
    photo = forms.FileField(label=gettext_lazy("Add a photo"), required=False)
    document = forms.FileField(
        label=gettext_lazy("Add a document"),
        required=False,
        help_text=gettext_lazy("PDF, text, OpenDocument or Office file."),
    )

    def __init__(self, *args, school=None, classroom=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.school = school
        self.fixed_classroom = classroom
        if classroom is not None:
            self.fields["audience"].choices = [
                (value, label)
                for value, label in Word.Audience.choices
                if value != Word.Audience.SCHOOL
            ]
            self.fields["audience"].initial = Word.Audience.CLASS
            del self.fields["classroom"]
            self.fields["group"].queryset = PupilGroup.objects.filter(classroom=classroom)
            self.fields["pupils"].queryset = class_pupils(classroom)
            if not self.fields["group"].queryset.exists():
                del self.fields["group"]
                self.fields["audience"].choices = [
                    choice
                    for choice in self.fields["audience"].choices
                    if choice[0] != Word.Audience.GROUP
                ]
        else:
            self.fields["audience"].choices = [
                (Word.Audience.SCHOOL, Word.Audience.SCHOOL.label),
                (Word.Audience.CLASS, _("One class of the school")),
            ]
            self.fields["audience"].initial = Word.Audience.SCHOOL
            self.fields["classroom"].queryset = classrooms_in_school(school).order_by("title")
            del self.fields["group"]
            del self.fields["pupils"]

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write the word to the families."))
        return text

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        return attachments.clean_photo(photo) if photo else None

    def clean_document(self):
        document = self.cleaned_data.get("document")
        return attachments.clean_document(document) if document else None

    def clean_choices(self):
        lines = []
        for line in self.cleaned_data.get("choices", "").splitlines():
            line = " ".join(line.split())
            if line and line.casefold() not in {seen.casefold() for seen in lines}:
                lines.append(line)
        return lines

    def clean(self):
        data = super().clean()
        audience = data.get("audience")
        in_school = "classroom" in self.fields
        if audience == Word.Audience.CLASS and in_school and not data.get("classroom"):
            self.add_error("classroom", _("Choose the class whose families receive it."))
        if audience == Word.Audience.GROUP and not data.get("group"):
            self.add_error("group", _("Choose the group whose families receive it."))
        if audience == Word.Audience.PUPILS and not data.get("pupils"):
            self.add_error("pupils", _("Tick at least one pupil whose family receives it."))
        question = data.get("question")
        options = data.get("choices") or []
        if question == Word.Question.CHOICE:
            if len(options) < 2:
                self.add_error("choices", _("Write at least two options, one per line."))
            elif len(options) > MAX_OPTIONS:
                self.add_error(
                    "choices",
                    _("Write %(count)d options at most.") % {"count": MAX_OPTIONS},
                )
            elif any(len(option) > OPTION_LENGTH for option in options):
                self.add_error(
                    "choices",
                    _("Keep each option under %(count)d characters.") % {"count": OPTION_LENGTH},
                )
        if data.get("needs_answer") and question == Word.Question.NONE:
            self.add_error(
                "needs_answer",
                _("Choose a question above, or untick this box: there is nothing to answer."),
            )
        return data

    def target_classroom(self):
        if self.fixed_classroom is not None:
            return self.fixed_classroom
        if self.cleaned_data.get("audience") == Word.Audience.CLASS:
            return self.cleaned_data.get("classroom")
        return None


class AcknowledgeForm(forms.Form):
    """A parent's "I have read it", with the answer to the word's question if it has one."""

    answer = forms.ChoiceField(
        label=gettext_lazy("Your answer to the question"),
        widget=forms.RadioSelect,
        required=False,
        choices=(),
    )

    def __init__(self, *args, word, **kwargs):
        super().__init__(*args, **kwargs)
        self.word = word
        options = word.answer_options()
        if options:
            self.fields["answer"].choices = options
            self.fields["answer"].required = word.needs_answer
            self.fields["answer"].error_messages["required"] = _(
                "Choose an answer: this word needs one."
            )
        else:
            del self.fields["answer"]
