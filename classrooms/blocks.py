"""Blocks for what a class writes: simple enough for a child's editor."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

from pages.blocks import DocumentBlock, ImageBlock, MediaWithTranscriptBlock

PUPIL_TEXT_FEATURES = ["bold", "italic", "ol", "ul"]


class PupilTextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "pages/blocks/paragraph.html"
        label = _("Text")
        description = _("Text with bold, italics and lists: what a pupil's editor offers.")
        preview_value = _("<p>Today we planted beans in the school garden.</p>")


class RecordingBlock(MediaWithTranscriptBlock):
    """A pupil's recording: their voice first, a transcript when an adult writes one.

    Unlike the public sites' audio block, the transcript is optional: nursery pupils
    record because they cannot write yet. A public entry keeps the player and the title.
    """

    audio = AudioChooserBlock(label=_("Recording"))
    caption = blocks.CharBlock(label=_("Title"), required=False, max_length=250)
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("What is said, for the families who cannot hear it."),
    )

    class Meta:
        icon = "wagtailmedia-audio"
        media = "audio"
        typed_sources = False  # recorded in the browser: WebM from Chrome, MP4 from Safari
        label = _("Recording")
        description = _("A recording made by the class, with a player.")
        preview_value = {"caption": _("Léa tells the story of the three bears")}


class FilmBlock(MediaWithTranscriptBlock):
    """A short film of the class, with an optional description."""

    video = VideoChooserBlock(label=_("Video"))
    caption = blocks.CharBlock(label=_("Title"), required=False, max_length=250)
    transcript = blocks.TextBlock(
        label=_("Description"),
        required=False,
        help_text=_("What is said and shown, for the families who cannot hear or see it."),
    )

    class Meta:
        icon = "wagtailmedia-video"
        media = "video"
        typed_sources = False
        transcript_summary = _("Read the description")
        label = _("Video")
        description = _("A short film made by the class, with a player.")
        preview_value = {"caption": _("Our bean plants after three weeks")}


class EntryBodyBlock(blocks.StreamBlock):
    """The body of a blog entry: what the pupils' editor writes, and a few staff extras."""

    text = PupilTextBlock(features=PUPIL_TEXT_FEATURES)
    image = ImageBlock()
    recording = RecordingBlock()
    video = FilmBlock()
    document = DocumentBlock()
