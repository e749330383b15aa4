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

import json
import math
import random
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import AudioChooserBlock

from . import dictation

# Longer than any answer a child types: beyond, it is not an answer and is not read.
ANSWER_MAX_LENGTH = 500
DICTATION_MAX_LENGTH = 20_000
NUMBER_MAX_LENGTH = 20
MAX_OPERAND = 10_000
MAX_DRILL_OPERATIONS = 50


@dataclass(frozen=True)
class Marking:
    """One answer marked: what the attempt records and what the marked page shows."""

    score: float  # between 0 and 1
    correct: bool  # everything right
    points: float  # score times max_points
    max_points: float  # what the teacher made the question worth
    # For each item in the order shown (choice, blank, left-hand item, position,
    # operation, row of the dictation's correction): whether the pupil got it right.
    # Empty when the answer was malformed.
    details: tuple[bool, ...]
    # The right answer, shown once the pupil has answered; its keys depend on the kind.
    # JSON-serialisable, except the dictation's DictationResult.
    correction: dict


class MalformedAnswer(Exception):
    """An answer no form of ours posts: it scores 0, and nothing else happens."""


# --- Reading answers -----------------------------------------------------------------


def _field(answer, key):
    if not isinstance(answer, Mapping) or key not in answer:
        raise MalformedAnswer(key)
    return answer[key]


def _list(raw, max_length):
    if not isinstance(raw, list | tuple) or len(raw) > max_length:
        raise MalformedAnswer(raw)
    return raw


def _text(raw, max_length=ANSWER_MAX_LENGTH):
    if not isinstance(raw, str) or len(raw) > max_length:
        raise MalformedAnswer(raw)
    return raw


def _index(raw, count, *, blank_allowed=False):
    """A position in a list of `count` shown items; None for an unanswered "" when
    allowed (a select left on its placeholder)."""
    if blank_allowed and raw == "":
        return None
    if isinstance(raw, str) and re.fullmatch(r"[0-9]{1,6}", raw):
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw < count:
        raise MalformedAnswer(raw)
    return raw


