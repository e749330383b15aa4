"""The forms of the class blog in the front end: the pupils' editor and the teacher's review.

The editor is made for children aged 6 to 11 (and for the adults recording nursery
pupils): a title, a text with bold, italics and lists, a photo, a recording, the
classmates who wrote it with them, a topic. Files are checked by their content
(uploads.py); a refused file never costs what was typed (views.py saves the rest).
"""

import re
from html.parser import HTMLParser

import nh3
from django import forms
from django.contrib.auth import get_user_model
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.models import Tag

from submissions.once import OnceField

from . import uploads
from .models import Visibility, class_pupils

TITLE_MAX_LENGTH = 120
TEXT_MAX_LENGTH = 20_000
TOPIC_MAX_LENGTH = 40
# What the pupils' editor may produce; everything else is dropped, attributes included.
TEXT_TAGS = {"p", "br", "b", "i", "ul", "ol", "li"}
# Browsers' editors write <strong>, <em> and <div>; Wagtail's rich text stores <b>, <i>, <p>.
TAG_SYNONYMS = {"strong": "b", "em": "i", "div": "p"}
# What tells the editor's HTML from a plain textarea's text (which may hold a "<").
RICH_TEXT_MARK = re.compile(r"</?(p|b|i|strong|em|ul|ol|li|br|div)\b", re.IGNORECASE)


def clean_text(html: str) -> str:
    """Rich text as Wagtail stores it, from the editor's HTML or a plain textarea."""
    html = html.strip()
    if not html:
        return ""
    if not RICH_TEXT_MARK.search(html):
        paragraphs = [part.strip() for part in html.replace("\r\n", "\n").split("\n\n")]
        return "".join(
            f"<p>{escape(part).replace(chr(10), '<br/>')}</p>" for part in paragraphs if part
        )
    for source, target in TAG_SYNONYMS.items():
        html = html.replace(f"<{source}>", f"<{target}>").replace(f"</{source}>", f"</{target}>")
    cleaned = nh3.clean(html, tags=TEXT_TAGS, attributes={}, link_rel=None)
    return _in_paragraphs(cleaned)


