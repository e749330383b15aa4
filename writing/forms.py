"""The writing workshop's forms: the teacher's assignment, the pupils' text, the marks,
the teacher's comment and the class's legend. Texts are plain paragraphs (models.py);
over-long ones are refused with the count, never cut."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from classrooms.forms import PeopleField
from classrooms.models import PupilGroup, class_pupils

from .models import (
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Colour,
    ErrorType,
    TopicChoice,
    Underline,
    WorkMode,
)

TOPICS_MAX = 30


class AssignmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    instructions = forms.CharField(
        label=_("Instructions"), widget=forms.Textarea(attrs={"rows": 5}), max_length=4000
    )
    recording = forms.FileField(
        label=_("Spoken instruction"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "audio/*"}),
    )
    photo = forms.FileField(
        label=_("A picture"),
        required=False,
        help_text=_("A picture to write about (JPEG, PNG, HEIC)."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )
    photo_description = forms.CharField(
        label=_("What does the picture show?"), max_length=250, required=False
    )
    due_on = forms.DateField(
        label=_("Due on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    work_mode = forms.ChoiceField(
        label=_("Who writes"),
        choices=WorkMode.choices,
        widget=forms.RadioSelect,
        initial=WorkMode.INDIVIDUAL,
    )
    topics = forms.CharField(
        label=_("Topics to choose from"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line; leave empty for a free subject."),
    )
    topic_choice = forms.ChoiceField(
        label=_("Who chooses the topics"),
        choices=TopicChoice.choices,
        widget=forms.RadioSelect,
        initial=TopicChoice.PUPILS_CHOOSE,
    )
    takers_per_topic = forms.IntegerField(
        label=_("Pupils or groups per topic"),
        min_value=0,
        max_value=40,
        initial=1,
        help_text=_("0 for no limit."),
    )
    groups = forms.ModelMultipleChoiceField(
        label=_("For these groups"),
        queryset=PupilGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave groups and pupils empty for the whole class."),
    )
    pupils = PeopleField(
        label=_("For these pupils"), queryset=get_user_model().objects.none(), required=False
    )
    assistants_may_mark = forms.BooleanField(
        label=_("The class's assistants may mark"), required=False
    )

    def __init__(self, *args, classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groups"].queryset = PupilGroup.objects.filter(classroom=classroom)
        self.fields["pupils"].queryset = class_pupils(classroom)

    def clean_topics(self):
        lines = [" ".join(line.split()) for line in self.cleaned_data["topics"].splitlines()]
        topics = list(dict.fromkeys(line[:TITLE_MAX_LENGTH] for line in lines if line))
        if len(topics) > TOPICS_MAX:
            raise forms.ValidationError(
                _("At most %(max)d topics, please (there are %(count)d).")
                % {"max": TOPICS_MAX, "count": len(topics)}
            )
        return topics

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("work_mode") == WorkMode.GROUP
            and not self.fields["groups"].queryset.exists()
        ):
            self.add_error(
                "work_mode",
                _("This class has no groups yet: make them first, or let each pupil write."),
            )
        return cleaned


class TextForm(forms.Form):
    title = forms.CharField(
        label=_("Title of your text"), max_length=TITLE_MAX_LENGTH, required=False
    )
    body = forms.CharField(
        label=_("Your text"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 14, "class": "writing-area", "spellcheck": "false"}),
    )
    # The version the page was opened on, and its text: what a co-author's save is merged from.
    base_version = forms.IntegerField(widget=forms.HiddenInput(attrs={"data-draft-keep": ""}))
    base_body = forms.CharField(
        required=False, widget=forms.HiddenInput(attrs={"data-draft-keep": ""})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An over-long text is refused by the server with the count, kept in the form: a
        # browser's maxlength would cut what a child pastes without a word.
        self.fields["body"].widget.attrs.pop("maxlength", None)


class MarkForm(forms.Form):
    kind = forms.ModelChoiceField(label=_("Kind"), queryset=ErrorType.objects.none())
    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    hint = forms.CharField(label=_("A hint"), max_length=120, required=False)

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = ErrorType.objects.filter(pk__in=[k.pk for k in kinds])


class GiveBackForm(forms.Form):
    comment = forms.CharField(
        label=_("Your comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    recording = forms.FileField(
        label=_("A spoken comment"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "audio/*"}),
    )


class ErrorTypeForm(forms.ModelForm):
    switched_off_for = PeopleField(
        label=_("Not used for these pupils"),
        queryset=get_user_model().objects.none(),
        required=False,
    )

    class Meta:
        model = ErrorType
        fields = ["name", "letter", "colour", "underline", "praise", "active", "switched_off_for"]
        widgets = {
            "colour": forms.Select(choices=Colour.choices),
            "underline": forms.Select(choices=Underline.choices),
        }

    def __init__(self, *args, classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["switched_off_for"].queryset = class_pupils(classroom)
