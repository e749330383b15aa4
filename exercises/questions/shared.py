"""What every kind of question shares: the marking, reading a posted answer, shuffling."""

import json
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtailmedia.blocks import AudioChooserBlock

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


def answer_field(answer, key):
    if not isinstance(answer, Mapping) or key not in answer:
        raise MalformedAnswer(key)
    return answer[key]


def answer_list(raw, max_length):
    if not isinstance(raw, list | tuple) or len(raw) > max_length:
        raise MalformedAnswer(raw)
    return raw


def answer_text(raw, max_length=ANSWER_MAX_LENGTH):
    if not isinstance(raw, str) or len(raw) > max_length:
        raise MalformedAnswer(raw)
    return raw


def answer_index(raw, count, *, blank_allowed=False):
    """A position in a list of `count` shown items; None for an unanswered "" when
    allowed (a select left on its placeholder)."""
    if blank_allowed and raw == "":
        return None
    if isinstance(raw, str) and re.fullmatch(r"[0-9]{1,6}", raw):
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw < count:
        raise MalformedAnswer(raw)
    return raw


def answer_number(raw):
    """The integer a pupil typed, spaces between thousands allowed; None if it is not one."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    text = re.sub(r"[\s\u202f]", "", answer_text(raw, NUMBER_MAX_LENGTH))
    return int(text) if re.fullmatch(r"-?[0-9]{1,12}", text) else None


# --- Comparing typed words -------------------------------------------------------------

# Tablets type ’ and many keyboards have no œ: neither is what a question is about.
_SAME_LETTERS = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "œ": "oe", "Œ": "OE", "æ": "ae"})


def normal_form(text: str) -> str:
    """The text as compared: capitals, surrounding and repeated spaces do not count."""
    text = unicodedata.normalize("NFC", text).translate(_SAME_LETTERS)
    return " ".join(text.split()).casefold()


def _unaccented(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0]


def same_answer(written: str, expected: str, *, missing_accents: bool = False) -> bool:
    """Whether a typed answer is the expected one, capitals and spaces aside. With
    `missing_accents`, "ete" is accepted for "été" but a wrong accent ("èté") is not."""
    written, expected = normal_form(written), normal_form(expected)
    if written == expected:
        return True
    return (
        missing_accents
        and len(written) == len(expected)
        and all(w == e or w == _unaccented(e) for w, e in zip(written, expected, strict=True))
    )


# --- Shuffling -------------------------------------------------------------------------


def shuffled_order(count, rng):
    order = list(range(count))
    rng.shuffle(order)
    return order


def scrambled(texts, rng):
    """An order of `texts` (indexes into it) that never reads as the given one, unless
    all texts are the same: shown in the right order, an ordering would answer itself."""
    order = shuffled_order(len(texts), rng)
    if len(set(texts)) > 1 and [texts[i] for i in order] == list(texts):
        # Rotated by one, the texts differ from the given order: they are not all equal.
        order = order[1:] + order[:1]
    return order


def share_right(details):
    return sum(details) / len(details) if details else 0.0


def media_id(media):
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
            "audio_instruction": media_id(value["audio_instruction"]),
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
