"""Ordering: items put back in the right order."""

import random

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError

from .shared import (
    MalformedAnswer,
    QuestionBlock,
    answer_field,
    answer_index,
    answer_list,
    scrambled,
    share_right,
)


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
            "items": [
                pgettext_lazy("item to order", "Monday"),
                pgettext_lazy("item to order", "Tuesday"),
                pgettext_lazy("item to order", "Wednesday"),
                pgettext_lazy("item to order", "Thursday"),
            ],
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
        return scrambled(list(value["items"]), random.Random(seed))

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
        raw = answer_list(answer_field(answer, "order"), len(items))
        if len(raw) != len(items):
            raise MalformedAnswer(raw)
        placed = [answer_index(key, len(items), blank_allowed=True) for key in raw]
        details = [
            shown is not None and items[order[shown]] == items[place]
            for place, shown in enumerate(placed)
        ]
        return share_right(details), details

    def correction(self, value, seed):
        items = list(value["items"])
        order = self.shown_order(value, seed)
        return {"order": [str(order.index(place)) for place in range(len(items))], "items": items}


# 5. Short typed answer
