"""The reading club's forms: opening a topic (a book or a question) and replying.

Files are checked by their content (classrooms/uploads.py): a picture is re-encoded
without EXIF or GPS, a recording must hold sound. A refused file never costs what was
typed: the form comes back with the text.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from classrooms import uploads

from .models import TEXT_MAX_LENGTH, TITLE_MAX_LENGTH, Topic


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=pgettext_lazy("pupil", "Your reply"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "data-counter": TEXT_MAX_LENGTH}),
        error_messages={
            "max_length": pgettext_lazy(
                "pupil",
                "Your reply is %(show_value)d characters long: %(limit_value)d at most. "
                "Shorten it or write two replies.",
            )
        },
    )
    photo = forms.FileField(
        label=pgettext_lazy("pupil", "Add a picture"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        help_text=_("Its position and camera details are removed before it is sent."),
    )
    recording = forms.FileField(
        label=pgettext_lazy("pupil", "Record your voice"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "audio/*"}),
    )
    quote = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, for_pupil=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_pupil = for_pupil
        if not for_pupil:  # an adult is addressed with "vous"
            self.fields["text"].label = _("Your reply")
            self.fields["text"].error_messages["max_length"] = _(
                "Your reply is %(show_value)d characters long: %(limit_value)d at most. "
                "Shorten it or write two replies."
            )
            self.fields["photo"].label = _("Add a picture")
            self.fields["recording"].label = _("Record your voice")

    def clean_text(self):
        return self.cleaned_data["text"].strip()

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        return uploads.clean_photo(photo) if photo else None

    def clean_recording(self):
        recording = self.cleaned_data.get("recording")
        return uploads.clean_recording(recording, "audio") if recording else None

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("text") or data.get("photo") or data.get("recording")):
            message = (
                pgettext_lazy("pupil", "Write something, record your voice or add a picture.")
                if self.for_pupil
                else _("Write something, record your voice or add a picture.")
            )
            raise forms.ValidationError(message, code="empty")
        return data


class TopicForm(forms.ModelForm):
    cover_photo = forms.FileField(
        label=_("Cover of the book"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        help_text=_("A photo of the cover: its position and camera details are removed."),
    )
    our_class_read_it = forms.BooleanField(
        label=_("Our class read this book"), required=False, initial=True
    )

    class Meta:
        model = Topic
        fields = ["kind", "title", "book_author", "text"]
        widgets = {
            "kind": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 4, "data-counter": TEXT_MAX_LENGTH}),
        }
        labels = {
            "title": _("Title of the book, or your question"),
            "text": _("A few words to start"),
        }
        error_messages = {
            "title": {
                "max_length": _(
                    "The title is %(show_value)d characters long: %(limit_value)d at most."
                )
            },
            "text": {
                "max_length": _(
                    "The text is %(show_value)d characters long: %(limit_value)d at most."
                )
            },
        }

    def __init__(self, *args, teaches=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].max_length = TITLE_MAX_LENGTH
        if not teaches:
            del self.fields["our_class_read_it"]

    def clean_cover_photo(self):
        photo = self.cleaned_data.get("cover_photo")
        return uploads.clean_photo(photo) if photo else None

    def clean(self):
        data = super().clean()
        if data.get("kind") == Topic.Kind.QUESTION:
            data["book_author"] = ""
            data["cover_photo"] = None
        return data
