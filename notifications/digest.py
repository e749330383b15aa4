"""The daily digest: one e-mail per adult who chose "once a day" for some group.

It lists what happened for them since their last digest (DigestRecord), grouped per
group, each line a sentence and an absolute link. An app whose events are not one
notification each (messaging rings the bell once per conversation, but its summary
lists every unread message) gives its own lines for its group (`register_section`,
from its AppConfig.ready()); the other groups are the person's notifications.
The e-mail leaves from the background worker at PREAU_DIGEST_HOUR (tasks.py).
"""

from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import kinds, quiet
from .models import DigestRecord, EmailChoice, Notification, NotificationPreference

# group name → (user, since, until) → lines of text, one block per event.
_sections: dict[str, Callable] = {}
# The first digest of a person goes back this far.
FIRST_DIGEST_SPAN = timedelta(days=1)


def register_section(group: str, lines_for: Callable) -> None:
    """Called from an AppConfig.ready(): this app writes its group's part of the digest."""
    _sections[group] = lines_for


def absolute(url: str) -> str:
    """A link for an e-mail: paths are on the portal's address; a school's own site
    (an absolute address) is kept."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def next_digest_time(moment: datetime) -> datetime:
    """The next PREAU_DIGEST_HOUR o'clock, local time, strictly after `moment`."""
    local = timezone.localtime(moment)
    at = local.replace(hour=settings.PREAU_DIGEST_HOUR, minute=0, second=0, microsecond=0)
    if at <= local:
        at = timezone.localtime(at + timedelta(days=1)).replace(
            hour=settings.PREAU_DIGEST_HOUR, minute=0, second=0, microsecond=0
        )
    return at


def _daily_groups() -> dict[int, list[str]]:
    """Each person with an address who chose the digest → the groups they chose it for."""
    chosen = defaultdict(list)
    for user_id, group in (
        NotificationPreference.objects.filter(
            email=EmailChoice.DAILY, user__is_active=True, user__email__gt=""
        )
        .order_by("user_id", "group")
        .values_list("user_id", "group")
    ):
        chosen[user_id].append(group)
    return chosen


def _notification_lines(user, groups, since, until) -> dict[str, list[str]]:
    names = kinds.kinds_in(groups)
    found = Notification.objects.filter(
        recipient=user, kind__in=names, created_at__gt=since, created_at__lte=until
    ).order_by("created_at")
    group_names = kinds.group_names_of(names)
    lines = defaultdict(list)
    for notification in found:
        text = notification.message
        if link := absolute(notification.url):
            text += "\n" + link
        lines[group_names[notification.kind]].append(text)
    return lines


def body_of(user, groups, since, until) -> str:
    """The digest's text, or "" when nothing happened for this person."""
    own = [group for group in groups if group not in _sections]
    lines = _notification_lines(user, own, since, until) if own else {}
    parts = []
    for group in kinds.groups():  # the registered order
        if group.name not in groups:
            continue
        blocks = (
            _sections[group.name](user, since, until)
            if group.name in _sections
            else lines.get(group.name, [])
        )
        if blocks:
            heading = f"{group.label} ({len(blocks)})"
            parts.append(heading + "\n" + "=" * len(heading) + "\n\n" + "\n\n".join(blocks))
    if not parts:
        return ""
    intro = _("What happened for you on Préau today:")
    outro = _("You chose to receive this summary once a day. To change it: %(url)s") % {
        "url": absolute(_preferences_path())
    }
    return intro + "\n\n" + "\n\n".join(parts) + "\n\n-- \n" + outro + "\n"


def _preferences_path() -> str:
    from django.urls import reverse

    return reverse("notifications:preferences")


def send_digests(now=None) -> int:
    """One e-mail per person who chose the digest and has something new; returns how many
    left. Records until when each person was told, so a second run sends nothing twice."""
    now = now or quiet.now()
    chosen = _daily_groups()
    if not chosen:
        return 0
    people = get_user_model().objects.in_bulk(list(chosen))
    records = {r.user_id: r for r in DigestRecord.objects.filter(user_id__in=list(chosen))}
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user_id, groups in chosen.items():
            user = people[user_id]
            record = records.get(user_id)
            since = record.sent_until if record else now - FIRST_DIGEST_SPAN
            if since >= now:
                continue
            body = body_of(user, groups, since, now)
            if body:
                send_mail(_("Your day on Préau"), body, None, [user.email])
                sent += 1
            DigestRecord.objects.update_or_create(user=user, defaults={"sent_until": now})
    return sent
