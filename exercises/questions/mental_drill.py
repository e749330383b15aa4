"""Mental arithmetic: operations drawn for each attempt, optionally against the clock."""

import random

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .shared import (
    MAX_DRILL_OPERATIONS,
    MAX_OPERAND,
    MalformedAnswer,
    QuestionBlock,
    answer_field,
    answer_list,
    answer_number,
    share_right,
)

OPERATORS = {"add": "+", "subtract": "−", "multiply": "×"}


def generate_drill(value, seed) -> list[tuple[int, str, int, int]]:
    """The drill's operations as (a, operator, b, result), drawn from `seed`.

    The larger number comes first in a subtraction, so that no result is negative. The
    same operation is not asked twice when the range leaves enough others.
    """
    rng = random.Random(seed)
    low, high = sorted((int(value["minimum"]), int(value["maximum"])))
    count = max(0, min(int(value["questions"]), MAX_DRILL_OPERATIONS))
    operation = value["operation"] if value["operation"] in OPERATORS else "add"
    drawn, seen = [], set()
    while len(drawn) < count:
        for _attempt in range(10):
            a, b = rng.randint(low, high), rng.randint(low, high)
            if operation == "subtract" and a < b:
                a, b = b, a
            if (a, b) not in seen:
                break
        seen.add((a, b))
        result = {"add": a + b, "subtract": a - b, "multiply": a * b}[operation]
        drawn.append((a, OPERATORS[operation], b, result))
    return drawn


class MentalDrillBlock(QuestionBlock):
    """A series of operations drawn afresh for each attempt, optionally against the clock.

    Answer: ``{"results": ["12", "7", ...]}``, one per operation in order, "" when left
    empty. Each operation earns its share. The time limit is the page's to enforce.
    """

    kind = "mental_drill"

    operation = blocks.ChoiceBlock(
        label=_("Operation"),
        choices=[
            ("add", _("Addition (+)")),
            ("subtract", _("Subtraction (−)")),
            ("multiply", _("Multiplication (×)")),
        ],
        default="add",
        help_text=_("In subtractions the larger number comes first: no result is negative."),
    )
    minimum = blocks.IntegerBlock(
        label=_("Smallest number"), default=0, min_value=0, max_value=MAX_OPERAND
    )
    maximum = blocks.IntegerBlock(
        label=_("Largest number"),
        default=10,
        min_value=0,
        max_value=MAX_OPERAND,
        help_text=_("Both numbers of each operation are drawn between these two."),
    )
    questions = blocks.IntegerBlock(
        label=_("Number of operations"),
        default=10,
        min_value=1,
        max_value=MAX_DRILL_OPERATIONS,
        help_text=_("From 1 to 50; each attempt draws new ones."),
    )
    seconds = blocks.IntegerBlock(
        label=_("Seconds per operation"),
        required=False,
        min_value=1,
        max_value=600,
        help_text=_("Leave empty for no time limit."),
    )

    class Meta:
        icon = "decimal"
        template = "exercises/questions/mental_drill.html"
        label = _("Mental calculation")
        description = _(
            "Operations drawn at random for each attempt, with or without a time limit."
        )
        preview_value = {
            "prompt": _("Work out in your head."),
            "operation": "multiply",
            "minimum": 2,
            "maximum": 9,
            "questions": 5,
        }

    def problems(self, value):
        if value["minimum"] > value["maximum"]:
            message = _("The largest number must not be smaller than the smallest one.")
            return {"maximum": ValidationError(message)}
        return {}

    def pupil_items(self, value, seed):
        return {
            "operations": [
                {"key": str(key), "a": a, "operator": operator, "b": b}
                for key, (a, operator, b, _result) in enumerate(generate_drill(value, seed))
            ],
            "seconds": value["seconds"],
        }

    def answer_from_post(self, data, prefix):
        return {"results": data.getlist(f"{prefix}-results")}

    def assess(self, value, answer, seed):
        drill = generate_drill(value, seed)
        raw = answer_list(answer_field(answer, "results"), len(drill))
        if len(raw) != len(drill):
            raise MalformedAnswer(raw)
        typed = [answer_number(result) for result in raw]
        details = [
            number == result for number, (_a, _op, _b, result) in zip(typed, drill, strict=True)
        ]
        return share_right(details), details

    def correction(self, value, seed):
        return {"results": [result for _a, _op, _b, result in generate_drill(value, seed)]}


# 7. Dictation
