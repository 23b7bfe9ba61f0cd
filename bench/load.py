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
3. A change under load: 50 clients on the overview, steady (20 s), then the same 50 clients
   for --change-seconds (60) while an editor (bench/load_editor.py, a process of its own)
   records and approves an assessment of a goal of that overview every second. Errors; for
   every save the delay from its commit until a poller beside wrk sees it on the overview and
   never again misses it (every server process has it); p99 of the change phase against the
   steady p99. Aims: 0 errors, every delay <= 1 s, p99 <= 3 x steady.
4. Memory: --walk (100,000) distinct addresses (`?q=` on a cheap page; every tenth on the goal
   list): the resident memory of each server process (/proc/PID/status) before, during and
   after. Aim: a plateau under code and data plus LEITSTAND_PAGE_CACHE_MB.
5. Scale-out: a second `leitstand serve` on the same database; 10 times an observation is
   written through the first server's API and the goal page is polled on the second: the
   delay from the write's `recorded_at` (just before its commit) until every process of the
   second shows it. Aim: <= 1 s.
Run: python bench/load.py [--seconds 60] [--workers 4] [--database postgres --scale 0.01]
                          [--change-seconds 60] [--walk 100000]
     (CI: --short, both databases: phases of 10 and 5 s, change 15 s, walk 3,000 with a
     2 MB bound; needs Debian's wrk)
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
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
"""
DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d %%.2f %%.2f %%.2f\\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""
SCRIPT += DONE


# On generated data: strategies s0…, each with edition 1 and goals z0…z99.
GENERATED = ["/", "/s0/1/", "/s1/1/", "/s2/1/", "/s0/1/ziele/", "/s0/1/ziele/?status=achieved",
             "/s0/1/ziele/z7/", "/s1/1/ziele/z42/", "/s2/1/massnahmen/", "/status/",
             "/methodik/", "/api/v1/editions", "/api/v1/goals?limit=20", "/api/v1/strategies",
             "/s0/feed.atom"]
PAGES = {"sqlite": (MIXED, "/nrw/2019/", "/nrw/2019/ziele/19-07/"),
         "postgres": (GENERATED, "/s0/1/", "/s0/1/ziele/z7/")}
# The goal the editor changes (strategy/edition/code; its overview is the one above), and the
# cheap page and the goal list of the memory walk.
CHANGED = {"sqlite": "nrw/2019/19-07", "postgres": "s0/1/z7"}
WALKED = {"sqlite": ("/methodik/", "/nrw/2019/ziele/"), "postgres": ("/methodik/", "/s0/1/ziele/")}
MARK = re.compile(rb"Lastprobe (\d+)")  # the editor's assessments (bench/load_editor.py)
VALUE_MARK = re.compile(rb"Messprobe (\d+)")  # the observations of the scale-out phase
WALK = """
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  n = 0
end
request = function()
  n = n + 1
  if n == %d then
    io.write("WALKED\\n")
    io.flush()
    wrk.thread:stop()
  end
  local path = "%s"
  if n %% 10 == 0 then path = "%s" end
  return wrk.format("GET", path .. "?q=w" .. id .. "n" .. n)
end
""" + DONE


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


def parse(out: str) -> dict:
    fields = next(line for line in out.splitlines() if line.startswith("RESULT")).split()[1:]
    n, duration, connect, read, write, status, timeout = map(int, fields[:7])
    p50, p95, p99 = map(float, fields[7:])
    return {"requests": n, "rps": n / (duration / 1e6), "errors": status + timeout + connect
            + read + write, "p50": p50, "p95": p95, "p99": p99,
            "kinds": f"connect {connect}, read {read}, write {write}, status {status}, "
                     f"timeout {timeout}"}


def wrk(base: str, paths: list[str], clients: int, seconds: int, scratch: Path) -> dict:
    script = scratch / "paths.lua"
    script.write_text(SCRIPT % ", ".join(f'"{p}"' for p in paths))
    return parse(subprocess.run(["wrk", f"-t{min(4, clients)}", f"-c{clients}",
                                 f"-d{seconds}s", "--timeout", "5s", "-s", str(script), base],
                                capture_output=True, text=True, check=True).stdout)


def start_server(env: dict, leitstand: list[str], workers: int, log: Path):
    port = free_port()
    server = subprocess.Popen(leitstand + ["serve", "--port", str(port), "--workers",
                                           str(workers)], env=env,
                              stdout=subprocess.DEVNULL, stderr=log.open("w"))
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    return server, base


def stop_server(server) -> None:
    server.terminate()
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def workers_of(master: int) -> list[int]:
    """gunicorn's worker processes: the children of `leitstand serve` but its document reader."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            if ppid == master and b"onboarding" not in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except (OSError, IndexError, ValueError):
            continue
    return sorted(found)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Poller(threading.Thread):
    """A visitor beside wrk: asks for one page again and again on its own connection and
    notes, per answer, when it asked, when the answer came and which save it names."""

    def __init__(self, base: str, path: str, mark=MARK):
        super().__init__(daemon=True)
        self.address = urllib.parse.urlparse(base).netloc
        self.path, self.mark, self.seen, self.errors = path, mark, [], 0
        self.halt = threading.Event()

    def run(self):
        connection = http.client.HTTPConnection(self.address, timeout=5)
        while not self.halt.is_set():
            asked = time.time()
            try:
                connection.request("GET", self.path)
                response = connection.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException):
                self.errors += 1
                connection.close()
                connection = http.client.HTTPConnection(self.address, timeout=5)
                continue
            if response.status != 200:
                self.errors += 1
            found = self.mark.search(body)
            self.seen.append((asked, time.time(), int(found.group(1)) if found else 0))
            time.sleep(0.02)