def _number(raw):
    """The integer a pupil typed, spaces between thousands allowed; None if it is not one."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    text = re.sub(r"[\s\u202f]", "", _text(raw, NUMBER_MAX_LENGTH))
    return int(text) if re.fullmatch(r"-?[0-9]{1,12}", text) else None


# --- Comparing typed words -------------------------------------------------------------

# Tablets type ’ and many keyboards have no œ: neither is what a question is about.
_SAME_LETTERS = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "œ": "oe", "Œ": "OE", "æ": "ae"})


def _normal(text: str) -> str:
    """The text as compared: capitals, surrounding and repeated spaces do not count."""
    text = unicodedata.normalize("NFC", text).translate(_SAME_LETTERS)
    return " ".join(text.split()).casefold()


def _unaccented(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0]


def same_answer(written: str, expected: str, *, missing_accents: bool = False) -> bool:
    """Whether a typed answer is the expected one, capitals and spaces aside. With
    `missing_accents`, "ete" is accepted for "été" but a wrong accent ("èté") is not."""
    written, expected = _normal(written), _normal(expected)
    if written == expected:
        return True
    return (
        missing_accents
        and len(written) == len(expected)
        and all(w == e or w == _unaccented(e) for w, e in zip(written, expected, strict=True))
    )


# --- Shuffling -------------------------------------------------------------------------


def _shuffled(count, rng):
    order = list(range(count))
    rng.shuffle(order)
    return order


def _scrambled(texts, rng):
    """An order of `texts` (indexes into it) that never reads as the given one, unless
    all texts are the same: shown in the right order, an ordering would answer itself."""
    order = _shuffled(len(texts), rng)
    if len(set(texts)) > 1 and [texts[i] for i in order] == list(texts):
        # Rotated by one, the texts differ from the given order: they are not all equal.
        order = order[1:] + order[:1]
    return order


def _share(details):
    return sum(details) / len(details) if details else 0.0


def _media_id(media):
    return media.pk if media is not None else None


# --- The blocks ------------------------------------------------------------------------


class QuestionBlock(blocks.StructBlock):
    """What every question has, and the protocol the views rely on.

    Not offered to editors on its own: each kind below adds its fields and marking.
    """

    kind = ""  # the kind's name in QuestionsBlock and its template's

    prompt = blocks.TextBlock(
        label=_("Question"),
        help_text=_("What the pupil reads: the question, or what to do."),
    )
    audio_instruction = AudioChooserBlock(
        label=_("Spoken instruction"),
        required=False,
        help_text=_("The question read aloud, for pupils who cannot read yet."),
    )
    points = blocks.IntegerBlock(
        label=_("Points"),
        default=1,
        min_value=1,
        max_value=100,
        help_text=_(
            "What the question counts for in the exercise's total; "
            "a partly right answer earns part of it."
        ),
    )

    def get_preview_value(self):
        # preview_value lists only some fields, translated lazily: to_python gives the
        # others their default, and the translations are made plain strings to be parsed.
        return self.to_python(
            json.loads(json.dumps(self.meta.preview_value, cls=DjangoJSONEncoder))
        )

    def clean(self, value):
        value = super().clean(value)
        errors = self.problems(value)
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def problems(self, value) -> dict:
        """Field name -> ValidationError, for what a teacher must put right."""
        return {}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["prefix"] = str(context.get("question_prefix") or "question")
        seed = context.get("question_seed")
        context["seed"] = context["prefix"] if seed is None else seed
        context["question"] = self.pupil_view(value, context["seed"])
        return context

    def pupil_view(self, value, seed) -> dict:
        """What the pupil's screen shows, without the right answer; JSON-serialisable,
        images and recordings given by id."""
        return {
            "kind": self.kind,
            "prompt": value["prompt"],
            "audio_instruction": _media_id(value["audio_instruction"]),
            "points": value.get("points") or 1,
            **self.pupil_items(value, seed),
        }

    def pupil_items(self, value, seed) -> dict:
        raise NotImplementedError

    def answer_from_post(self, data, prefix) -> dict:
        """The answer from the fields of this question's template in a QueryDict."""
        raise NotImplementedError

    def mark(self, value, answer, seed) -> Marking:
        """The answer (the shape that `answer_from_post` gives) marked against `value`."""
        try:
            score, details = self.assess(value, answer, seed)
        except MalformedAnswer:
            score, details = 0.0, ()
        return self.marking(value, score, tuple(details), self.correction(value, seed))

    def marking(self, value, score, details, correction) -> Marking:
        score = min(1.0, max(0.0, float(score)))
        max_points = float(value.get("points") or 1)
        return Marking(
            score=score,
            correct=math.isclose(score, 1.0),
            points=score * max_points,
            max_points=max_points,
            details=details,
            correction=correction,
        )

    def assess(self, value, answer, seed) -> tuple[float, list[bool]]:
        """The score and the details; raises MalformedAnswer."""
        raise NotImplementedError

    def correction(self, value, seed) -> dict:
        raise NotImplementedError


# 1. Multiple choice


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
        return [choices[i] for i in _shuffled(len(choices), random.Random(seed))]

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
                    "image": _media_id(choice["image"]),
                    "alt_text": choice["alt_text"],
                }
                for key, choice in enumerate(self.shown_choices(value, seed))
            ],
        }

    def answer_from_post(self, data, prefix):
        return {"choices": data.getlist(f"{prefix}-choices")}

    def assess(self, value, answer, seed):
        shown = self.shown_choices(value, seed)
        raw = _list(_field(answer, "choices"), len(shown))
        ticked = {_index(key, len(shown)) for key in raw}
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
        if blank.chosen and len({_normal(option) for option in blank.options}) < len(blank.options):
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
        written = _list(_field(answer, "blanks"), len(blanks))
        if len(written) != len(blanks):
            raise MalformedAnswer(written)
        details = []
        for (blank, _options), raw in zip(blanks, written, strict=True):
            text = _text(raw)
            if blank.chosen:
                details.append(same_answer(text, blank.answer))
            else:
                details.append(any(same_answer(text, option) for option in blank.options))
        return _share(details), details

    def correction(self, value, seed):
        return {"blanks": [blank.answer for blank, _options in self.blanks(value, seed)]}


