"""The kinds of notification and their sentences, written in the reader's language.

Apps register the kinds they send (from their ready()); a sentence has %(name)s
placeholders filled from the notification's params.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from pages import french


@dataclass(frozen=True)
class Kind:
    name: str
    sentence: str  # a lazy translatable string with %(...)s placeholders
    email_subject: str = ""  # adults with an e-mail address get one when set
    # The family of kinds it belongs to: the bell groups by it and people choose, per
    # group, whether and how they hear of it (a registered Group's name).
    group: str = "class_work"


@dataclass(frozen=True)
class Group:
    name: str
    label: str  # a lazy translatable heading: "Class work", "Homework"...


_kinds: dict[str, Kind] = {}
_groups: dict[str, Group] = {}


def register(kind: Kind) -> None:
    _kinds[kind.name] = kind


def register_group(group: Group) -> None:
    """Add a group of kinds; called from an AppConfig.ready(). Registering twice is harmless."""
    _groups[group.name] = group


def groups() -> list[Group]:
    return list(_groups.values())


def group_names_of(kind_names) -> dict[str, str]:
    """Kind name → its group's name (unknown kinds, unregistered groups: "class_work",
    so that nothing is left out of the bell)."""
    return {
        name: (
            _kinds[name].group if name in _kinds and _kinds[name].group in _groups else "class_work"
        )
        for name in kind_names
    }


def kinds_in(group_names) -> list[str]:
    return [kind.name for kind in _kinds.values() if kind.group in set(group_names)]


def group_of(kind_name) -> Group | None:
    kind = _kinds.get(kind_name)
    return _groups.get(kind.group) if kind else None


def get(name) -> Kind | None:
    return _kinds.get(name)


class _Defaulting(dict):
    def __missing__(self, key):
        return "…"


def register_default_groups() -> None:
    """The groups every portal has, registered from NotificationsConfig.ready(); an app
    with a new family of kinds registers its own group from its ready()."""
    for group in (
        Group("class_work", _("Class work")),
        Group("comments", _("Comments")),
        Group("homework", _("Homework")),
        Group("words", _("Words to parents")),
        Group("messages", _("Messages")),
        Group("exercises", _("Exercises")),
    ):
        register_group(group)


def message_for(notification) -> str:
    kind = _kinds.get(notification.kind)
    if kind is None:
        return str(_("Something happened in your class."))
    sentence = str(kind.sentence) % _Defaulting(notification.params)
    # "Un nouvel article de Adam" → "d’Adam": the names are among the params.
    names = [value for value in notification.params.values() if isinstance(value, str)]
    return french.elide(sentence, *names)
