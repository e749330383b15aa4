"""The diary in the class space: its wall card, personal to pupils and parents (what is
due next for them), and the teacher's "new" button.

The card's items are read in one query per reader (per child for a parent), whatever the
number of items of the class."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import rules
from .diary import upcoming

CARD_ITEMS = 3


def prepare_cards(diaries, request):
    """Show a pupil, or a parent, what is due next for them on the diary's card."""
    user = request.user
    for diary in diaries:
        classroom = diary.get_classroom()
        due = []
        if rules.is_pupil_of(user, classroom):
            due = [(item, None) for item in upcoming(classroom, user.pk) if not item.done]
        else:
            for child in rules.children_in(user, classroom):
                due += [(item, child) for item in upcoming(classroom, child.pk) if not item.done]
            due.sort(key=lambda pair: pair[0].due_date)
        if due:
            diary.card_personal = True
            diary.due_items = due[:CARD_ITEMS]
            diary.due_more = max(0, len(due) - CARD_ITEMS)


def new_url(classroom, user):
    if not rules.may_write(user, classroom):
        return ""
    return reverse("homework:session_new", kwargs={"classroom_id": classroom.pk})


NEW_LABEL = _("Write a session")
