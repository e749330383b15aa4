"""The writing workshop's place in Wagtail's hooks: on a blog entry that was a text of
the workshop, its authors and teachers may start a rewrite (classrooms/entry_page.py asks
`preau_entry_actions`)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import rules
from .cached_texts import text_of_entry
from .models import TextStatus


@dataclass(frozen=True)
class EntryAction:
    label: str
    explanation: str
    url: str


@hooks.register("preau_entry_actions")
def rewrite_from_entry(request, entry, classroom):
    user = request.user
    if not user.is_authenticated or not entry.live:
        return []
    text = text_of_entry(entry.pk)  # shared by every reader of the entry: no query
    if text is None or text["status"] != TextStatus.PUBLISHED:
        return []
    if user.pk not in text["authors"] and not rules.is_teacher(user, classroom):
        return []
    return [
        EntryAction(
            label=_("Rewrite this text"),
            explanation=_(
                "The comments gave you ideas? Write a new draft of this text: when your "
                "teacher says it is ready, it becomes the new version of this entry."
            ),
            url=reverse("writing:rewrite", kwargs={"text_id": text["id"]}),
        )
    ]
