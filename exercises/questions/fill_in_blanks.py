"""A text with blanks to fill, typed or chosen from a list: "Le chat [mange] la souris."."""

import random
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .shared import (
    MalformedAnswer,
    QuestionBlock,
    answer_field,
    answer_list,
    answer_text,
    normal_form,
    same_answer,
    share_right,
)


@dataclass(frozen=True)
class Blank:
    """A blank of a text: typed (any of `options` is right) or chosen (the first is)."""

    options: tuple[str, ...]
    chosen: bool

    @property
    def answer(self) -> str:
        return self.options[0]


_BLANK = re.compile(r"\[([^\[\]]*)\]")


def parse_blanks(text: str) -> list[str | Blank]:
    """The text cut into its words (str) and its blanks, in reading order.

    ``[mange]`` is a typed blank; ``[mange/dévore]`` accepts either; ``[mange|mangent]``
    is a list to choose from, the right choice first (a slash is then a slash).
    """
    parts, start = [], 0
    for match in _BLANK.finditer(text):
        parts.append(text[start : match.start()])
        inside = match.group(1)
        chosen = "|" in inside
        options = tuple(option.strip() for option in inside.split("|" if chosen else "/"))
        parts.append(Blank(options, chosen))
        start = match.end()
    parts.append(text[start:])
    return [part for part in parts if part != ""]


def blank_problem(text: str):
    """What is wrong with a text with blanks, for its teacher; None when it is right."""
    parts = parse_blanks(text)
    blanks = [part for part in parts if isinstance(part, Blank)]
    if any("[" in part or "]" in part for part in parts if isinstance(part, str)):
        return _("A square bracket is open or closed on its own: write each blank [like this].")
    if not blanks:
        return _("Put at least one word to find between square brackets, [like this].")
    if any(not option for blank in blanks for option in blank.options):
        return _("A blank is empty: write the answer between its brackets.")
    for blank in blanks:
        if blank.chosen and len({normal_form(option) for option in blank.options}) < len(
            blank.options
        ):
            return _("The choices of a blank must all be different.")
    return None


class FillInBlanksBlock(QuestionBlock):
    """A text with words to type or to choose.

    Answer: ``{"blanks": ["mange", "les", ...]}``, one string per blank in reading
    order, "" when left empty. Each blank earns its share. Typed words are compared
    without capitals or surrounding spaces; accents count.
    """

    kind = "fill_in_blanks"

    text = blocks.TextBlock(
        label=_("Text with blanks"),
        # Translators: keep the examples in French, as teachers write them.
        help_text=_(
            "Put each word to find between square brackets: “Le chat [mange] la souris.” "
            "Other accepted answers follow a slash: [mange/dévore]. For a list to choose "
            "from, separate the choices with vertical bars, the right one first: "
            "[mange|mangent|manges]. Capitals and spaces do not count; accents do."
        ),
    )

    class Meta:
        icon = "edit"
        template = "exercises/questions/fill_in_blanks.html"
        label = _("Fill in the blanks")
        description = _("A text with missing words to type or to choose from a list.")
        preview_value = {
            "prompt": _("Complete with the right word."),
            # Translators: keep the square brackets and the bar, which mark the blanks.
            "text": _("The cat [eats|eat] the mouse, then it [sleeps]."),
        }

    def problems(self, value):
        message = blank_problem(value["text"])
        return {"text": ValidationError(message)} if message else {}

    def blanks(self, value, seed):
        """The blanks in reading order, each chosen one with its options in shown order."""
        rng = random.Random(seed)
        blanks = []
        for part in parse_blanks(value["text"]):
            if isinstance(part, Blank):
                shown = list(part.options)
                if part.chosen:
                    rng.shuffle(shown)
                blanks.append((part, shown))
        return blanks

    def pupil_items(self, value, seed):
        shown = iter(self.blanks(value, seed))
        parts = []
        number = 0
        for part in parse_blanks(value["text"]):
            if isinstance(part, str):
                parts.append({"type": "text", "text": part})
                continue
            blank, options = next(shown)
            if blank.chosen:
                parts.append({"type": "select", "key": str(number), "choices": options})
            else:
                parts.append({"type": "input", "key": str(number)})
            number += 1
        return {"parts": parts}

    def answer_from_post(self, data, prefix):
        return {"blanks": data.getlist(f"{prefix}-blanks")}

    def assess(self, value, answer, seed):
        blanks = self.blanks(value, seed)
        written = answer_list(answer_field(answer, "blanks"), len(blanks))
        if len(written) != len(blanks):
            raise MalformedAnswer(written)
        details = []
        for (blank, _options), raw in zip(blanks, written, strict=True):
            text = answer_text(raw)
            if blank.chosen:
                details.append(same_answer(text, blank.answer))
            else:
                details.append(any(same_answer(text, option) for option in blank.options))
        return share_right(details), details

    def correction(self, value, seed):
        return {"blanks": [blank.answer for blank, _options in self.blanks(value, seed)]}


# 3. Matching pairs
