"""The body of an exercise: instructions, then questions of any kind, marked on the server."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtailmedia.blocks import AudioChooserBlock

from .embeds import ActivityEmbedBlock
from .h5p.block import H5PBlock
from .questions import (
    DictationBlock,
    FillInBlanksBlock,
    MatchingBlock,
    MentalDrillBlock,
    MultipleChoiceBlock,
    OrderingBlock,
    ShortAnswerBlock,
)


class InstructionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Instruction"))
    audio = AudioChooserBlock(
        label=_("Spoken instruction"),
        required=False,
        help_text=_("The instruction read aloud, for pupils who cannot read yet."),
    )

    class Meta:
        icon = "help"
        template = "exercises/blocks/instruction.html"
        label = _("Instruction")
        description = _("What the pupil has to do, in short sentences.")
        preview_value = {"text": _("Read the text, then answer the questions.")}


class ExerciseBodyBlock(blocks.StreamBlock):
    """An exercise: instructions, then questions of any kind, marked on the server."""

    instruction = InstructionBlock()
    multiple_choice = MultipleChoiceBlock()
    fill_in_blanks = FillInBlanksBlock()
    matching = MatchingBlock()
    ordering = OrderingBlock()
    short_answer = ShortAnswerBlock()
    mental_drill = MentalDrillBlock()
    dictation = DictationBlock()
    h5p = H5PBlock()
    activity = ActivityEmbedBlock()
