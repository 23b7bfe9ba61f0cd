"""Rate limits on posting, reporting, supporting and sign-in links.

Counted in the database (RateEvent) so that every server process sees the same
counts. Keys are keyed hashes of the participant or address, never the address
itself, and events older than the longest window are deleted as new ones come.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from leitstand.core.models import RateEvent

# action -> (events allowed, per window). Per participant and, separately, per address.
LIMITS = {
    "post": (10, dt.timedelta(minutes=10)),
    "report": (10, dt.timedelta(hours=1)),
    "support": (30, dt.timedelta(minutes=10)),
    "signin": (5, dt.timedelta(hours=1)),
    # mails to one address: beyond this, the links already sent stay valid and no new one
    # is sent – the address is never locked (issue 20, finding 5)
    "signin-mail": (3, dt.timedelta(hours=1)),
    "signin-use": (20, dt.timedelta(hours=1)),
    "subscribe": (10, dt.timedelta(hours=1)),
    "subscribe-mail": (10, dt.timedelta(hours=1)),
    "dispute": (5, dt.timedelta(hours=1)),
    "staff-login": (10, dt.timedelta(minutes=15)),
    # wrong passwords per account name: they slow the name down (login_throttle), never lock it
    "staff-login-failed": (5, dt.timedelta(minutes=15)),
    "password-reset": (5, dt.timedelta(hours=1)),
    # renderings of a report download (a PDF costs up to 1.4 s of CPU; cached ones are free)
    "report-render": (10, dt.timedelta(minutes=10)),
    "password-reset-mail": (3, dt.timedelta(hours=1)),
}
KEEP = dt.timedelta(days=1)


class RateLimited(Exception):
    """Too many attempts; the message says when to try again."""

    def __init__(self, action: str):
        self.action = action
        self.window = LIMITS[action][1]
        super().__init__(action)

    @property
    def retry_after(self) -> int:
        return int(self.window.total_seconds())

    def message(self) -> str:
        from django.utils.translation import gettext as _

        return _("Too many attempts in a short time. Please wait up to %(minutes)d minutes "
                 "and try again.") % {"minutes": self.retry_after // 60}

    def page(self, request):
        """The site's 429 page saying how long to wait (with Retry-After)."""
        return too_many(request, self.message(), self.retry_after)


def too_many(request, message: str, retry_after: int):
    """A 429 answer as a page of the site, in its language, with Retry-After."""
    from django.shortcuts import render

    response = render(request, "429.html", {"message": message}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def key_of(*parts) -> str:
    raw = "|".join(str(p) for p in parts).encode()
    return hmac.new(settings.SECRET_KEY.encode(), raw, hashlib.sha256).hexdigest()


def client_address(request) -> str:
    # The reverse proxy sets REMOTE_ADDR for us through its own header handling; we take
    # the connection's address and do not trust X-Forwarded-For from clients.
    return request.META.get("REMOTE_ADDR", "")


def hit(action: str, *keys: str) -> None:
    """Count one `action` for each key, or raise RateLimited if any key is over its limit."""
    allowed, window = LIMITS[action]
    now = timezone.now()
    keys = [k for k in keys if k]
    for key in keys:
        if RateEvent.objects.filter(action=action, key=key, at__gte=now - window).count() \
                >= allowed:
            raise RateLimited(action)
    RateEvent.objects.bulk_create([RateEvent(action=action, key=k, at=now) for k in keys])
    RateEvent.objects.filter(at__lt=now - KEEP).delete()


def allow(action: str, key: str) -> bool:
    """Count one `action` for `key` if it is under its limit; False (and nothing counted)
    if not. For limits that must not answer 429, such as mails to one address."""
    try:
        hit(action, key)
    except RateLimited:
        return False
    return True


def record(action: str, key: str) -> None:
    """Count one `action` for `key` without checking a limit (failures, counted after)."""
    RateEvent.objects.create(action=action, key=key, at=timezone.now())


def recent(action: str, key: str) -> tuple[int, dt.datetime | None]:
    """How many `action`s for `key` in its window, and when the last one was."""
    now = timezone.now()
    events = RateEvent.objects.filter(action=action, key=key, at__gte=now - LIMITS[action][1])
    last = events.order_by("-at").values_list("at", flat=True).first()
    return events.count(), last


def check_request(request, action: str, participant=None) -> None:
    """The limits for one request: per participant (if any) and per client address."""
    hit(action, key_of("p", participant.pk) if participant else "",
        key_of("a", client_address(request)))
