"""The kinds of notification and their sentences, written in the reader's language.

Apps register the kinds they send (from their ready()); a sentence has %(name)s
placeholders filled from the notification's params.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    name: str
    sentence: str  # a lazy translatable string with %(...)s placeholders
    email_subject: str = ""  # adults with an e-mail address get one when set


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    _kinds[kind.name] = kind


def get(name) -> Kind | None:
    return _kinds.get(name)


class _Defaulting(dict):
    def __missing__(self, key):
        return "…"


def message_for(notification) -> str:
    kind = _kinds.get(notification.kind)
    if kind is None:
        return str(_("Something happened in your class."))
    return str(kind.sentence) % _Defaulting(notification.params)
