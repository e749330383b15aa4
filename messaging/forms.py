"""The forms of messaging: writing a message (new or in a conversation), reporting one,
a person's e-mail choice, a class's rules, the staff a director opens to families.

Files are checked by their content (attachments.py); a refused file never costs what was
typed: the form comes back with the text, and the browser keeps it too (drafts.js).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from classrooms.forms import clean_text
from submissions.once import OnceField

from . import attachments
from .models import ClassMessaging

BODY_MAX_LENGTH = 5000
SUBJECT_MAX_LENGTH = 120


class MessageForm(forms.Form):
    """A message: text and, if wanted, a photo, a document, a voice or a video."""

    body = forms.CharField(
        label=_("Your message"),
        required=False,
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "data-counter": BODY_MAX_LENGTH}),
        error_messages={
            "max_length": _(
                "Your message is %(show_value)d characters long: %(limit_value)d at most. "
                "Shorten it or send it in two messages."
            )
        },
    )
    photo = forms.FileField(
        label=_("Add a photo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        help_text=_("Its position and camera details are removed before it is sent."),
    )
    document = forms.FileField(
        label=_("Add a document"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.odt,.ods,.odp,.docx,.xlsx,.pptx,.txt"}
        ),
        help_text=_("PDF, text, OpenDocument or Office file."),
    )
    recording = forms.FileField(
        label=_("Voice message"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "audio/*"}),
    )
    video = forms.FileField(
        label=_("Video message"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "video/*"}),
    )
    # Kept with the draft (drafts.js): a reply typed, left and come back to still answers
    # the message it was written to.
    reply_to = forms.IntegerField(
        required=False, widget=forms.HiddenInput(attrs={"data-draft-keep": True})
    )
    once = OnceField()

    def __init__(self, *args, for_pupil=False, **kwargs):
        super().__init__(*args, **kwargs)
        if for_pupil:
            # A child is addressed with "tu": "Ton message", not "Votre message".
            self.fields["body"].label = pgettext_lazy("pupil", "Your message")
            self.fields["body"].error_messages["max_length"] = pgettext_lazy(
                "pupil",
                "Your message is %(show_value)d characters long: %(limit_value)d at most. "
                "Shorten it or send it in two messages.",
            )

    def clean_body(self):
        return clean_text(self.cleaned_data["body"])

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        return attachments.clean_photo(photo) if photo else None

    def clean_document(self):
        document = self.cleaned_data.get("document")
        return attachments.clean_document(document) if document else None

    def clean_recording(self):
        recording = self.cleaned_data.get("recording")
        return attachments.clean_recording(recording, "audio") if recording else None

    def clean_video(self):
        video = self.cleaned_data.get("video")
        return attachments.clean_recording(video, "video") if video else None

    def clean(self):
        data = super().clean()
        if not self.errors and not (
            data.get("body")
            or data.get("photo")
            or data.get("document")
            or data.get("recording")
            or data.get("video")
        ):
            raise forms.ValidationError(
                _("Write something, or add a recording, a video, a photo or a document."),
                code="empty",
            )
        return data

    def checked_files(self):
        """The checked files, as services.start() and post() take them."""
        data = self.cleaned_data
        return {
            "photos": [data["photo"]] if data.get("photo") else [],
            "documents": [data["document"]] if data.get("document") else [],
            "recordings": [r for r in (data.get("recording"), data.get("video")) if r],
        }


class NewConversationForm(MessageForm):
    """A new conversation: to chosen people, or to every family of a class."""

    subject = forms.CharField(
        label=_("Subject"),
        max_length=SUBJECT_MAX_LENGTH,
        required=False,
        help_text=_("A few words saying what it is about."),
    )
    to = forms.TypedMultipleChoiceField(
        label=_("To"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    families_of = forms.TypedChoiceField(
        label=_("Or to every family of a class"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Each family gets its own conversation: no family reads another's answer."),
    )

    field_order = ["to", "families_of", "subject", "body"]

    def __init__(self, *args, contacts, **kwargs):
        super().__init__(*args, **kwargs)
        self.contacts = contacts
        # The picker shows these people only; any other id is a forged request (404).
        self.fields["to"].choices = [
            (contact.user_id, contact.name) for _h, group in contacts.groups for contact in group
        ]
        self.fields["to"].error_messages["invalid_choice"] = _(
            "This person is not among the people you may write to."
        )
        if contacts.family_classes:
            self.fields["families_of"].choices = [("", "—"), *contacts.family_classes]
        else:
            del self.fields["families_of"]

    def forged(self):
        """Whether the request names someone the picker never offered: a person or a
        class outside the rules. The view answers 404, as for any page one may not see."""
        offered_people = {str(value) for value, _name in self.fields["to"].choices}
        asked_people = self.data.getlist(self.add_prefix("to")) if self.is_bound else []
        if any(value not in offered_people for value in asked_people):
            return True
        asked_class = self.data.get(self.add_prefix("families_of"), "") if self.is_bound else ""
        if not asked_class:
            return False
        offered_classes = {str(value) for value, _name in self.contacts.family_classes}
        return asked_class not in offered_classes

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("to") or data.get("families_of")):
            raise forms.ValidationError(
                _("Choose who to write to."),
                code="no_recipient",
            )
        if data.get("to") and data.get("families_of"):
            raise forms.ValidationError(
                _("Write either to chosen people or to the families of a class, not both."),
                code="both",
            )
        return data


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Why? (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ClassRulesForm(forms.ModelForm):
    class Meta:
        model = ClassMessaging
        fields = ["pupils_write_to_classmates", "charter"]
        labels = {
            "pupils_write_to_classmates": _("The pupils may write to each other"),
            "charter": _("The class charter"),
        }
        help_texts = {
            "pupils_write_to_classmates": _(
                "Off by default. The class's teachers can read the pupils' conversations."
            ),
            "charter": _("Shown to the pupils when they write. Leave empty for Préau's."),
        }
        widgets = {"charter": forms.Textarea(attrs={"rows": 6})}
