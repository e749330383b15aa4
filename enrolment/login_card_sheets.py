"""Login cards: one per account, with a QR code that opens the login page, filled in.

A pupil's card carries instead a card token (cardlogin/): its QR code logs the child
straight in after one tap on "it's me", and printing a new card revokes the previous
one. A card is built right after its password was chosen and only lives in the response
that prints it: Préau keeps no password nor token in clear, anywhere.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe


@dataclass(frozen=True)
class LoginCard:
    name: str
    role: str
    username: str
    password: str
    login_url: str  # with the username: what the QR code opens
    address: str  # without it: short enough to type
    qr_svg: str


@dataclass(frozen=True)
class CardSheet:
    """The cards of one class (or of a school's staff): one printed page at least."""

    school: object
    classroom: object
    cards: list


def login_url(request, username=None) -> str:
    """The absolute address of the login page, in French (the portal's first language)."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("accounts:login")
    if username:
        path = f"{path}?{urlencode({'username': username})}"
    return request.build_absolute_uri(path)


def qr_svg(data: str) -> str:
    """An inline SVG QR code, drawn as one path (no Pillow needed)."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=2,
        image_factory=qrcode.image.svg.SvgPathImage,
    )
    code.add_data(data)
    code.make(fit=True)
    svg = code.make_image().to_string(encoding="unicode")
    # The factory names its path; a page of thirty cards must not repeat an id.
    svg = svg.replace(' id="qr-path"', "", 1)
    # Our own markup around a URL we built: the username is URL-encoded inside it.
    return mark_safe(svg)


def card_login_url(request, token) -> str:
    """The absolute address a pupil's card opens: "it's me", then their class."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("cardlogin:card", kwargs={"token": token})
    return request.build_absolute_uri(path)


def make_card(request, user, password, role, *, card_token=None) -> LoginCard:
    """A card for this account; with a pupil's card token, its QR code logs them in."""
    url = card_login_url(request, card_token) if card_token else login_url(request, user.username)
    return LoginCard(
        name=user.display_name,
        role=role,
        username=user.username,
        password=password,
        login_url=url,
        address=login_url(request),
        qr_svg=qr_svg(url),
    )
