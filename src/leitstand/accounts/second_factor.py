"""The second factor: one TOTP device per staff account (any authenticator app).

django-otp keeps the devices, checks codes and slows down guessing (each wrong code doubles
the wait); this module decides who needs one and sets it up. A staff session is
"verified" once a code was accepted in it; until then it counts as anonymous on every page
except the login steps (see middleware.SecondFactorRequired).
"""

from __future__ import annotations

import base64

import segno
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice


def needs_second_factor(user) -> bool:
    return user.is_authenticated and (user.is_staff or user.is_superuser)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The device being set up: made once and kept until confirmed, so reloading the page
    does not change the key the person has just scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator",
                                               confirmed=False)


def key_for_typing(device: TOTPDevice) -> str:
    """The key as authenticator apps take it by hand: base32, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The setup address as an inline SVG QR code (drawn here: nothing is fetched)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, title="")


@transaction.atomic
def confirm(request, device: TOTPDevice, code: str) -> bool:
    """Confirm a new device with its first code; older devices of the person are removed."""
    if not check(request, device, code):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def check(request, device: TOTPDevice, code: str) -> bool:
    """Accept the code for this session, or say it is wrong (or used already)."""
    if not device.verify_token(code.replace(" ", "")):
        return False
    # A new session id at each step up in rights, as at the password step.
    request.session.cycle_key()
    otp_login(request, device)
    return True


@transaction.atomic
def reset(user) -> None:
    """Lost phone: remove the devices and the password; the person gets a new invitation
    (see invitations.invite), so setting up a new device needs their mailbox again."""
    TOTPDevice.objects.filter(user=user).delete()
    user.set_unusable_password()
    user.save(update_fields=["password"])
