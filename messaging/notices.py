"""What messaging tells people: the bell (notifications/), and e-mails to adults who
have an address, at once or in the one daily digest, as they chose for the "messages"
group on their notification preferences (notifications/preferences.py): one place to
choose. The digest's part about messages is written here (`digest_lines`, registered
from MessagingConfig.ready()): every unread message, not only the bell's one per
conversation.

The bell rings once per conversation until it is read, not once per message. An e-mail
never carries what was written in a conversation with a pupil in it: it says who wrote
and gives the link; in conversations between adults it quotes the start of the text.
`no_emails()` holds back the e-mails of messages written inside it (the demo loader).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from notifications import preferences
from notifications.kinds import Kind
from notifications.models import EmailChoice
from notifications.services import notify

from .models import Message, Participant

GROUP = "messages"

EXCERPT_WORDS = 40
# Set by no_emails(): messages written meanwhile send no e-mail.
_without_emails = ContextVar("messaging_without_emails", default=False)


@contextmanager
def no_emails():
    """Messages written inside this block send no e-mail, at once or queued; the bell
    still rings, and a daily summary still lists them as unread. For the demo loader,
    whose families must not be written to about conversations that never happened."""
    token = _without_emails.set(True)
    try:
        yield
    finally:
        _without_emails.reset(token)


def notification_kinds():
    """Registered from MessagingConfig.ready()."""
    return [
        Kind(
            "message_to_adult",
            gettext_lazy("%(author)s wrote to you: “%(subject)s”."),
            group="messages",
        ),
        Kind(
            "message_to_pupil",
            gettext_lazy("%(author)s wrote to you: “%(subject)s”. Open it!"),
            group="messages",
        ),
        Kind(
            "message_reported",
            gettext_lazy(
                "A message was reported in the conversation “%(subject)s”: please read it."
            ),
            group="messages",
        ),
    ]


def subject_of(conversation) -> str:
    return conversation.subject or _("Message")


def ring(message, fresh_ids, pupil_ids):
    """The bell for the people whose conversation was read until now (`fresh_ids`)."""
    if not fresh_ids:
        return
    from django.contrib.auth import get_user_model

    people = list(get_user_model().objects.filter(pk__in=fresh_ids, is_active=True))
    url = reverse("messaging:conversation", kwargs={"conversation_id": message.conversation_id})
    params = {
        "author": message.author.get_full_name() or message.author.username,
        "subject": subject_of(message.conversation),
    }
    notify([p for p in people if p.pk in pupil_ids], "message_to_pupil", url=url, **params)
    notify([p for p in people if p.pk not in pupil_ids], "message_to_adult", url=url, **params)


def email_at_once(message, recipient_ids):
    """Queue the e-mails of the recipients who want them at once, after commit."""
    ids = list(recipient_ids)
    if not ids or _without_emails.get():
        return
    transaction.on_commit(lambda: send_message_emails.enqueue(message.pk, ids))


def _link(conversation_id):
    path = reverse("messaging:conversation", kwargs={"conversation_id": conversation_id})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _lines(message):
    """What an e-mail says of one message: who, where, and the text only between adults."""
    conversation = message.conversation
    author = message.author.get_full_name() or message.author.username
    lines = [
        _("%(author)s wrote in “%(subject)s”.")
        % {"author": author, "subject": subject_of(conversation)}
    ]
    if not conversation.with_pupils and message.body:
        lines.append("« " + Truncator(strip_tags(message.body)).words(EXCERPT_WORDS) + " »")
    lines.append(_link(conversation.pk))
    return lines


@task()
def send_message_emails(message_id: int, recipient_ids: list[int]) -> int:
    """One e-mail per recipient who has an address and wants them at once."""
    message = Message.objects.select_related("conversation", "author").filter(pk=message_id).first()
    if message is None:
        return 0
    sent = 0
    places = Participant.objects.filter(
        conversation_id=message.conversation_id, user_id__in=recipient_ids
    ).select_related("user")
    choices = preferences.choices_for(recipient_ids, GROUP)
    with translation.override(settings.LANGUAGE_CODE):
        for place in places:
            user = place.user
            if not (user.is_active and user.email):
                continue
            if choices[user.pk].email != EmailChoice.IMMEDIATE:
                continue
            body = "\n\n".join(_lines(message)) + "\n"
            send_mail(_("A new message on Préau"), body, None, [user.email])
            sent += 1
    return sent


def digest_lines(user, since, until) -> list[str]:
    """The messages part of the daily digest (notifications/digest.py): the messages
    others wrote to this person since their last digest and that they have not read,
    quoted only between adults (`_lines`)."""
    messages = (
        Message.objects.filter(
            conversation__participants__user=user, created_at__gt=since, created_at__lte=until
        )
        .exclude(author=user)
        .select_related("conversation", "author")
        .order_by("created_at")
    )
    read_until = dict(
        Participant.objects.filter(user=user).values_list("conversation_id", "read_until")
    )
    return ["\n".join(_lines(message)) for message in messages if _unread(message, read_until)]


def _unread(message, read_until) -> bool:
    seen = read_until.get(message.conversation_id)
    return seen is None or seen < message.created_at