# 3. Matching pairs


class PairBlock(blocks.StructBlock):
    """Two things that go together. Shown by its question: no template of its own."""

    left = blocks.CharBlock(label=_("Item"), max_length=200)
    right = blocks.CharBlock(label=_("Its match"), max_length=200)

    class Meta:
        icon = "link"
        label = _("Pair")
        description = _("An item and the one it goes with.")
        preview_value = {"left": _("cat"), "right": _("meows")}


class MatchingBlock(QuestionBlock):
    """Match each item on the left with one on the right, shown mixed up.

    Answer: ``{"pairs": {"0": "2", "1": ""}}``: for each left-hand item (index as
    shown, the teacher's order), the index as shown of the right-hand one it was
    matched with, "" when none. Each pair earns its share.
    """

    kind = "matching"

    pairs = blocks.ListBlock(
        PairBlock(),
        label=_("Pairs"),
        help_text=_(
            "Each line holds two things that go together; pupils see the right-hand ones mixed up."
        ),
    )

    class Meta:
        icon = "link"
        template = "exercises/questions/matching.html"
        label = _("Matching pairs")
        description = _("Link each item on the left with the one it goes with on the right.")
        preview_value = {
            "prompt": _("Match each animal with its cry."),
            "pairs": [
                {"left": _("cat"), "right": _("meows")},
                {"left": _("dog"), "right": _("barks")},
                {"left": _("cow"), "right": _("moos")},
            ],
        }

    def problems(self, value):
        pairs = value["pairs"]
        message = None
        if len(pairs) < 2:
            message = _("Give at least two pairs.")
        elif len({_normal(pair["left"]) for pair in pairs}) < len(pairs):
            message = _("Each item on the left must be different.")
        if message:
            return {"pairs": ListBlockValidationError(non_block_errors=[message])}
        return {}

    def right_order(self, value, seed):
        return _scrambled([pair["right"] for pair in value["pairs"]], random.Random(seed))

    def pupil_items(self, value, seed):
        pairs = list(value["pairs"])
        return {
            "left": [{"key": str(key), "text": pair["left"]} for key, pair in enumerate(pairs)],
            "right": [
                {"key": str(key), "text": pairs[index]["right"]}
                for key, index in enumerate(self.right_order(value, seed))
            ],
        }

    def answer_from_post(self, data, prefix):
        found = (re.fullmatch(rf"{re.escape(prefix)}-pair-([0-9]+)", name) for name in data)
        return {"pairs": {match[1]: data.get(match[0]) for match in found if match}}

    def assess(self, value, answer, seed):
        pairs = list(value["pairs"])
        order = self.right_order(value, seed)
        raw = _field(answer, "pairs")
        if not isinstance(raw, Mapping) or len(raw) > len(pairs):
            raise MalformedAnswer(raw)
        matched = {}
        for left, right in raw.items():
            matched[_index(left, len(pairs))] = _index(right, len(pairs), blank_allowed=True)
        details = [
            matched.get(key) is not None and pairs[order[matched[key]]]["right"] == pair["right"]
            for key, pair in enumerate(pairs)
        ]
        return _share(details), details

    def correction(self, value, seed):
        order = self.right_order(value, seed)
        return {"pairs": {str(order[shown]): str(shown) for shown in range(len(order))}}


# 4. Putting in order