def delays(commits: dict[int, float], seen: list) -> list[float]:
    """Per save, seconds from its commit until the poller saw it and never again an answer
    without it (every server process had it): the answer after the last one asked later than
    the commit that still named an earlier save."""
    out = []
    for i, committed in sorted(commits.items()):
        stale = [k for k, (asked, _, mark) in enumerate(seen) if mark < i]
        first = stale[-1] + 1 if stale else 0
        if first < len(seen):
            out.append(seen[first][1] - committed)
    return out


def figures(values: list[float]) -> str:
    if not values:
        return "none seen"
    return (f"median {statistics.median(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"
            f" ({len(values)} changes)")


def change_under_load(base, overview, goal, env, scratch, steady_seconds, change_seconds):
    """Steady 50 clients on the overview, then the same while an editor saves every second."""
    wrk(base, [overview], 50, 2, scratch)  # every process has the page: a warm start
    steady = wrk(base, [overview], 50, steady_seconds, scratch)
    count = max(1, change_seconds - 2)  # the last save still under load, with time to be seen
    editor = subprocess.Popen([sys.executable, str(ROOT / "bench" / "load_editor.py"), "assess",
                               goal, "--count", str(count)], env=env, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert editor.stdout.readline().strip() == "ready"
    commits: dict[int, float] = {}

    def read_commits():
        for line in editor.stdout:
            if line.startswith("saved"):
                _, i, at = line.split()
                commits[int(i)] = float(at)

    reader = threading.Thread(target=read_commits, daemon=True)
    reader.start()
    poller = Poller(base, overview)
    poller.start()
    script = scratch / "change.lua"
    script.write_text(SCRIPT % f'"{overview}"')
    load = subprocess.Popen(["wrk", "-t4", "-c50", f"-d{change_seconds}s", "--timeout", "5s",
                             "-s", str(script), base], stdout=subprocess.PIPE, text=True)
    time.sleep(0.5)
    editor.stdin.write("go\n")
    editor.stdin.flush()
    changed = parse(load.communicate()[0])
    editor.wait(30)
    reader.join(5)
    time.sleep(2)  # the last save's second under the poller alone
    poller.halt.set()
    poller.join(10)
    return steady, changed, delays(commits, poller.seen), len(commits), poller.errors


def memory_walk(base, master, cheap, goal_list, count, scratch):
    """`count` distinct addresses; each worker's resident memory sampled twice a second."""
    pids = workers_of(master)
    wrk(base, [cheap, goal_list], 8, 3, scratch)  # every worker has shown both pages once
    before = {pid: rss_mb(pid) for pid in pids}
    samples: list[dict] = []
    halt = threading.Event()

    def sample():
        while not halt.wait(0.5):
            try:
                samples.append({pid: rss_mb(pid) for pid in pids})
            except OSError:
                pass

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    threads = 4
    script = scratch / "walk.lua"
    script.write_text(WALK % (count // threads + 1, cheap, goal_list))
    walk = subprocess.Popen(["wrk", f"-t{threads}", "-c16", "-d3600s", "--timeout", "10s",
                             "-s", str(script), base], stdout=subprocess.PIPE, text=True)
    started, done = time.monotonic(), 0
    out = []
    for line in walk.stdout:
        out.append(line)
        if line.startswith("WALKED"):
            done += 1
            if done == threads:
                walk.send_signal(signal.SIGINT)  # wrk then prints its summary and ends
    walk.wait()
    seconds = time.monotonic() - started
    halt.set()
    sampler.join(2)
    time.sleep(1)
    after = {pid: rss_mb(pid) for pid in pids}
    return parse("".join(out)), seconds, pids, before, samples, after


def scale_out(env, leitstand, base_a, goal, scratch, workers, changes=10):
    """A second server on the same database: a change through the first's API, seen through
    the second."""
    prepared = subprocess.run([sys.executable, str(ROOT / "bench" / "load_editor.py"),
                               "prepare", goal], env=env, check=True, capture_output=True,
                              text=True).stdout.split()
    indicator, token = int(prepared[1]), prepared[3]
    server_b, base_b = start_server(env, leitstand, workers, scratch / "server-b.log")
    strategy, edition, code = goal.split("/")
    page = f"/{strategy}/{edition}/ziele/{code}/"
    try:
        poller = Poller(base_b, page, VALUE_MARK)
        poller.start()
        commits, failures = {}, 0
        for i in range(1, changes + 1):
            time.sleep(1)
            request = urllib.request.Request(
                base_a + "/api/v1/observations", method="POST",
                data=json.dumps({"indicator": indicator, "date": time.strftime("%Y-%m-%d"),
                                 "value": 1000 + i, "source_url": "https://example.org/last",
                                 "note": f"Messprobe {i}"}).encode(),
                headers={"Authorization": f"Bearer {token}",
                         "Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    if response.status == 201:
                        # stamped in the transaction just before its commit (the answer comes
                        # only after the renewal of snapshots): the delay is not understated
                        commits[i] = datetime.datetime.fromisoformat(
                            json.load(response)["recorded_at"]).timestamp()
                    else:
                        failures += 1
            except OSError as error:
                print(f"  scale-out write {i} failed: {error}", file=sys.stderr)
                failures += 1
        time.sleep(2)
        poller.halt.set()
        poller.join(10)
    finally:
        stop_server(server_b)
    return delays(commits, poller.seen), len(commits), failures + poller.errors


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--short", action="store_true",
                        help="10 s and 5 s phases, change 15 s, walk 3,000 (CI)")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scale", type=float, default=0.01,
                        help="size of the generated data (postgres): 1 = 100,000 goals")
    parser.add_argument("--change-seconds", type=int, default=60)
    parser.add_argument("--walk", type=int, default=100_000,
                        help="distinct addresses of the memory phase")
    parser.add_argument("--page-cache-mb", type=int,
                        help="LEITSTAND_PAGE_CACHE_MB of the server (default: as set, else 32;"
                             " --short: 2, so that the short walk reaches it)")
    parser.add_argument("--only", choices=["change", "memory", "scale-out"],
                        help="run this phase alone (after the server started)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("bench/load.py needs wrk (Debian package wrk)", file=sys.stderr)
        return 2
    if args.short:
        args.seconds, focused, steady, args.change_seconds, args.walk = 10, 5, 10, 15, 3_000
        args.page_cache_mb = args.page_cache_mb or 2
    else:
        focused = steady = 20
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        env = {**os.environ, "LEITSTAND_DATA": str(scratch),
               "LEITSTAND_SECRET_KEY": secrets.token_urlsafe(64),
               "LEITSTAND_ALLOWED_HOSTS": "127.0.0.1,localhost", "LEITSTAND_DEBUG": ""}
        if args.page_cache_mb:
            env["LEITSTAND_PAGE_CACHE_MB"] = str(args.page_cache_mb)
        leitstand = [sys.executable, "-m", "leitstand"]
        with database(args.database, args.scale, env, leitstand) as described:
            results = run(args, env, leitstand, scratch, focused, steady)
    return report(args, described, focused, steady, results)


def run(args, env, leitstand, scratch, focused_seconds, steady_seconds):
    """Start the server on the prepared data, drive it phase by phase, stop it."""
    mixed_paths, overview, goal_page = PAGES[args.database]
    log = scratch / "server.log"
    server, base = start_server(env, leitstand, args.workers, log)
    results = {}
    try:
        if args.only is None:
            results["mixed"] = wrk(base, mixed_paths, 200, args.seconds, scratch)
            results["focused"] = {
                name: wrk(base, [path], 50, focused_seconds, scratch) for name, path in
                (("static file", "/static/leitstand/site.css"), ("overview", overview),
                 ("goal page", goal_page))}
        if args.only in (None, "change"):
            results["change"] = change_under_load(base, overview, CHANGED[args.database], env,
                                                  scratch, steady_seconds, args.change_seconds)
        if args.only in (None, "memory"):
            results["memory"] = memory_walk(base, server.pid, *WALKED[args.database],
                                            args.walk, scratch)
        if args.only in (None, "scale-out"):
            results["scale-out"] = scale_out(env, leitstand, base, CHANGED[args.database],
                                             scratch, args.workers)
    finally:
        stop_server(server)
    if errors(results):
        print("server log (last lines):\n" + "\n".join(log.read_text().splitlines()[-90:]))
    return results


def errors(results) -> int:
    n = 0
    if "mixed" in results:
        n += results["mixed"]["errors"] + sum(r["errors"] for r in results["focused"].values())
    if "change" in results:
        steady, changed, _delays, _saves, poll_errors = results["change"]
        n += steady["errors"] + changed["errors"] + poll_errors
    if "memory" in results:
        n += results["memory"][0]["errors"]
    if "scale-out" in results:
        n += results["scale-out"][2]
    return n


def report(args, described, focused_seconds, steady_seconds, results) -> int:
    print(f"load: leitstand serve, {args.workers} workers, {described}, page cache on "
          f"(load average before: {os.getloadavg()[0]:.1f})")
    if "mixed" in results:
        mixed, focused = results["mixed"], results["focused"]
        print(f"  200 clients, {args.seconds} s, {len(PAGES[args.database][0])} pages and API: "
              f"{mixed['rps']:.0f} req/s, {mixed['errors']} errors, p99 {mixed['p99']:.0f} ms"
              + (f" ({mixed['kinds']})" if mixed["errors"] else ""))
        static = focused["static file"]["rps"]
        for name, r in focused.items():
            print(f"  50 clients, {name:<11}: {r['rps']:7.0f} req/s  p50 {r['p50']:5.1f} ms  "
                  f"p95 {r['p95']:5.1f} ms  p99 {r['p99']:5.1f} ms  errors {r['errors']}"
                  + ("" if name == "static file" else f"  ({r['rps'] / static:.2f} of static)"))
        print("  aims: 0 errors; at 50 clients p99 <= 100 ms; overview >= 0.20 of static")
    if "change" in results:
        steady, changed, seen, saves, poll_errors = results["change"]
        print(f"change under load: 50 clients on {PAGES[args.database][1]}, steady "
              f"{steady_seconds} s, then {args.change_seconds} s with {saves} saves (one a "
              f"second: an assessment recorded and approved in another process)")
        for name, r in (("steady", steady), ("changing", changed)):
            print(f"  {name:<8}: {r['rps']:7.0f} req/s  p50 {r['p50']:5.1f} ms  p95 "
                  f"{r['p95']:5.1f} ms  p99 {r['p99']:5.1f} ms  errors {r['errors']}")
        print(f"  p99 changing / steady: {changed['p99'] / max(steady['p99'], 0.01):.1f}x; "
              f"poller errors {poll_errors}")
        print(f"  commit -> seen on the overview by every process: {figures(seen)}"
              + ("" if len(seen) == saves else f"; {saves - len(seen)} never seen"))
        print("  aims: 0 errors; every change seen within 1 s; p99 <= 3x steady")
    if "memory" in results:
        walk, seconds, pids, before, samples, after = results["memory"]
        bound = args.page_cache_mb or int(os.environ.get("LEITSTAND_PAGE_CACHE_MB") or 32)
        cheap, goal_list = WALKED[args.database]
        print(f"memory: {walk['requests']:,} distinct addresses ({cheap}?q=…, every tenth "
              f"{goal_list}?q=…) in {seconds:.0f} s, {walk['rps']:.0f} req/s, "
              f"{walk['errors']} errors; page cache bound {bound} MB per process")
        print("  resident memory per worker (MB): before | at 1/4, 1/2, 3/4 of the walk | "
              "max | after; growth over the second half")
        for pid in pids:
            series = [s[pid] for s in samples if pid in s] or [before[pid]]
            quarters = [series[min(len(series) - 1, len(series) * q // 4)] for q in (1, 2, 3)]
            half = series[len(series) // 2:]
            print(f"  worker {pid}: {before[pid]:6.1f} | "
                  + ", ".join(f"{v:6.1f}" for v in quarters)
                  + f" | {max(series):6.1f} | {after[pid]:6.1f}; "
                  f"+{max(half) - half[0]:.1f} MB")
        print(f"  aim: a plateau below code and data plus {bound} MB")
    if "scale-out" in results:
        seen, changes, failures = results["scale-out"]
        print(f"scale-out: two `leitstand serve` ({args.workers} workers each) on one database;"
              f" {changes} observations written through the first's API, the goal page polled"
              f" on the second: commit -> seen by every process of the second: {figures(seen)};"
              f" errors {failures}")
        print("  aim: every change seen within 1 s")
    return 1 if errors(results) else 0


if __name__ == "__main__":
    sys.exit(main())
