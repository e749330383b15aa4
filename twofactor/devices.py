"""A person's second factor: one TOTP device (the authenticator app) and one static
device holding single-use recovery codes, both django-otp's own models.

A device is created unconfirmed when the person asks for it (the QR code and the secret
are shown once), confirmed by the first right code, and deleted when the person switches
the second factor off. Recovery codes are created at confirmation and shown once.
"""

import base64

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 8
DEVICE_NAME = "authenticator"
RECOVERY_NAME = "recovery"


def confirmed_totp(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def is_enabled(user) -> bool:
    """Whether logging in with a password asks this person for a code."""
    if not user.is_authenticated:
        return False
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_device(user):
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def pending_totp(user) -> TOTPDevice:
    """The unconfirmed device of a setup under way, or a new one (a new secret)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_of(device: TOTPDevice) -> str:
    """The key in base32, as an authenticator app asks for it when typed by hand."""
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG (one path, no style: CSP allows it)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


@transaction.atomic
def confirm(device: TOTPDevice) -> list[str]:
    """Switch the second factor on; returns the new recovery codes (shown once)."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=device.user).delete()
    recovery = StaticDevice.objects.create(user=device.user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes


@transaction.atomic
def disable(user) -> None:
    """Switch the second factor off: every device of the person goes."""
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
