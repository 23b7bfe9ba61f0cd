"""The public pages at scale with the page cache off: 1,000 strategies, 100,000 goals,
10,000,000 observations at --scale 1 (CI runs --scale 0.01), on the database DATABASE_URL names
(PostgreSQL; SQLite works at small scales).

What the page cache hides is measured here: every request is computed. For each kind of page –
overview, goal list with filters, goal page, a past day ("Stand am") of the overview, of the
goal list and of a goal page, the API goal list and the edition summary – p50/p95/p99 over
requests spread over random editions (the kinds taken in turn, so that each meets the machine's
same moments), and the most queries one request made, against a page of the same server that
runs no query (the status vocabulary). A past day is measured twice: a day before the snapshots
began (computed from the history) and one of the last --nights days, which the nightly
snapshots cover (read from them). Also: generation time and database size, the live computation
of statuses, and each night's snapshot with the rows the table then holds (a night without
changes extends the snapshots instead of adding rows).
Aims: p95 <= 50 ms at --scale 0.01 and <= 200 ms at --scale 1; at most 10 queries a page.

Before timing, the objects alive after the generation are frozen out of the garbage collector
(gc.freeze), as `leitstand serve` does after loading the app and before forking its workers.
Requests go through Django's test client without the test environment's instrumentation
(which copies every template's context into the response): pages render as a server renders.

Run: DATABASE_URL=postgres://… python bench/monitoring_scale.py --scale 0.01
     (a temporary database, dropped afterwards), or for the full scale once, kept for reruns:
     DATABASE_URL=postgres://… python bench/monitoring_scale.py --scale 1 --keep leitstand_full
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leitstand.settings")


def _keep_database(name: str) -> bool:
    """Point DATABASE_URL at database `name` beside it, made if missing; True if it is new."""
    import psycopg

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise SystemExit("--keep needs DATABASE_URL=postgres://… (a role with CREATEDB)")
    with psycopg.connect(url, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = urllib.parse.urlparse(url)._replace(path="/" + name).geturl()
    return not exists


def percentiles(samples):
    samples = sorted(samples)

    def pick(q):
        return samples[min(len(samples) - 1, int(q * len(samples)))]
    return statistics.median(samples), pick(0.95), pick(0.99)


def time_kinds(client, kinds: dict) -> tuple[dict, dict]:
    """Milliseconds per request of each kind, the kinds taken in turn (one request of each,
    then the next of each): where the machine's speed moves within minutes, every kind meets
    the same moments. And the most queries any one request of a kind made (counted in a
    second pass: recording the queries slows the timed one)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times: dict = {name: [] for name in kinds}
    for turn in range(max(len(urls) for urls in kinds.values())):
        for name, urls in kinds.items():
            if turn < len(urls):
                start = time.perf_counter()
                response = client.get(urls[turn])
                times[name].append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, (urls[turn], response.status_code)
    most = dict.fromkeys(kinds, 0)
    for name, urls in kinds.items():
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            most[name] = max(most[name], len(queries))
    return times, most


def page_kinds(editions, goals_per, n, rng, nights):
    """The addresses of each kind of page, spread over random editions and goals."""
    from django.utils import timezone

    today = timezone.localdate()
    def pick():
        return rng.choice(editions)

    def base(e):
        return f"/{e.strategy.slug}/{e.slug}/"
    statuses = ["achieved", "on_track", "at_risk", "missed", "in_progress"]
    return {k: v for k, v in {
        "overview": [base(pick()) for _ in range(n)],
        "goal list, filtered": [f"{base(pick())}ziele/?status={rng.choice(statuses)}"
                                f"&horizon={rng.choice(['short', 'medium', 'long'])}"
                                for _ in range(n)],
        "goal list, search": [f"{base(pick())}ziele/?q=Ziel+{rng.randrange(goals_per)}"
                              for _ in range(n)],
        "goal page": [f"{base(pick())}ziele/z{rng.randrange(goals_per)}/" for _ in range(n)],
        "overview, Stand am (past day)": [
            f"{base(pick())}?stand={dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(1500))}"
            for _ in range(n)],
        "goal list, Stand am": [
            f"{base(pick())}ziele/?stand={dt.date(2019, 1, 1) + dt.timedelta(rng.randrange(1500))}"
            for _ in range(n)],
        "goal page, Stand am": [
            f"{base(pick())}ziele/z{rng.randrange(goals_per)}/"
            f"?stand={dt.date(2019, 1, 1) + dt.timedelta(rng.randrange(1500))}"
            for _ in range(n)],
        "overview, Stand am (snapshot day)": [
            f"{base(pick())}?stand={today - dt.timedelta(rng.randint(1, nights))}"
            for _ in range(n if nights else 0)],
        "API goal list": [f"/api/v1/goals?limit=20&offset={rng.randrange(len(editions) * 80)}"
                          for _ in range(n)],
        "API goal list, filtered": [
            f"/api/v1/goals?limit=20&strategy={pick().strategy.slug}&status={rng.choice(statuses)}"
            for _ in range(n)],
        "API edition summary": [f"/api/v1/editions/{pick().id}/summary" for _ in range(n)],
    }.items() if v}


