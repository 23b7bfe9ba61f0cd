"""Public pages served from a cache until the data change.

Every save or delete in the register, the monitoring or the dialog adds one to a counter
(DataVersion), in the same transaction; a cached page holds the counter it was rendered at,
its key the day, the language and the address, so a change reaches every server process
within a second of its commit (each asks for the counter every quarter of a second), and
yesterday's "overdue" is never served today. Visitors with a session
(editors, participants) and the dialog's and editors' pages are never cached; public pages
carry no form and no CSRF token (the language switch is a link), so one copy serves everyone.

After a change, the first process of a host asked for a page it had before renders it; the
others on that host (gunicorn's workers, a second `leitstand serve` beside them) serve their
previous copy meanwhile – only while the change may be less than half a second old – or wait
for that rendering, and take the page from a folder they share (the "shared" cache) instead
of all rendering the same page at once. That stampede cost p99 4x the steady p99 when an
editor saved every second under load (bench/load.py).

Written here because Django's cache middleware invalidates only by time.
"""

from __future__ import annotations

import contextvars
import fcntl
import hashlib
import os
from contextlib import contextmanager
from pathlib import Path
from time import monotonic, sleep

from django.conf import settings
from django.core.cache import cache, caches
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone

from leitstand.core.middleware import without_language
from leitstand.core.models import DataVersion

WATCHED_APPS = {"register", "monitoring", "participation"}
NEVER = ("/admin/", "/redaktion/", "/beteiligung/", "/konto/", "/healthz", "/sprache/",
         "/static/")


# A previous copy is served while the change may be younger than this (seconds), so that
# with the check interval and the rendering a change reaches every visitor within a second.
PREVIOUS_COPY_SECONDS = 0.5
WAIT_SECONDS = 5  # longest wait for another process's rendering before rendering here too


class _LastSeen:
    """This process's last look at the counter (each gunicorn worker has its own)."""

    at = float("-inf")
    number = 0
    changed_after = float("-inf")  # the look before the one that saw `number` change
    before = 0  # the number that look saw


def version() -> int:
    """The data version, asked from the database at most every
    LEITSTAND_PAGE_CACHE_CHECK_SECONDS in each process: on PostgreSQL that one query was half
    the cost of a cache hit (570 -> 1,100 pages/s in bench/load.py). Other processes' changes
    thus reach visitors up to that much later; this process's own are seen at once (bump)."""
    every = getattr(settings, "LEITSTAND_PAGE_CACHE_CHECK_SECONDS", 0)
    now = monotonic()
    if now - _LastSeen.at >= every:
        number = DataVersion.objects.filter(pk=1).values_list("number", flat=True).first() or 0
        if number != _LastSeen.number:
            # the change committed after that look, which saw the number before it
            _LastSeen.changed_after, _LastSeen.before = _LastSeen.at, _LastSeen.number
        _LastSeen.number, _LastSeen.at = number, now
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


def _data_changed(sender, using="default", raw=False, **kwargs):
    if not raw and not PAUSED.get():
        bump(using)


def watch() -> None:
    """Bump the data version on every save, delete and many-to-many change of the watched
    apps' models, except models that only keep what can be computed again
    (`leaves_pages_unchanged = True`, such as status snapshots). Connected model by model: a
    receiver for every model made Django fetch each row a query set deletes to signal it, and
    a nightly snapshot of 100,000 goals bumped the version 100,000 times."""
    from django.apps import apps

    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in WATCHED_APPS \
                and not getattr(model, "leaves_pages_unchanged", False):
            for signal in (post_save, post_delete, m2m_changed):
                signal.connect(_data_changed, sender=model,
                               dispatch_uid=f"page_cache:{model._meta.label}")


def _served(entry, how: str) -> HttpResponse:
    _number, headers, content = entry
    response = HttpResponse(content, headers=headers)
    response["X-Page-Cache"] = how
    return response


def page_key(day, language: str, host: str, full_path: str) -> str:
    return "page:" + hashlib.sha256("|".join([
        day.isoformat(), language, host, full_path]).encode()).hexdigest()


def lock_path(key: str) -> Path:
    """The file whose lock a process holds while it renders the page `key` for the host."""
    folder = Path(settings.CACHES["shared"]["LOCATION"])
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{key.removeprefix('page:')}.lock"


@contextmanager
def _rendering(key: str):
    """Whether this process may render the page `key` now (an exclusive lock of the host:
    True) or another process renders it (False); the lock goes with the block."""
    path = lock_path(key)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            mine = True
        except BlockingIOError:
            mine = False
        yield mine, fd
        if mine:  # no lock file stays behind (a process that opened it before renders again)
            path.unlink(missing_ok=True)
    finally:
        os.close(fd)  # releases the lock


def _lock_within(fd, seconds: float) -> bool:
    deadline = monotonic() + seconds
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if monotonic() >= deadline:
                return False
            sleep(0.01)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "LEITSTAND_PAGE_CACHE_SECONDS", 0)
        if not seconds or not self.cacheable(request):
            return self.get_response(request)
        number = version()
        key = page_key(timezone.localdate(), request.LANGUAGE_CODE, request.get_host(),
                       request.get_full_path())
        kept = cache.get(key)  # this process's last copy: (data version, headers, content)
        if kept is not None and kept[0] == number:
            return _served(kept, "hit")
        if kept is None:  # first asked here: not a page every process renders after a change
            return self.render(request, key, number, seconds)
        shared_key = f"{key}:{number}"
        shared = caches["shared"]
        entry = shared.get(shared_key)
        if entry is not None:
            cache.set(key, entry, seconds)
            return _served(entry, "shared")
        with _rendering(key) as (mine, fd):
            if not mine:
                if kept[0] == _LastSeen.before \
                        and monotonic() < _LastSeen.changed_after + PREVIOUS_COPY_SECONDS:
                    return _served(kept, "previous")  # lacks only the last half second
                _lock_within(fd, WAIT_SECONDS)  # the other's rendering is done (or too slow)
                entry = shared.get(shared_key)
                if entry is not None:
                    cache.set(key, entry, seconds)
                    return _served(entry, "shared")
            return self.render(request, key, number, seconds, shared_key)

    def render(self, request, key, number, seconds, shared_key=None):
        response = self.get_response(request)
        if response.status_code == 200 and not response.cookies \
                and not getattr(response, "streaming", False):
            entry = (number, dict(response.headers), response.content)
            cache.set(key, entry, seconds)
            if shared_key is not None:
                caches["shared"].set(shared_key, entry)
        return response

    @staticmethod
    def cacheable(request) -> bool:
        return (request.method in ("GET", "HEAD")
                and settings.SESSION_COOKIE_NAME not in request.COOKIES
                and not without_language(request.path).startswith(NEVER))
