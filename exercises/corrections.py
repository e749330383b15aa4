"""The right answer of a question in words, for the pupil's end screen and the teacher.

Built from the teacher's question (and, for drills, the operations the attempt drew),
never from what the pupil's browser was sent.
"""

from django.utils.translation import gettext as _

from .dictation_marking import mark as mark_dictation
from .questions import generate_drill, parse_blanks


def right_answer(question, seed, recorded=None) -> dict:
    """{"lines": [...]} in words, or {"dictation": DictationResult} for a dictation."""
    kind, value = question.child.block_type, question.child.value
    if kind == "multiple_choice":
        lines = [
            choice["text"] or choice["alt_text"] for choice in value["choices"] if choice["correct"]
        ]
    elif kind == "fill_in_blanks":
        text = "".join(
            part if isinstance(part, str) else f"[{part.options[0]}]"
            for part in parse_blanks(value["text"])
        )
        lines = [text]
    elif kind == "matching":
        lines = [f"{pair['left']} → {pair['right']}" for pair in value["pairs"]]
    elif kind == "ordering":
        lines = [" → ".join(str(item) for item in value["items"])]
    elif kind == "short_answer":
        lines = [line.strip() for line in value["answers"].splitlines() if line.strip()][:3]
    elif kind == "mental_drill":
        lines = [f"{a} {op} {b} = {result}" for a, op, b, result in generate_drill(value, seed)]
    elif kind == "dictation":
        written = ((recorded or {}).get("answer") or {}).get("text", "")
        return {
            "dictation": mark_dictation(value["text"], written if isinstance(written, str) else "")
        }
    elif kind == "h5p":
        lines = [_("The activity showed its own corrections.")]
    else:
        lines = [_("See the question.")]
    return {"lines": lines}


def answer_in_words(question, seed, recorded) -> str:
    """What the pupil answered, as the teacher reads it (choices by their words)."""
    if not recorded:
        return ""
    answer = recorded.get("answer") or {}
    kind, block, value = question.child.block_type, question.child.block, question.child.value
    try:
        shown = block.pupil_view(value, seed)
        if kind == "multiple_choice":
            texts = {c["key"]: c["text"] or c["alt_text"] for c in shown["choices"]}
            return ", ".join(texts.get(key, "?") for key in answer.get("choices", []))
        if kind == "matching":
            left = {item["key"]: item["text"] for item in shown["left"]}
            right = {item["key"]: item["text"] for item in shown["right"]}
            return "; ".join(
                f"{left.get(key, '?')} → {right.get(choice, '…')}"
                for key, choice in (answer.get("pairs") or {}).items()
            )
        if kind == "ordering":
            items = {item["key"]: item["text"] for item in shown["items"]}
            return " → ".join(items.get(key, "…") for key in answer.get("order", []))
        if kind in ("fill_in_blanks", "mental_drill"):
            field = "blanks" if kind == "fill_in_blanks" else "results"
            return " | ".join(str(part) or "…" for part in answer.get(field, []))
        if kind == "h5p":
            if "raw" not in answer:
                return _("Activity skipped")
            return _("%(raw)s out of %(max)s in the activity (reported by the browser)") % {
                "raw": f"{answer['raw']:g}",
                "max": f"{answer['max']:g}",
            }
        return str(answer.get("text", ""))
    except (AttributeError, KeyError, TypeError):
        return ""
