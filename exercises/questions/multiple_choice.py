"""Multiple choice: one right answer or several, with images for pupils who cannot read."""

import random

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from .shared import (
    QuestionBlock,
    answer_field,
    answer_index,
    answer_list,
    media_id,
    shuffled_order,
)


class AnswerChoiceBlock(blocks.StructBlock):
    """One answer of a multiple-choice question: words, a picture, or both.

    Shown by its question, never alone: it has no template of its own.
    """

    text = blocks.CharBlock(label=_("Answer"), required=False, max_length=200)
    image = ImageChooserBlock(label=_("Image"), required=False)
    alt_text = blocks.CharBlock(
        label=_("Text alternative"),
        required=False,
        max_length=250,
        help_text=_("Describe the picture for pupils who cannot see it; needed with an image."),
    )
    correct = blocks.BooleanBlock(label=_("Right answer"), required=False, default=False)

    class Meta:
        icon = "radio-full"
        label = _("Answer")
        description = _("An answer to choose, with words, a picture or both.")
        preview_value = {"text": _("A mammal"), "correct": True}

    def clean(self, value):
        value = super().clean(value)
        if not value.get("text", "").strip() and not value.get("image"):
            message = _("Write an answer or choose an image.")
            raise StructBlockValidationError(
                block_errors={"text": ValidationError(message)},
                non_block_errors=[ValidationError(message)],
            )
        if value.get("image") and not value.get("alt_text", "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Describe the picture for people who cannot see it.")
                    )
                }
            )
        return value


class MultipleChoiceBlock(QuestionBlock):
    """Choose the right answer, or tick all the right ones.

    Answer: ``{"choices": ["2", "0"]}``, the indexes (as shown) of the ticked answers.
    With several right answers, each right one ticked earns a share and each wrong one
    takes one back, never below 0: ticking every box earns less than choosing.
    """

    kind = "multiple_choice"

    choices = blocks.ListBlock(
        AnswerChoiceBlock(),
        label=_("Answers"),
        help_text=_("Tick the right ones; pupils see the answers mixed up."),
    )
    several_answers = blocks.BooleanBlock(
        label=_("Several right answers"),
        required=False,
        default=False,
        help_text=_(
            "Pupils then tick every right answer and earn part of the points for part "
            "of them; otherwise they choose one answer."
        ),
    )

    class Meta:
        icon = "list-ul"
        template = "exercises/questions/multiple_choice.html"
        label = _("Multiple choice")
        description = _(
            "Choose the right answer, or tick all the right ones, among words or pictures."
        )
        preview_value = {
            "prompt": _("Which of these animals is a mammal?"),
            "choices": [
                {"text": _("The whale"), "correct": True},
                {"text": _("The shark")},
                {"text": _("The trout")},
            ],
        }

    def problems(self, value):
        choices = value["choices"]
        right = sum(bool(choice["correct"]) for choice in choices)
        message = None
        if len(choices) < 2:
            message = _("Give at least two answers to choose from.")
        elif not right:
            message = _("Tick at least one right answer.")
        elif right > 1 and not value["several_answers"]:
            message = _("Tick only one right answer, or allow several right answers.")
        if message:
            return {"choices": ListBlockValidationError(non_block_errors=[message])}
        return {}

    def shown_choices(self, value, seed):
        choices = list(value["choices"])
        return [choices[i] for i in shuffled_order(len(choices), random.Random(seed))]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # The pupil view with the images themselves, for the {% image %} tag.
        shown = self.shown_choices(value, context["seed"])
        context["choices"] = [
            {**item, "image": choice["image"]}
            for item, choice in zip(context["question"]["choices"], shown, strict=True)
        ]
        return context

    def pupil_items(self, value, seed):
        return {
            "several_answers": bool(value["several_answers"]),
            "choices": [
                {
                    "key": str(key),
                    "text": choice["text"],
                    "image": media_id(choice["image"]),
                    "alt_text": choice["alt_text"],
                }
                for key, choice in enumerate(self.shown_choices(value, seed))
            ],
        }

    def answer_from_post(self, data, prefix):
        return {"choices": data.getlist(f"{prefix}-choices")}

    def assess(self, value, answer, seed):
        shown = self.shown_choices(value, seed)
        raw = answer_list(answer_field(answer, "choices"), len(shown))
        ticked = {answer_index(key, len(shown)) for key in raw}
        details = [(key in ticked) == bool(choice["correct"]) for key, choice in enumerate(shown)]
        right = {key for key, choice in enumerate(shown) if choice["correct"]}
        if not value["several_answers"]:
            return float(ticked == right), details
        if not right:
            return 0.0, details
        return max(0, len(ticked & right) - len(ticked - right)) / len(right), details

    def correction(self, value, seed):
        shown = self.shown_choices(value, seed)
        return {"choices": [str(key) for key, choice in enumerate(shown) if choice["correct"]]}


# 2. Fill in the blanks
