"""What the writing workshop tells people (notifications/): a teacher when a draft is
handed in, its authors when it comes back, to rewrite or ready to publish."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from classrooms.models import Membership
from notifications.kinds import Kind
from notifications.services import notify


def notification_kinds():
    """Registered from WritingConfig.ready()."""
    return [
        Kind(
            "writing_handed_in",
            _("%(author)s handed in a draft of “%(text)s”: it waits for you."),
            _("A draft waits for you"),
        ),
        Kind(
            "writing_to_rewrite",
            _("Your teacher read your draft of “%(text)s”: look at the marks and rewrite it."),
        ),
        Kind(
            "writing_ready",
            _("Your text “%(text)s” is ready: you can put it on the class blog."),
        ),
    ]


def _title(text):
    return text.title or text.assignment.title


def handed_in(text, draft, classroom, user):
    teachers = [
        place.user
        for place in Membership.objects.filter(
            classroom=classroom, role=Membership.Role.TEACHER
        ).select_related("user")
    ]
    url = reverse("writing:draft", kwargs={"text_id": text.pk, "number": draft.number})
    notify(teachers, "writing_handed_in", url=url, author=user.display_name, text=_title(text))


def given_back(text, ready):
    url = reverse("writing:text", kwargs={"text_id": text.pk})
    kind = "writing_ready" if ready else "writing_to_rewrite"
    notify(list(text.authors.all()), kind, url=url, text=_title(text))
