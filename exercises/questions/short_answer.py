"""A short typed answer, compared with the accepted ones (accents optional)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .shared import (
    QuestionBlock,
    answer_field,
    answer_text,
    same_answer,
)


class ShortAnswerBlock(QuestionBlock):
    """A word or a few, typed, compared with the answers the teacher accepts.

    Answer: ``{"text": "..."}``. Capitals and spaces around and between words do not
    count; accents do, unless the teacher accepts missing ones.
    """

    kind = "short_answer"

    answers = blocks.TextBlock(
        label=_("Accepted answers"),
        help_text=_(
            "One per line. Capitals and spaces do not count; accents do, "
            "unless missing accents are accepted."
        ),
    )
    accept_missing_accents = blocks.BooleanBlock(
        label=_("Accept missing accents"),
        required=False,
        default=False,
        help_text=_("“ete” is then accepted for “été”; a wrong accent, as in “èté”, is not."),
    )

    class Meta:
        icon = "keyboard"
        template = "exercises/questions/short_answer.html"
        label = _("Short answer")
        description = _("A word or a few words to type, with the answers you accept.")
        preview_value = {
            "prompt": _("What is the capital of France?"),
            "answers": _("Paris"),
        }

    def accepted(self, value):
        return [line.strip() for line in value["answers"].splitlines() if line.strip()]

    def problems(self, value):
        if not self.accepted(value):
            return {"answers": ValidationError(_("Write at least one accepted answer."))}
        return {}

    def pupil_items(self, value, seed):
        return {}

    def answer_from_post(self, data, prefix):
        return {"text": data.get(f"{prefix}-text", "")}

    def assess(self, value, answer, seed):
        text = answer_text(answer_field(answer, "text"))
        missing = bool(value["accept_missing_accents"])
        right = any(
            same_answer(text, accepted, missing_accents=missing)
            for accepted in self.accepted(value)
        )
        return float(right), [right]

    def correction(self, value, seed):
        return {"answers": self.accepted(value)}


# 6. Mental calculation
