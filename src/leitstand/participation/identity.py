"""Who is taking part: sign-in by one-time link, the participant in the session.

Participants are not Django users: they have no password, no staff rights and
nothing but an address and a display name. A sign-in link is 32 random bytes;
only its SHA-256 is stored, it expires after 30 minutes and works once. The
answer to "send me a link" is the same whether or not the address is known.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from leitstand.participation.models import Participant, SignInLink

LINK_LIFETIME = dt.timedelta(minutes=30)
SESSION_KEY = "leitstand_participant"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_link(email: str) -> str:
    """Store a sign-in link for `email` and return its token (to be mailed, never shown)."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    SignInLink.objects.filter(expires_at__lt=now).delete()
    SignInLink.objects.create(token_hash=_hash(token), email=email.strip().lower(),
                              expires_at=now + LINK_LIFETIME)
    return token


def link_is_usable(token: str) -> bool:
    now = timezone.now()
    return SignInLink.objects.filter(token_hash=_hash(token), used_at__isnull=True,
                                     expires_at__gt=now).exists()


@transaction.atomic
def use_link(token: str) -> Participant | None:
    """The participant the link signs in (created on first use), or None if it is unknown,
    expired or used. Marking it used and reading it happen in one statement, so two
    parallel uses cannot both succeed."""
    now = timezone.now()
    link = SignInLink.objects.filter(token_hash=_hash(token)).first()
    if link is None:
        return None
    claimed = SignInLink.objects.filter(pk=link.pk, used_at__isnull=True,
                                        expires_at__gt=now).update(used_at=now)
    if not claimed:
        return None
    participant, _ = Participant.objects.get_or_create(email=link.email)
    if participant.verified_at is None:
        participant.verified_at = now
        participant.save(update_fields=["verified_at"])
    return participant


def sign_in(request, participant: Participant) -> None:
    request.session.cycle_key()  # a new session id at every sign-in (no fixation)
    request.session[SESSION_KEY] = participant.pk


def sign_out(request) -> None:
    request.session.flush()


def current(request) -> Participant | None:
    if not hasattr(request, "_participant"):
        pk = request.session.get(SESSION_KEY)
        request._participant = Participant.objects.filter(pk=pk).first() if pk else None
    return request._participant


def guest(request) -> Participant:
    """The guest participant of this browser session (for consultations that allow it)."""
    participant = current(request)
    if participant is None:
        participant = Participant.objects.create(display_name="")
        request.session[SESSION_KEY] = participant.pk
        request._participant = participant
    return participant
