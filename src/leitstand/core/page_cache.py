"""Public pages served from a cache until the data change.

Every save or delete in the register, the monitoring or the dialog adds one to a counter
(DataVersion), in the same transaction; the cache key holds the counter, the day, the
language and the address, so a change reaches every server process within a second of its
commit (each asks for the counter at most once a second), and yesterday's "overdue" is never
served today. Visitors with a session
(editors, participants) and the dialog's and editors' pages are never cached; public pages
carry no form and no CSRF token (the language switch is a link), so one copy serves everyone.

Written here because Django's cache middleware invalidates only by time.
"""

from __future__ import annotations

import contextvars
import hashlib
from time import monotonic

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils import timezone

from leitstand.core.middleware import without_language
from leitstand.core.models import DataVersion

WATCHED_APPS = {"register", "monitoring", "participation"}
NEVER = ("/admin/", "/redaktion/", "/beteiligung/", "/konto/", "/healthz", "/sprache/",
         "/static/")


class _LastSeen:
    """This process's last look at the counter (each gunicorn worker has its own)."""

    at = float("-inf")
    number = 0


def version() -> int:
    """The data version, asked from the database at most every
    LEITSTAND_PAGE_CACHE_CHECK_SECONDS in each process: on PostgreSQL that one query was half
    the cost of a cache hit (570 -> 1,100 pages/s in bench/load.py). Other processes' changes
    thus reach visitors up to that much later; this process's own are seen at once (bump)."""
    every = getattr(settings, "LEITSTAND_PAGE_CACHE_CHECK_SECONDS", 0)
    now = monotonic()
    if now - _LastSeen.at >= every:
        _LastSeen.number = DataVersion.objects.filter(pk=1).values_list(
            "number", flat=True).first() or 0
        _LastSeen.at = now
    return _LastSeen.number


def forget_version() -> None:
    _LastSeen.at = float("-inf")


# Set while a backup is restored: the file brings its own counter.
PAUSED = contextvars.ContextVar("page_cache_paused", default=False)


def bump(using: str = "default") -> None:
    versions = DataVersion.objects.using(using)
    if not versions.filter(pk=1).update(number=F("number") + 1):
        versions.get_or_create(pk=1, defaults={"number": 1})
    forget_version()


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def _data_changed(sender, using="default", raw=False, **kwargs):
    if sender._meta.app_label in WATCHED_APPS and not raw and not PAUSED.get():
        bump(using)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "LEITSTAND_PAGE_CACHE_SECONDS", 0)
        if not seconds or not self.cacheable(request):
            return self.get_response(request)
        key = "page:" + hashlib.sha256("|".join([
            str(version()), timezone.localdate().isoformat(), request.LANGUAGE_CODE,
            request.get_host(), request.get_full_path()]).encode()).hexdigest()
        hit = cache.get(key)
        if hit is not None:
            headers, content = hit
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if response.status_code == 200 and not response.cookies \
                and not getattr(response, "streaming", False):
            cache.set(key, (dict(response.headers), response.content), seconds)
        return response

    @staticmethod
    def cacheable(request) -> bool:
        return (request.method in ("GET", "HEAD")
                and settings.SESSION_COOKIE_NAME not in request.COOKIES
                and not without_language(request.path).startswith(NEVER))