class _Paragraphs(HTMLParser):
    """Puts text typed outside any paragraph into one, and drops empty paragraphs.

    Browsers' editable areas leave the first line bare ("Hello <b>you</b><p>…</p>");
    Wagtail's rich text, and the editor reopening a draft, expect blocks only.
    """

    BLOCKS = {"p", "ul", "ol"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.run, self.depth, self.current = [], [], 0, []

    def _flush_run(self):
        if "".join(self.run).strip():
            self.blocks.append(f"<p>{''.join(self.run).strip()}</p>")
        self.run = []

    def _emit(self, text):
        (self.current if self.depth else self.run).append(text)

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self._emit("<br/>")
        elif tag in self.BLOCKS and self.depth == 0:
            self._flush_run()
            self.depth, self.current = 1, [f"<{tag}>"]
        else:
            self.depth += 1 if self.depth and tag in self.BLOCKS else 0
            self._emit(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag == "br":
            return
        if tag in self.BLOCKS and self.depth == 1:
            self.current.append(f"</{tag}>")
            block = "".join(self.current)
            if strip_tags(block).strip() or tag != "p":
                self.blocks.append(block)
            self.depth, self.current = 0, []
        else:
            self.depth -= 1 if self.depth > 1 and tag in self.BLOCKS else 0
            self._emit(f"</{tag}>")

    def handle_data(self, data):
        self._emit(escape(data))

    def result(self):
        self.close()
        if self.current:
            self.blocks.append("".join(self.current))
        self._flush_run()
        return "".join(self.blocks)


def _in_paragraphs(html: str) -> str:
    parser = _Paragraphs()
    parser.feed(html)
    return parser.result()


class PeopleField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.display_name


class EntryForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        required=False,
        help_text=_("A few words that make people want to read."),
    )
    text = forms.CharField(
        label=_("Your text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "data-editor-source": ""}),
        max_length=TEXT_MAX_LENGTH,
        error_messages={
            "max_length": _(
                "The text is too long (%(show_value)d characters with its formatting): "
                "%(limit_value)d at most. Split it into two entries."
            )
        },
    )
    photo = forms.FileField(
        label=_("Add a photo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        help_text=_("Take a photo with the tablet or choose a picture (JPEG, PNG, HEIC)."),
    )
    photo_description = forms.CharField(
        label=_("What does the photo show?"),
        max_length=250,
        required=False,
        help_text=_("For people who cannot see it."),
    )
    photo_people = PeopleField(
        label=_("Who can be seen in the photo?"),
        queryset=get_user_model().objects.none(),
        required=False,
    )
    recording = forms.FileField(
        label=_("Recording"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "audio/*"}),
    )
    video = forms.FileField(
        label=_("Add a short video"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "video/*"}),
    )
    coauthors = PeopleField(
        label=_("Who wrote it with you?"),
        queryset=get_user_model().objects.none(),
        required=False,
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_topic = forms.CharField(
        label=_("A new topic"),
        max_length=TOPIC_MAX_LENGTH,
        required=False,
    )
    remove = forms.MultipleChoiceField(
        label=_("Remove"), required=False, widget=forms.CheckboxSelectMultiple
    )
    # Sent once only (submissions/once.py), and saved only over the revision it was
    # written from (editor.save_entry); kept with a draft in the browser (drafts.js).
    once = OnceField()
    base_revision = forms.CharField(
        required=False, widget=forms.HiddenInput(attrs={"data-draft-keep": ""})
    )

    def __init__(self, *args, classroom, author, is_pupil=True, removable=(), **kwargs):
        """`is_pupil`: the person writing is a pupil of this class ("tu"); teachers and
        other adults read "vous"."""
        super().__init__(*args, **kwargs)
        if is_pupil:
            self.fields["text"].label = pgettext_lazy("pupil", "Your text")
            self.fields["coauthors"].label = pgettext_lazy("pupil", "Who wrote it with you?")
        else:
            self.fields["text"].label = pgettext_lazy("adult", "Your text")
            self.fields["coauthors"].label = pgettext_lazy("adult", "Who wrote it with you?")
        pupils = class_pupils(classroom)
        self.fields["photo_people"].queryset = pupils
        self.fields["coauthors"].queryset = pupils.exclude(pk=author.pk)
        self.fields["topics"].choices = [
            (tag.name, tag.name)
            for tag in Tag.objects.filter(
                classrooms_blogentrytag_items__content_object__path__startswith=classroom.path
            )
            .distinct()
            .order_by("name")
        ]
        self.fields["remove"].choices = list(removable)
        if classroom.is_nursery:
            self.fields["recording"].label = _("Record the story")

    def clean_text(self):
        return clean_text(self.cleaned_data["text"])

    def clean_base_revision(self):
        """The revision the editor was opened on; none from a page older than the check."""
        value = self.cleaned_data["base_revision"].strip()
        return int(value) if value.isdigit() else None

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        return uploads.clean_photo(photo) if photo else None

    def clean_recording(self):
        recording = self.cleaned_data.get("recording")
        return uploads.clean_recording(recording, "audio") if recording else None

    def clean_video(self):
        video = self.cleaned_data.get("video")
        return uploads.clean_recording(video, "video") if video else None

    def clean_new_topic(self):
        return " ".join(self.cleaned_data["new_topic"].split()).strip(",")

    def topic_names(self):
        names = list(self.cleaned_data.get("topics") or [])
        if new := self.cleaned_data.get("new_topic"):
            names.append(new)
        return names


class SendBackForm(forms.Form):
    note = forms.CharField(
        label=_("Your note to the authors"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Say what to correct or add: the pupils read it beside their draft."),
        error_messages={"required": _("Write a note so the pupils know what to change.")},
    )


class VisibilityForm(forms.Form):
    visibility = forms.ChoiceField(
        label=_("Who can read this entry?"),
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Beyond the class, only first names are shown. Public entries need the "
            "consent of the families of every pupil seen or heard."
        ),
    )