class OrderingBlock(QuestionBlock):
    """Put items back in order: the steps of a recipe, numbers, the events of a story.

    Answer: ``{"order": ["3", "0", ...]}``: for each place from the first, the index as
    shown of the item put there, "" when none. Each item in its place earns its share;
    an item written twice by the teacher may stand in either of its places.
    """

    kind = "ordering"

    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=200),
        label=_("Items in the right order"),
        help_text=_("Give them in the right order; pupils see them mixed up."),
    )

    class Meta:
        icon = "order"
        template = "exercises/questions/ordering.html"
        label = _("Putting in order")
        description = _("Put mixed-up items back in the right order.")
        preview_value = {
            "prompt": _("Put the days of the week in order."),
            "items": [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday")],
        }

    def problems(self, value):
        items = value["items"]
        message = None
        if len(items) < 2:
            message = _("Give at least two items to put in order.")
        elif len(set(items)) < 2:
            message = _("The items must not all be the same.")
        if message:
            return {"items": ListBlockValidationError(non_block_errors=[message])}
        return {}

    def shown_order(self, value, seed):
        return _scrambled(list(value["items"]), random.Random(seed))

    def pupil_items(self, value, seed):
        items = list(value["items"])
        return {
            "items": [
                {"key": str(key), "text": items[index]}
                for key, index in enumerate(self.shown_order(value, seed))
            ]
        }

    def answer_from_post(self, data, prefix):
        return {"order": data.getlist(f"{prefix}-order")}

    def assess(self, value, answer, seed):
        items = list(value["items"])
        order = self.shown_order(value, seed)
        raw = _list(_field(answer, "order"), len(items))
        if len(raw) != len(items):
            raise MalformedAnswer(raw)
        placed = [_index(key, len(items), blank_allowed=True) for key in raw]
        details = [
            shown is not None and items[order[shown]] == items[place]
            for place, shown in enumerate(placed)
        ]
        return _share(details), details

    def correction(self, value, seed):
        items = list(value["items"])
        order = self.shown_order(value, seed)
        return {"order": [str(order.index(place)) for place in range(len(items))], "items": items}


# 5. Short typed answer


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
        text = _text(_field(answer, "text"))
        missing = bool(value["accept_missing_accents"])
        right = any(
            same_answer(text, accepted, missing_accents=missing)
            for accepted in self.accepted(value)
        )
        return float(right), [right]

    def correction(self, value, seed):
        return {"answers": self.accepted(value)}


# 6. Mental calculation


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
        raw = _list(_field(answer, "results"), len(drill))
        if len(raw) != len(drill):
            raise MalformedAnswer(raw)
        typed = [_number(result) for result in raw]
        details = [
            number == result for number, (_a, _op, _b, result) in zip(typed, drill, strict=True)
        ]
        return _share(details), details

    def correction(self, value, seed):
        return {"results": [result for _a, _op, _b, result in generate_drill(value, seed)]}


# 7. Dictation


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
        if not any(token.is_word for token in dictation.tokenize(value["text"])):
            return {"text": ValidationError(_("Write the text of the dictation."))}
        return {}

    def pupil_items(self, value, seed):
        return {"audio": _media_id(value["audio"])}

    def answer_from_post(self, data, prefix):
        return {"text": data.get(f"{prefix}-text", "")}

    def mark(self, value, answer, seed):
        try:
            written = _text(_field(answer, "text"), DICTATION_MAX_LENGTH)
        except MalformedAnswer:
            result = dictation.mark(value["text"], "")
            return self.marking(value, 0.0, (), {"text": value["text"], "result": result})
        result = dictation.mark(value["text"], written)
        details = tuple(row.kind == dictation.ErrorKind.OK for row in result.corrections)
        return self.marking(value, result.score, details, {"text": value["text"], "result": result})


class QuestionsBlock(blocks.StreamBlock):
    """The questions of an exercise, of any kind, all marked the same way."""

    multiple_choice = MultipleChoiceBlock()
    fill_in_blanks = FillInBlanksBlock()
    matching = MatchingBlock()
    ordering = OrderingBlock()
    short_answer = ShortAnswerBlock()
    mental_drill = MentalDrillBlock()
    dictation = DictationBlock()
