"""What a resource's page shows as its preview, read-only: a template's questions or
instructions (never its answers), the rest is shown by the template from the files
(PDF in an iframe, pictures, players) or the link."""

from django.utils.translation import gettext as _

from exercises.models import ExercisePage
from writing.models import WritingAssignmentPage

from .taxonomy import Kind


def _exercise_items(exercise) -> list[tuple[str, str]]:
    """(what, text) for each block: instructions and question prompts only."""
    items = []
    for child in exercise.body:
        value = child.value
        text = ""
        if hasattr(value, "get"):
            text = value.get("text") if child.block_type == "instruction" else value.get("prompt")
        label = child.block.label or child.block_type
        items.append((str(label), text or ""))
    return items


def of(resource) -> dict:
    if resource.kind not in (Kind.EXERCISE, Kind.WRITING) or resource.source_page_id is None:
        return {}
    source = resource.source_page.specific
    if isinstance(source, ExercisePage):
        return {"questions": _exercise_items(source)}
    if isinstance(source, WritingAssignmentPage):
        return {
            "instructions": source.instructions,
            "topics": [topic.title for topic in source.topics.all()],
        }
    return {"missing": _("This template's exercise or assignment no longer exists.")}
