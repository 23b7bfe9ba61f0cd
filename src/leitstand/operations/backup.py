"""Backup and restore of everything – register, monitoring, history, participation, users –
as one JSON file (optionally .gz/.xz), between SQLite and PostgreSQL in both directions.

Django's serializers write it (natural keys for content types and permissions, so the file
does not depend on one database's numbering). A restore goes only into an empty database,
in one transaction, with the history and snapshot signals quiet: the file already holds the
history as it was, and nothing may be added to it on the way in.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings

# Made again by `migrate` or by the restore (the known values, from the history), or without
# value in a copy (rate-limit counts, sign-in links and queued mails live for minutes to a day
# and must not come back from an old backup).
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry",
            "core.rateevent", "participation.signinlink", "core.outgoingmail",
            "monitoring.knownvalue"]


class RestoreError(Exception):
    """The target database is not empty, or the file cannot be read."""


def backup(path: Path, database: str = "default") -> None:
    """The file holds password hashes, second-factor keys and participants' addresses: it is
    made readable by its owner only, before anything is written into it."""
    Path(path).touch(mode=0o600)
    Path(path).chmod(0o600)  # also when the file was there before
    call_command("dumpdata", exclude=EXCLUDED, natural_foreign=True, indent=None,
                 output=str(path), database=database, verbosity=0)


def own_models():
    return [m for m in apps.get_models()
            if m._meta.label_lower not in EXCLUDED and m._meta.app_label not in (
                "contenttypes", "sessions", "admin") and not m._meta.proxy]


def non_empty(database: str) -> list[str]:
    return [m._meta.label for m in own_models() if m.objects.using(database).exists()]


@contextmanager
def quiet_signals():
    from leitstand.core import page_cache
    from leitstand.monitoring import snapshots

    tokens = [(var, var.set(True)) for var in (snapshots.PAUSED, page_cache.PAUSED)]
    try:
        with override_settings(SIMPLE_HISTORY_ENABLED=False):
            yield
    finally:
        for var, token in tokens:
            var.reset(token)


def restore(path: Path, database: str = "default") -> None:
    if not Path(path).exists():
        raise RestoreError(f"{path}: no such file.")
    call_command("migrate", database=database, interactive=False, verbosity=0)
    filled = non_empty(database)
    if filled:
        raise RestoreError("The database is not empty (it holds "
                           f"{', '.join(filled[:5])}{', …' if len(filled) > 5 else ''}); "
                           "restore into a new, empty database.")
    from leitstand.monitoring.known import rebuild_known_values

    with quiet_signals(), transaction.atomic(using=database):
        call_command("loaddata", str(path), database=database, verbosity=0)
        rebuild_known_values(database)
    # the file brings its own data version: pages another database rendered at that number
    # must not be taken for this one's (core.page_cache)
    from django.core.cache import caches

    caches["shared"].clear()
