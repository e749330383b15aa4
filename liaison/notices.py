"""What words to parents tell families: the bell and an e-mail to guardians who have an
address (notifications/, group "words"), when a word is sent and when they are reminded.

A parent is told once per child a word concerns, with the address of that child's page
of the word: a parent of two pupils of the school acknowledges for each.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from classrooms.models import Guardianship
from notifications.kinds import Kind
from notifications.services import notify

NEW = "word_to_acknowledge"
REMINDER = "word_reminder"


def notification_kinds():
    """Registered from LiaisonConfig.ready()."""
    return [
        Kind(
            NEW,
            gettext_lazy("%(author)s wrote a word about %(child)s: “%(title)s”. Please read it."),
            email_subject=gettext_lazy("A word from the school to read on Préau"),
            group="words",
        ),
        Kind(
            REMINDER,
            gettext_lazy(
                "Reminder: the word “%(title)s” about %(child)s waits for you to read it."
            ),
            email_subject=gettext_lazy("Reminder: a word from the school waits for you on Préau"),
            group="words",
        ),
    ]


def word_url(word_id, child_id) -> str:
    return reverse("liaison:read", kwargs={"child_id": child_id, "word_id": word_id})


def tell_families(word, child_ids, *, reminder):
    """The bell (and e-mail) for the guardians of these children, one notice per child."""
    if not child_ids:
        return
    by_child = {}
    for guardianship in Guardianship.objects.filter(child_id__in=child_ids).select_related(
        "parent", "child"
    ):
        by_child.setdefault(guardianship.child_id, (guardianship.child, []))[1].append(
            guardianship.parent
        )
    author = ""
    if word.author is not None:
        author = word.author.get_full_name() or word.author.username
    for child_id, (child, parents) in by_child.items():
        notify(
            parents,
            REMINDER if reminder else NEW,
            url=word_url(word.pk, child_id),
            title=word.title,
            child=child.first_name or child.username,
            author=author,
        )
