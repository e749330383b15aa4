"""The H5P question: an activity played in the page, its score reported by the player.

Unlike the other kinds, the answer is not a form field: the player's xAPI statement is
posted by static/js/h5p-player.js to views.report, which marks it with `mark` and
records it in the attempt like any other answer. The answer kept is
``{"raw": 3, "max": 4, "completion": true, "success": false, "verb": "answered"}``.
A pupil who skips the activity posts the page's form: the empty answer scores 0.
"""

import math

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.blocks import SnippetChooserBlock

from ..questions.shared import MalformedAnswer, QuestionBlock, answer_field

# No activity a child plays counts more items than this: beyond, the number is forged.
MAX_RAW_SCORE = 1000
VERBS = frozenset({"answered", "completed", "passed", "failed", "scored", "mastered"})


def reported_result(data) -> dict:
    """The answer from a posted statement's result; raises MalformedAnswer."""
    raw = _number(answer_field(data, "raw"))
    maximum = _number(answer_field(data, "max"))
    if not (0 < maximum <= MAX_RAW_SCORE and 0 <= raw <= maximum):
        raise MalformedAnswer((raw, maximum))
    verb = data.get("verb", "")
    return {
        "raw": raw,
        "max": maximum,
        "completion": data.get("completion") in (True, "true", "1"),
        "success": data.get("success") in (True, "true", "1"),
        "verb": verb if verb in VERBS else "",
    }


def _number(raw):
    if isinstance(raw, bool):
        raise MalformedAnswer(raw)
    try:
        number = float(raw)
    except (TypeError, ValueError) as error:
        raise MalformedAnswer(raw) from error
    if not math.isfinite(number):
        raise MalformedAnswer(raw)
    return number


class H5PBlock(QuestionBlock):
    """An H5P activity uploaded by the class's teacher, worth `points` in the exercise."""

    kind = "h5p"

    package = SnippetChooserBlock("exercises.H5PPackage", label=_("H5P activity"))

    class Meta:
        icon = "media"
        template = "exercises/questions/h5p.html"
        label = _("H5P activity")
        description = _(
            "An H5P activity played in Préau; its score is reported by the activity in "
            "the pupil’s browser."
        )
        preview_value = {"prompt": _("Play the activity to the end.")}

    def pupil_items(self, value, seed):
        package = value["package"]
        return {"package": package.pk if package else None}

    def answer_from_post(self, data, prefix):
        # The page's form posts no score: the pupil skipped the activity.
        return {}

    def assess(self, value, answer, seed):
        result = reported_result(answer)
        score = result["raw"] / result["max"]
        return score, [math.isclose(score, 1.0)]

    def correction(self, value, seed):
        return {}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        package = value["package"]
        if package is not None:
            first = reverse(
                "exercises:h5p_file", kwargs={"folder": package.folder, "path": "h5p.json"}
            )
            context["package_url"] = first.removesuffix("/h5p.json")
        attempt, question_id = context.get("attempt"), context.get("question_id")
        if attempt is not None and question_id:
            context["report_url"] = reverse(
                "exercises:h5p_report",
                kwargs={"attempt_id": attempt.pk, "question_id": question_id},
            )
        return context
