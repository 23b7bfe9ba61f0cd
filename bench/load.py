"""Launch-day load on the production server: `leitstand serve` (gunicorn, several workers,
page cache), driven by wrk on loopback, on one of two databases:
- `--database sqlite` (default): the demo, in a temporary data folder;
- `--database postgres`: generated data (bench/generated_data.py: 10 strategies, 1,000
  goals, 100,000 observations at --scale 0.01, today's statuses stored as the nightly job
  does) in a fresh database next to the one DATABASE_URL names, dropped afterwards.

1. 200 concurrent clients over the public pages and the API: requests/s and errors (aim 0).
2. 50 concurrent clients on the overview, on a goal page, and on a static file served by the
   same server in the same run (the baseline): requests/s and p50/p95/p99.
   Aims: p99 <= 100 ms at 50 clients; the overview at least 1/5 of the static file's rate.
Run: python bench/load.py [--seconds 60] [--workers 4] [--database postgres --scale 0.01]
     (CI: --short, both databases; needs Debian's wrk)
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIXED = ["/", "/nrw/2019/", "/nrw/2-0/", "/musterstadt/2024/", "/nrw/2019/ziele/",
         "/nrw/2019/ziele/?status=achieved", "/nrw/2019/ziele/19-07/", "/nrw/2-0/ziele/20-12/",
         "/musterstadt/2024/ziele/M-03/", "/nrw/2-0/massnahmen/", "/status/", "/methodik/",
         "/nrw/indikatoren/wagniskapital/", "/api/v1/editions", "/api/v1/goals?limit=20",
         "/api/v1/strategies", "/daten/goals.csv", "/nrw/feed.atom"]
SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d %%.2f %%.2f %%.2f\\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


# On generated data: strategies s0…, each with edition 1 and goals z0…z99.
GENERATED = ["/", "/s0/1/", "/s1/1/", "/s2/1/", "/s0/1/ziele/", "/s0/1/ziele/?status=achieved",
             "/s0/1/ziele/z7/", "/s1/1/ziele/z42/", "/s2/1/massnahmen/", "/status/",
             "/methodik/", "/api/v1/editions", "/api/v1/goals?limit=20", "/api/v1/strategies",
             "/s0/feed.atom"]
PAGES = {"sqlite": (MIXED, "/nrw/2019/", "/nrw/2019/ziele/19-07/"),
         "postgres": (GENERATED, "/s0/1/", "/s0/1/ziele/z7/")}


@contextmanager
def scratch_postgres(url: str):
    """A new database beside the one `url` names (the role needs CREATEDB), dropped after."""
    import psycopg

    name = f"leitstand_load_{secrets.token_hex(4)}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urllib.parse.urlparse(url)._replace(path="/" + name).geturl()
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def database(kind: str, scale: float, env: dict, leitstand: list[str]):
    """Prepare the data the server will serve; yields a line describing it."""
    if kind == "sqlite":
        env.pop("DATABASE_URL", None)
        subprocess.run(leitstand + ["demo", "--no-serve"], env=env, check=True,
                       capture_output=True)
        yield "SQLite demo"
        return
    if not env.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("--database postgres needs DATABASE_URL=postgres://… (CREATEDB)")
    with scratch_postgres(env["DATABASE_URL"]) as url:
        env["DATABASE_URL"] = url
        subprocess.run(leitstand + ["migrate"], env=env, check=True, capture_output=True)
        made = subprocess.run([sys.executable, str(ROOT / "bench" / "generated_data.py"),
                               "--scale", str(scale), "--snapshot"], env=env, check=True,
                              capture_output=True, text=True).stdout.strip()
        yield f"PostgreSQL, {made.removeprefix('generated ')}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrk(base: str, paths: list[str], clients: int, seconds: int, scratch: Path) -> dict:
    script = scratch / "paths.lua"
    script.write_text(SCRIPT % ", ".join(f'"{p}"' for p in paths))
    out = subprocess.run(["wrk", f"-t{min(4, clients)}", f"-c{clients}", f"-d{seconds}s",
                          "--timeout", "5s", "-s", str(script), base], capture_output=True,
                         text=True, check=True).stdout
    fields = next(line for line in out.splitlines() if line.startswith("RESULT")).split()[1:]
    n, duration, connect, read, write, status, timeout = map(int, fields[:7])
    p50, p95, p99 = map(float, fields[7:])
    return {"requests": n, "rps": n / (duration / 1e6), "errors": status + timeout + connect
            + read + write, "p50": p50, "p95": p95, "p99": p99,
            "kinds": f"connect {connect}, read {read}, write {write}, status {status}, "
                     f"timeout {timeout}"}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--short", action="store_true", help="10 s and 5 s phases (CI)")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scale", type=float, default=0.01,
                        help="size of the generated data (postgres): 1 = 100,000 goals")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("bench/load.py needs wrk (Debian package wrk)", file=sys.stderr)
        return 2
    mixed_seconds, focused_seconds = (10, 5) if args.short else (args.seconds, 20)
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        env = {**os.environ, "LEITSTAND_DATA": str(scratch),
               "LEITSTAND_SECRET_KEY": secrets.token_urlsafe(64),
               "LEITSTAND_ALLOWED_HOSTS": "127.0.0.1,localhost", "LEITSTAND_DEBUG": ""}
        leitstand = [sys.executable, "-m", "leitstand"]
        mixed_paths, overview, goal_page = PAGES[args.database]
        with database(args.database, args.scale, env, leitstand) as described:
            mixed, focused = run(args, env, leitstand, scratch, mixed_seconds,
                                 focused_seconds, mixed_paths, overview, goal_page)
    print(f"load: leitstand serve, {args.workers} workers, {described}, page cache on")
    print(f"  200 clients, {mixed_seconds} s, {len(mixed_paths)} pages and API: "
          f"{mixed['rps']:.0f} req/s, {mixed['errors']} errors, p99 {mixed['p99']:.0f} ms"
          + (f" ({mixed['kinds']})" if mixed["errors"] else ""))
    static = focused["static file"]["rps"]
    for name, r in focused.items():
        print(f"  50 clients, {name:<11}: {r['rps']:7.0f} req/s  p50 {r['p50']:5.1f} ms  "
              f"p95 {r['p95']:5.1f} ms  p99 {r['p99']:5.1f} ms  errors {r['errors']}"
              + ("" if name == "static file" else f"  ({r['rps'] / static:.2f} of static)"))
    print("  aims: 0 errors; at 50 clients p99 <= 100 ms; overview >= 0.20 of static")
    return 1 if mixed["errors"] or any(r["errors"] for r in focused.values()) else 0


def run(args, env, leitstand, scratch, mixed_seconds, focused_seconds, mixed_paths, overview,
        goal_page):
    """Start the server on the prepared data, drive it, stop it."""
    port = free_port()
    log = scratch / "server.log"
    server = subprocess.Popen(leitstand + ["serve", "--port", str(port), "--workers",
                                           str(args.workers)], env=env,
                              stdout=subprocess.DEVNULL, stderr=log.open("w"))
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        mixed = wrk(base, mixed_paths, 200, mixed_seconds, scratch)
        focused = {name: wrk(base, [path], 50, focused_seconds, scratch) for name, path in
                   (("static file", "/static/leitstand/site.css"),
                    ("overview", overview), ("goal page", goal_page))}
    finally:
        server.terminate()
        server.wait(10)
    if mixed["errors"] or any(r["errors"] for r in focused.values()):
        print("server log (last lines):\n" + "\n".join(log.read_text().splitlines()[-90:]))
    return mixed, focused


if __name__ == "__main__":
    sys.exit(main())
