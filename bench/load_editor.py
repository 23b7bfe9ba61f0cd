"""The editor beside bench/load.py: a process of its own (as an editor's request is another
process than the visitors'), on the database the server serves.

    python bench/load_editor.py prepare STRATEGY/EDITION/GOAL
        makes the editor (a superuser) and an API token; prints one line
        `indicator <id of the goal's first indicator> token <token>` for the API writes.
    python bench/load_editor.py assess STRATEGY/EDITION/GOAL --count N [--every 1]
        prints `ready`, waits for a line on stdin, then every second records an assessment
        of the goal and approves it, so that it becomes public – through the same service
        functions the admin and the API call (monitoring.services: record_assessment,
        approve_assessment, each one transaction that also moves the page cache's data
        version). Save i is by the assessor "Lastprobe i" and replaces save i-1 (a
        correction), so the overview names exactly one of them: the last one it knows.
        After each save it prints `saved i <wall-clock time of the commit>` (noted by the
        first callback after the commit, before the renewal of snapshots that runs then).

Assessments are written here and not over HTTP: the API records drafts only, and approving
needs the unit head's interactive sign-in with a second factor.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


def goal_of(path: str):
    from leitstand.register.models import Goal

    strategy, edition, code = path.split("/")
    return Goal.objects.get(edition__strategy__slug=strategy, edition__slug=edition, code=code)


def editor():
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username="lastprobe", defaults={"is_staff": True, "is_superuser": True,
                                        "email": "lastprobe@example.org"})
    return user


def prepare(path: str) -> None:
    from leitstand.api import tokens
    from leitstand.register.models import Indicator

    goal = goal_of(path)
    indicator = Indicator.objects.filter(targets__goal=goal).order_by("id").first()
    _record, token = tokens.create(editor(), "bench/load.py")
    print(f"indicator {indicator.id} token {token}", flush=True)


def assess(path: str, count: int, every: float) -> None:
    from django.db import transaction
    from django.utils import timezone

    from leitstand.monitoring import services

    goal, user = goal_of(path), editor()
    print("ready", flush=True)
    sys.stdin.readline()
    start, previous, committed = time.monotonic(), None, []
    for i in range(1, count + 1):
        time.sleep(max(0.0, start + (i - 1) * every - time.monotonic()))
        draft = services.record_assessment(
            user, goal, status="in_progress", as_of=timezone.localdate(),
            assessor=f"Lastprobe {i}", assessor_kind="independent",
            evidence="Eine Änderung unter Last (bench/load.py).",
            replaces=previous, correction_reason="Nächste Lastprobe." if previous else "")
        committed.clear()
        with transaction.atomic():  # the first thing after the commit notes its time, before
            transaction.on_commit(lambda: committed.append(time.time()))  # snapshot renewal
            previous = services.approve_assessment(user, draft.id)
        print(f"saved {i} {committed[0]:.6f}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["prepare", "assess"])
    parser.add_argument("goal", help="STRATEGY/EDITION/GOAL, e.g. s0/1/z0")
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--every", type=float, default=1.0)
    args = parser.parse_args()
    if args.action == "prepare":
        prepare(args.goal)
    else:
        assess(args.goal, args.count, args.every)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leitstand.settings")
    import django

    django.setup()
    sys.exit(main())