def main() -> int:  # noqa: C901
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--pages", type=int, default=40, help="requests per kind of page")
    parser.add_argument("--keep", metavar="DATABASE",
                        help="generate into this PostgreSQL database once and keep it; "
                             "later runs with the same name measure it again")
    parser.add_argument("--only", help="measure only the kinds of page containing this text")
    parser.add_argument("--nights", type=int, default=3,
                        help="nightly snapshots of this many days before today, too (the "
                             "past days they cover are read from them)")
    parser.add_argument("--pages-only", action="store_true",
                        help="a kept database: skip the recomputation and the snapshot if "
                             "today's snapshots are there")
    args = parser.parse_args()
    fresh = _keep_database(args.keep) if args.keep else True

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.LEITSTAND_PAGE_CACHE_SECONDS = 0  # every request computed: what the cache hides
    old_name = None
    if args.keep:
        call_command("migrate", verbosity=0)
    else:
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from generated_data import generate

        from leitstand.monitoring.rows import goal_rows
        from leitstand.monitoring.snapshots import take
        from leitstand.register.models import Edition, Goal

        print(f"database: {connection.vendor}, scale {args.scale}"
              + (f", kept as {args.keep}" if args.keep else ""))
        if fresh:
            t0 = time.perf_counter()
            n_s, n_g, n_o = generate(args.scale)
            print(f"generated {n_s} strategies, {n_g} goals, {n_o} observations "
                  f"in {time.perf_counter() - t0:.1f} s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
                print(f"database size: {cursor.fetchone()[0]}")
        editions = list(Edition.objects.select_related("strategy").order_by("id"))
        goals_per = Goal.objects.filter(edition=editions[0]).count()
        from leitstand.monitoring.models import StatusSnapshot

        today = timezone.localdate()
        if args.pages_only and StatusSnapshot.objects.filter(
                day__lte=today, until__gte=today).count() == Goal.objects.count():
            print("today's snapshots are there: recomputation and snapshot skipped")
            args.nights = 0
        else:
            sample = editions[:max(1, min(len(editions), 20))]
            t0 = time.perf_counter()
            counted = sum(len(goal_rows(e, live=True)) for e in sample)
            full = time.perf_counter() - t0
            print(f"live computation of {counted} goal statuses ({len(sample)} editions): "
                  f"{full:.2f} s ({counted / full:.0f} goals/s)")
            today = timezone.localdate()
            for back in range(args.nights, -1, -1):  # oldest night first, as the job runs
                t0 = time.perf_counter()
                taken = take(today - dt.timedelta(days=back))
                print(f"nightly snapshot of {taken} goal statuses for "
                      f"{today - dt.timedelta(days=back)}: {time.perf_counter() - t0:.1f} s, "
                      f"{StatusSnapshot.objects.count()} snapshot rows in all")
        client = Client()
        kinds = page_kinds(editions, goals_per, args.pages, random.Random(1), args.nights)
        if args.only:
            kinds = {k: v for k, v in kinds.items() if args.only in k}
        import gc

        gc.collect()
        gc.freeze()  # the generated rows stay alive; do not walk them on every collection
        for urls in kinds.values():  # warm-up: one of each
            client.get(urls[0])
        baseline = "page without queries (/status/)"
        times, most = time_kinds(client, {baseline: ["/status/"] * args.pages, **kinds})
        aim = 50 if args.scale <= 0.01 else 200
        missed = []
        for name in times:
            p50, p95, p99 = percentiles(times[name])
            print(f"{name:32} p50 {p50:6.1f}  p95 {p95:6.1f}  p99 {p99:6.1f} ms"
                  + (f"  queries <= {most[name]}" if name != baseline else ""))
            if name != baseline and (p95 > aim or most[name] > 10):
                missed.append(name)
        print(f"aims: p95 <= {aim} ms, <= 10 queries: "
              + ("ok" if not missed else "missed by " + ", ".join(missed)))
    finally:
        if old_name is not None:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
