"""Matching: each item with the one that goes with it."""

import random
import re
from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError

from .shared import (
    MalformedAnswer,
    QuestionBlock,
    answer_field,
    answer_index,
    normal_form,
    scrambled,
    share_right,
)


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
        elif len({normal_form(pair["left"]) for pair in pairs}) < len(pairs):
            message = _("Each item on the left must be different.")
        if message:
            return {"pairs": ListBlockValidationError(non_block_errors=[message])}
        return {}

    def right_order(self, value, seed):
        return scrambled([pair["right"] for pair in value["pairs"]], random.Random(seed))

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
        raw = answer_field(answer, "pairs")
        if not isinstance(raw, Mapping) or len(raw) > len(pairs):
            raise MalformedAnswer(raw)
        matched = {}
        for left, right in raw.items():
            matched[answer_index(left, len(pairs))] = answer_index(
                right, len(pairs), blank_allowed=True
            )
        details = [
            matched.get(key) is not None and pairs[order[matched[key]]]["right"] == pair["right"]
            for key, pair in enumerate(pairs)
        ]
        return share_right(details), details

    def correction(self, value, seed):
        order = self.right_order(value, seed)
        return {"pairs": {str(order[shown]): str(shown) for shown in range(len(order))}}


# 4. Putting in order
