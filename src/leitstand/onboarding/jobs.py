"""The database-backed job that reads an uploaded document outside the web request.

`leitstand onboarding-worker` (started by `leitstand serve` and `leitstand demo`) claims the
oldest waiting upload with one conditional UPDATE (two workers never claim the same row), runs
the ingest in a child process with memory, CPU and wall-clock limits (onboarding.runner),
writes its progress to the row for the progress page, and imports the result as a draft
edition through `leitstand import`'s importer. Stored files are removed after a set time.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import resource
import subprocess
import sys
import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from leitstand.onboarding import files, services
from leitstand.onboarding.models import Upload

log = logging.getLogger(__name__)


def claim_next() -> Upload | None:
    for pk in Upload.objects.filter(state=Upload.QUEUED).order_by("created_at", "id") \
            .values_list("pk", flat=True)[:5]:
        if Upload.objects.filter(pk=pk, state=Upload.QUEUED).update(
                state=Upload.RUNNING, started_at=timezone.now(), stage="reading"):
            return Upload.objects.get(pk=pk)
    return None


def _limits():  # pragma: no cover - runs in the child before exec
    memory = settings.LEITSTAND_INGEST_MEMORY_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = settings.LEITSTAND_INGEST_SECONDS
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))


def _fail(upload: Upload, reason: str) -> None:
    upload.state, upload.error, upload.finished_at = Upload.FAILED, reason, timezone.now()
    upload.save(update_fields=["state", "error", "finished_at"])
    files.remove(upload.stored_name)
    Upload.objects.filter(pk=upload.pk).update(file_removed_at=timezone.now())


def run(upload: Upload) -> Upload:
    """Reads a claimed upload, then imports it; the row says how it went."""
    source = files.upload_dir() / upload.stored_name
    result = files.upload_dir() / f"{upload.stored_name}.result.json"
    command = [sys.executable, "-m", "leitstand.onboarding.runner", str(source), str(result),
               str(settings.LEITSTAND_UPLOAD_MAX_PAGES)]
    last_error, last_write = "", 0.0
    try:
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                 text=True, preexec_fn=_limits)
        deadline = time.monotonic() + settings.LEITSTAND_INGEST_SECONDS * 2
        for line in child.stderr:
            word, _, value = line.strip().partition(" ")
            if word == "error":
                last_error = value
            elif word in ("pages", "page", "stage") and time.monotonic() - last_write > 0.5:
                _progress(upload, word, value)
                last_write = time.monotonic()
            if time.monotonic() > deadline:
                child.kill()
                last_error = "reading the file took too long"
        code = child.wait()
        if code != 0 or not result.exists():
            reason = last_error or ("the file needs more memory or time than allowed"
                                    if code < 0 else "the file could not be read")
            _fail(upload, reason)
            return upload
        with result.open(encoding="utf-8") as handle:
            output = json.load(handle)
    finally:
        result.unlink(missing_ok=True)
    upload.stage = "import"
    upload.save(update_fields=["stage"])
    try:
        services.import_upload(upload, output["document"], output["text"])
    except services.ImportProblem as exc:
        _fail(upload, str(exc))
    return upload


def _progress(upload: Upload, word: str, value: str) -> None:
    if word == "pages":
        upload.pages_total = int(value)
    elif word == "page":
        upload.pages_done = int(value)
    else:
        upload.stage = value[:40]
    Upload.objects.filter(pk=upload.pk).update(pages_total=upload.pages_total,
                                               pages_done=upload.pages_done, stage=upload.stage)


def purge_files(now: dt.datetime | None = None) -> int:
    """Removes stored files older than the set time, whatever their review's state."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(hours=settings.LEITSTAND_UPLOAD_KEEP_HOURS)
    old = Upload.objects.filter(created_at__lt=cutoff, file_removed_at__isnull=True) \
        .exclude(state__in=[Upload.QUEUED, Upload.RUNNING])
    removed = 0
    for upload in old:
        files.remove(upload.stored_name)
        removed += Upload.objects.filter(pk=upload.pk).update(file_removed_at=now)
    return removed


def recover_interrupted() -> int:
    """Jobs left "running" by a worker that stopped: refused with a reason, never lost."""
    cutoff = timezone.now() - dt.timedelta(seconds=settings.LEITSTAND_INGEST_SECONDS * 3)
    with transaction.atomic():
        stuck = list(Upload.objects.filter(state=Upload.RUNNING, started_at__lt=cutoff))
        for upload in stuck:
            _fail(upload, "the reading was interrupted; upload the file again")
    return len(stuck)


def work(once: bool = False, idle_seconds: float = 1.0, parent: int | None = None) -> int:
    """Runs jobs until stopped (or, with `once`, until none is waiting; or, given the server's
    process id, until that server is gone). Returns the number of jobs run."""
    import os

    done = 0
    recover_interrupted()
    while parent is None or os.getppid() == parent:
        upload = claim_next()
        if upload is None:
            purge_files()
            if once:
                return done
            time.sleep(idle_seconds)
            continue
        try:
            run(upload)
        except Exception as exc:  # a broken job must not stop the worker
            log.exception("onboarding job %s failed", upload.pk)
            _fail(upload, f"the file could not be read ({type(exc).__name__})")
        done += 1
    return done
