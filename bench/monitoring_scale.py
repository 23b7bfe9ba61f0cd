"""Status computation and the overview at scale: 1,000 strategies, 100,000 goals, 10 million
observations at --scale 1 (CI runs --scale 0.01), on the database DATABASE_URL names
(PostgreSQL in CI). Creates and drops its own test database.

Prints: generation time, full recomputation of every goal's status, the nightly snapshot,
and the overview page time (p50/p95/p99: today from the snapshots, and past days computed
live) against a page of the same server that runs no query (the status vocabulary) in the
same run, plus the overview's query count.
Aim: overview p95 <= 200 ms; "Stand am" within the same query budget (10).
Before timing, the objects alive after the generation are frozen out of the garbage
collector (gc.freeze), as `leitstand serve` does after loading the app and before forking
its workers; without that, full collections added ~100 ms to the slowest pages.
Run: DATABASE_URL=postgres://… python bench/monitoring_scale.py --scale 0.01
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leitstand.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from generated_data import generate  # noqa: E402


def percentiles(samples):
    samples = sorted(samples)
    def pick(q):
        return (samples[min(len(samples) - 1, int(q * len(samples)))])
    return statistics.median(samples), pick(0.95), pick(0.99)


def time_pages(client, urls, repeat):
    times = []
    for _ in range(repeat):
        for url in urls:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--pages", type=int, default=40, help="overview requests per kind")
    args = parser.parse_args()
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from leitstand.monitoring.rows import goal_rows
        from leitstand.register.models import Edition

        print(f"database: {connection.vendor}, scale {args.scale}")
        t0 = time.perf_counter()
        n_s, n_g, n_o = generate(args.scale)
        print(f"generated {n_s} strategies, {n_g} goals, {n_o} observations "
              f"in {time.perf_counter() - t0:.1f} s")
        editions = list(Edition.objects.select_related("strategy"))
        t0 = time.perf_counter()
        counted = sum(len(goal_rows(e)) for e in editions)
        full = time.perf_counter() - t0
        print(f"full recomputation of {counted} goal statuses: {full:.2f} s "
              f"({counted / full:.0f} goals/s)")
        from leitstand.monitoring.snapshots import take

        t0 = time.perf_counter()
        taken = take(django.utils.timezone.localdate())
        print(f"nightly snapshot of {taken} goal statuses: {time.perf_counter() - t0:.2f} s")
        client = Client()
        rng = random.Random(1)
        sample = [rng.choice(editions) for _ in range(args.pages)]
        overview = [f"/{e.strategy.slug}/{e.slug}/" for e in sample]
        stand = [f"{u}?stand=2021-06-30" for u in overview]
        import gc

        gc.collect()
        gc.freeze()  # the generated rows stay alive; do not walk them on every collection
        time_pages(client, overview[:3] + ["/status/"], 1)  # warm-up
        base = time_pages(client, ["/status/"] * args.pages, 1)
        today = time_pages(client, overview, 1)
        past = time_pages(client, stand, 1)
        yesterday = (django.utils.timezone.localdate() - dt.timedelta(days=1)).isoformat()
        live = time_pages(client, [f"{u}?stand={yesterday}" for u in overview], 1)
        with CaptureQueriesContext(connection) as queries:
            client.get(stand[0])
        for name, times in (("page without queries (/status/)", base),
                            ("overview (snapshots)", today),
                            ("overview, yesterday (computed live)", live),
                            ("overview, Stand am 2021-06-30 (live)", past)):
            p50, p95, p99 = percentiles(times)
            print(f"{name:34} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  p99 {p99:7.1f} ms")
        p95 = percentiles(today)[1]
        print(f"overview p95 / baseline p95: {p95 / percentiles(base)[1]:.1f}x; "
              f"queries of a 'Stand am' overview: {len(queries)}")
        print(f"aim overview p95 <= 200 ms: {'ok' if p95 <= 200 else 'missed'}; "
              f"aim 'Stand am' within 10 queries: {'ok' if len(queries) <= 10 else 'missed'}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
