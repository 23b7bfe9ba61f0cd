"""Limits password attempts on the editors' login (Django's admin has no limit of its own).

It throttles the attacker, not the victim (issue 20, finding 5): a source address gets 10
attempts in 15 minutes, then 429. Wrong passwords for one account name, from wherever they
come, never lock the account: after 5 of them each further attempt must wait a little
longer than the one before (1, 2, 4 … at most 60 seconds after the latest failure). A browser
in which the account's owner has passed both login steps carries a signed "known device"
cookie and is not slowed down by failures others caused."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from leitstand.core import rate_limits

FAILED = "staff-login-failed"
MAX_DELAY = 60
COOKIE = "leitstand_known_device"
COOKIE_AGE = 90 * 24 * 3600
_SALT = "leitstand.known-device"


def delay_for(failures: int) -> int:
    """Seconds to wait after the latest failure: none for the first few, then doubling."""
    free = rate_limits.LIMITS[FAILED][0]
    return 0 if failures < free else min(2 ** (failures - free), MAX_DELAY)


def _account(name: str) -> str:
    return rate_limits.key_of("u", name[:150].strip().lower())


def remember_device(response, username: str) -> None:
    """After both login steps: this browser is the account owner's."""
    response.set_cookie(COOKIE, signing.dumps(_account(username), salt=_SALT),
                        max_age=COOKIE_AGE, httponly=True, samesite="Lax",
                        secure=settings.SESSION_COOKIE_SECURE)


def _known_device(request, account: str) -> bool:
    try:
        return signing.loads(request.COOKIES.get(COOKIE, ""), salt=_SALT,
                             max_age=COOKIE_AGE) == account
    except signing.BadSignature:
        return False


class StaffLoginThrottle:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or request.path != reverse("admin:login"):
            return self.get_response(request)
        account = _account(request.POST.get("username", ""))
        try:
            rate_limits.hit("staff-login",
                            rate_limits.key_of("a", rate_limits.client_address(request)))
        except rate_limits.RateLimited as exc:
            return exc.page(request)
        if not _known_device(request, account):
            failures, last = rate_limits.recent(FAILED, account)
            wait = delay_for(failures) - (timezone.now() - last).total_seconds() if last else 0
            if wait > 0:
                return rate_limits.too_many(request, _(
                    "Too many wrong passwords for this name. Please wait %(seconds)d seconds "
                    "and try again.") % {"seconds": int(wait) + 1}, int(wait) + 1)
        response = self.get_response(request)
        if response.status_code == 200:  # the form again: the password was wrong
            rate_limits.record(FAILED, account)
        return response
