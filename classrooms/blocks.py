"""Blocks for what a class writes: simple enough for a child's editor."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from pages.blocks import ImageBlock

PUPIL_TEXT_FEATURES = ["bold", "italic", "ol", "ul"]


class PupilTextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "pages/blocks/paragraph.html"
        label = _("Text")
        description = _("Text with bold, italics and lists: what a pupil's editor offers.")
        preview_value = _("<p>Today we planted beans in the school garden.</p>")


class EntryBodyBlock(blocks.StreamBlock):
    """The body of a blog entry written by pupils or teachers."""

    text = PupilTextBlock(features=PUPIL_TEXT_FEATURES)
    image = ImageBlock()


class InstructionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Instruction"))

    class Meta:
        icon = "help"
        template = "classrooms/blocks/instruction.html"
        label = _("Instruction")
        description = _("What the pupil has to do, in short sentences.")
        preview_value = {"text": _("Read the text, then answer the questions.")}


class ExerciseBodyBlock(blocks.StreamBlock):
    instruction = InstructionBlock()
