"""The nine pictures of picture passwords, and sequences of them.

Nine very different things a three-year-old names at once (Twemoji, served as
/static/vendor/twemoji/<code>.svg). A password is four of them in order, repeats
allowed: 9⁴ = 6,561 sequences, too few on their own, which is why they are hashed slowly
and each child is locked out after a few wrong tries (accounts/lockout.py).
"""

import secrets
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

LENGTH = 4


@dataclass(frozen=True)
class Picture:
    code: str  # the Twemoji file name, without .svg
    name: str | Promise

    @property
    def static_path(self) -> str:
        return f"vendor/twemoji/{self.code}.svg"


PICTURES = (
    Picture("1f34e", _("apple")),
    Picture("1f697", _("car")),
    Picture("1f436", _("dog")),
    Picture("2b50", _("star")),
    Picture("1f388", _("balloon")),
    Picture("1f41f", _("fish")),
    Picture("1f333", _("tree")),
    Picture("1f381", _("gift")),
    Picture("1f319", _("moon")),
)
BY_CODE = {picture.code: picture for picture in PICTURES}


def random_sequence() -> list[str]:
    return [secrets.choice(PICTURES).code for _ in range(LENGTH)]


def is_sequence(codes) -> bool:
    return len(codes) == LENGTH and all(code in BY_CODE for code in codes)


def as_text(codes) -> str:
    """What is hashed: the codes joined, "1f34e-1f436-2b50-1f319"."""
    return "-".join(codes)


def pictures_of(codes) -> list[Picture]:
    return [BY_CODE[code] for code in codes]
