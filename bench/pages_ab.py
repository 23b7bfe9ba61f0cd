"""Two checkouts side by side on the same pages, request by request: where the machine's own
speed moves (on a shared 2-core machine it moved by half within minutes), the ratio of two
requests made one after the other still compares the code, not the moment.

    DATABASE_URL=postgres://…/leitstand_one python bench/pages_ab.py OTHER_CHECKOUT [--requests 40]

Each checkout's Django runs in a process of its own on the database DATABASE_URL names (a
kept database of bench/monitoring_scale.py, e.g. `--keep leitstand_one`, read only); both
processes get the same address in turn, the first alternating, for each kind of page
(overview, searched goal list, a past day's overview and goal list, goal page). Printed per
kind: p50 and p95 of each checkout and the median of the per-request ratios this/other.
The page cache is off, the objects alive after start-up are frozen out of the collector, as
in bench/monitoring_scale.py.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from monitoring_scale import percentiles  # noqa: E402  (the same percentiles as there)


def serve(src: str) -> None:
    """The worker: read addresses from stdin, answer each with its wall and CPU milliseconds."""
    import gc

    sys.path.insert(0, src)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leitstand.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.LEITSTAND_PAGE_CACHE_SECONDS = 0
    client = Client()
    client.get("/status/")
    gc.collect()
    gc.freeze()
    print("ready", flush=True)
    for line in sys.stdin:
        start, cpu = time.perf_counter(), time.process_time()
        status = client.get(line.strip()).status_code
        print(f"{(time.perf_counter() - start) * 1000:.3f} "
              f"{(time.process_time() - cpu) * 1000:.3f} {status}", flush=True)


def kinds(rng: random.Random, strategies: list[str]) -> dict:
    def day():
        return f"{2019 + rng.randrange(4)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"

    def base():
        return f"/{rng.choice(strategies)}/"
    return {
        "overview": lambda: base(),
        "goal list, search": lambda: f"{base()}ziele/?q=Ziel+{rng.randrange(100)}",
        "overview, past day": lambda: f"{base()}?stand={day()}",
        "goal list, past day": lambda: f"{base()}ziele/?stand={day()}",
        "goal page": lambda: f"{base()}ziele/z{rng.randrange(100)}/",
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("other", help="the other checkout (its folder)")
    parser.add_argument("--requests", type=int, default=40, help="per kind of page")
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return 0
    trees = {"this": str(ROOT / "src"), "other": str(Path(args.other).resolve() / "src")}
    workers = {name: subprocess.Popen(
        [sys.executable, __file__, args.other, "--serve", src], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True) for name, src in trees.items()}
    for worker in workers.values():
        assert worker.stdout.readline().strip() == "ready"
    import psycopg  # the editions to ask for, read directly: neither checkout's Django here

    with psycopg.connect(os.environ["DATABASE_URL"]) as db:
        strategies = [f"{s}/{e}" for s, e in db.execute(
            "SELECT s.slug, e.slug FROM register_edition e JOIN register_strategy s "
            "ON s.id = e.strategy_id WHERE e.status = 'published' ORDER BY e.id LIMIT 50")]

    def ask(name, url):
        workers[name].stdin.write(url + "\n")
        workers[name].stdin.flush()
        wall, cpu, status = workers[name].stdout.readline().split()
        assert status == "200", (name, url, status)
        return float(wall)

    print(f"this: {ROOT}, other: {Path(args.other).resolve()}")
    for kind, address in kinds(random.Random(3), strategies).items():
        times = {name: [] for name in workers}
        for i in range(args.requests):
            url = address()
            for name in (["this", "other"] if i % 2 else ["other", "this"]):
                times[name].append(ask(name, url))
        line = f"{kind:20}"
        for name, ts in times.items():
            p50, p95, _ = percentiles(ts)
            line += f" | {name} p50 {p50:6.1f} p95 {p95:6.1f} ms"
        ratio = statistics.median(a / b for a, b in zip(times["this"], times["other"], strict=True))
        print(f"{line} | this/other {ratio:.2f}", flush=True)
    for worker in workers.values():
        worker.stdin.close()
        worker.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
