"""A dictation: the pupil listens and types; marked word by word (dictation_marking.py)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtailmedia.blocks import AudioChooserBlock

from .. import dictation_marking
from .shared import (
    DICTATION_MAX_LENGTH,
    MalformedAnswer,
    QuestionBlock,
    answer_field,
    answer_text,
    media_id,
)


class DictationBlock(QuestionBlock):
    """The teacher reads, the pupil types; marked word by word by exercises.dictation.

    Answer: ``{"text": "..."}``. The score is the dictation's own (one error takes one
    word's share); the correction holds its DictationResult, row by row.
    """

    kind = "dictation"

    audio = AudioChooserBlock(label=_("Recording of the dictation"))
    text = blocks.TextBlock(
        label=_("Text of the dictation"),
        help_text=_(
            "Exactly as it must be written, punctuation included: "
            "the pupil's copy is marked word by word against it."
        ),
    )

    class Meta:
        icon = "wagtailmedia-audio"
        template = "exercises/questions/dictation.html"
        label = _("Dictation")
        description = _("A recorded text that pupils type, marked word by word.")
        preview_value = {
            "prompt": _("Listen, then write the text."),
            "text": _("The children play in the yard."),
        }

    def problems(self, value):
        if not any(token.is_word for token in dictation_marking.tokenize(value["text"])):
            return {"text": ValidationError(_("Write the text of the dictation."))}
        return {}

    def pupil_items(self, value, seed):
        return {"audio": media_id(value["audio"])}

    def answer_from_post(self, data, prefix):
        return {"text": data.get(f"{prefix}-text", "")}

    def mark(self, value, answer, seed):
        try:
            written = answer_text(answer_field(answer, "text"), DICTATION_MAX_LENGTH)
        except MalformedAnswer:
            result = dictation_marking.mark(value["text"], "")
            return self.marking(value, 0.0, (), {"text": value["text"], "result": result})
        result = dictation_marking.mark(value["text"], written)
        details = tuple(row.kind == dictation_marking.ErrorKind.OK for row in result.corrections)
        return self.marking(value, result.score, details, {"text": value["text"], "result": result})
