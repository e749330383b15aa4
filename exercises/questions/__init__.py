"""The questions of an exercise: one block per kind, each one marking its own answers.

Every kind answers the same calls, so that the pages and views that show, collect and
mark an exercise never need to know which kinds exist:

- ``pupil_view(value, seed)``: what the pupil's screen needs and nothing more. The right
  answers stay on the server: a pupil who opens the browser's inspector finds none.
- ``answer_from_post(data, prefix)``: the answer, from the fields the template names.
- ``mark(value, answer, seed)``: a ``Marking``, never an exception, whatever was posted.

Choices, items and operations are shuffled or drawn with ``random.Random(seed)``, the
seed (an int or a str) being kept with the attempt: the same seed shows the same screen
and marks against it. Give each question of an attempt its own seed, such as the
attempt's id and the block's, or two alike drills of one exercise would ask the same.

Indexes in answers always count in the order shown, because the teacher's order would
give the answer away (the right choice is often written first, and an ordering is
written in the right order).

A page renders each question inside the exercise's form with its own field prefix and
seed: ``{% include_block child with question_prefix=child.id question_seed=... %}``.
The correction is for the page shown after answering; no template here shows it.
"""

from wagtail import blocks

from .dictation import DictationBlock
from .fill_in_blanks import Blank, FillInBlanksBlock, blank_problem, parse_blanks
from .matching import MatchingBlock, PairBlock
from .mental_drill import OPERATORS, MentalDrillBlock, generate_drill
from .multiple_choice import AnswerChoiceBlock, MultipleChoiceBlock
from .ordering import OrderingBlock
from .shared import (
    ANSWER_MAX_LENGTH,
    DICTATION_MAX_LENGTH,
    MalformedAnswer,
    Marking,
    QuestionBlock,
    same_answer,
)
from .short_answer import ShortAnswerBlock

__all__ = [
    "ANSWER_MAX_LENGTH",
    "DICTATION_MAX_LENGTH",
    "OPERATORS",
    "AnswerChoiceBlock",
    "Blank",
    "DictationBlock",
    "FillInBlanksBlock",
    "MalformedAnswer",
    "Marking",
    "MatchingBlock",
    "MentalDrillBlock",
    "MultipleChoiceBlock",
    "OrderingBlock",
    "PairBlock",
    "QuestionBlock",
    "QuestionsBlock",
    "ShortAnswerBlock",
    "blank_problem",
    "generate_drill",
    "parse_blanks",
    "same_answer",
]


class QuestionsBlock(blocks.StreamBlock):
    """The questions of an exercise, of any kind, all marked the same way."""

    multiple_choice = MultipleChoiceBlock()
    fill_in_blanks = FillInBlanksBlock()
    matching = MatchingBlock()
    ordering = OrderingBlock()
    short_answer = ShortAnswerBlock()
    mental_drill = MentalDrillBlock()
    dictation = DictationBlock()
