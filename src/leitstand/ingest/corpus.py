"""Corpus mode: ingest thousands of strategy documents on a Dask cluster.

`leitstand corpus ingest SOURCE --out DIR` reads every PDF or text file of a folder (or the
paths listed in a file), writes one document-model JSON per input (`<input name>.json`) and
appends a line per input to `DIR/index.jsonl` (sha256, status, error, counts, seconds, the
worker's peak memory). A re-run skips inputs whose sha256 is already done, so it resumes where
a run stopped. One bad file is one "failed" line; it never stops the batch.

Runs without Django, like `leitstand ingest`: a worker needs only this package.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from leitstand.ingest.reader import sha256_of

INPUT_SUFFIXES = {".pdf", ".txt", ".text", ".md"}
INDEX = "index.jsonl"


def inputs(source: Path) -> list[Path]:
    """The files of a folder (recursively), or the paths listed in a file, one per line."""
    if source.is_dir():
        return sorted(p for p in source.rglob("*") if p.is_file()
                      and p.suffix.lower() in INPUT_SUFFIXES)
    lines = source.read_text(encoding="utf-8").splitlines()
    return [Path(line.strip()) for line in lines if line.strip() and not line.startswith("#")]


def output_name(path: Path) -> str:
    return path.name + ".json"


def process(path: str, out_dir: str, digest: str, max_pages: int | None = None) -> dict:
    """Ingest one file on a worker; never raises – a failure is a record."""
    import resource

    from leitstand.ingest import validate
    from leitstand.ingest.pipeline import ingest_path

    started = time.perf_counter()
    record = {"input": path, "sha256": digest, "output": None, "status": "failed",
              "error": None, "goals": 0, "targets": 0}
    try:
        doc = ingest_path(path, max_pages=max_pages)
        found = validate.problems(doc)
        if found:
            raise ValueError("the result does not match the document schema: " + found[0])
        target = Path(out_dir) / output_name(Path(path))
        temporary = target.with_suffix(".json.part")
        temporary.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, target)  # a killed run leaves no half-written output
        record.update(status="done", output=target.name, goals=len(doc.get("goals", [])),
                      targets=sum(len(g.get("targets", [])) for g in doc.get("goals", [])))
    except Exception as exc:  # any error of any file is that file's record, not the batch's
        record["error"] = f"{type(exc).__name__}: {exc}"[:500]
    record["seconds"] = round(time.perf_counter() - started, 3)
    record["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    record["worker_pid"] = os.getpid()
    return record


def done_hashes(out_dir: Path) -> set[str]:
    index = out_dir / INDEX
    if not index.exists():
        return set()
    done = set()
    for line in index.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:  # a line cut by a killed run
            continue
        if record.get("status") == "done" and (out_dir / (record.get("output") or "")).is_file():
            done.add(record["sha256"])
    return done


def client_for(workers: int | None, scheduler: str | None):
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                           processes=True, dashboard_address=None, silence_logs=40)
    return Client(cluster)


def run(source: Path, out_dir: Path, workers: int | None = None, scheduler: str | None = None,
        max_pages: int | None = None, client=None, show_progress: bool = True) -> dict:
    """Ingest what is not done yet; returns counts and the seconds the batch took."""
    from dask.distributed import as_completed

    out_dir.mkdir(parents=True, exist_ok=True)
    files = inputs(source)
    done = done_hashes(out_dir)
    todo, skipped, missing = [], 0, []
    for path in files:
        if not path.is_file():
            missing.append(path)
            continue
        digest = sha256_of(path)
        if digest in done:
            skipped += 1
        else:
            todo.append((path, digest))
    counts = {"inputs": len(files), "skipped": skipped, "done": 0, "failed": 0, "seconds": 0.0}
    with (out_dir / INDEX).open("a", encoding="utf-8") as index:
        for path in missing:
            index.write(json.dumps({"input": str(path), "sha256": None, "status": "failed",
                                    "error": "file not found"}) + "\n")
            counts["failed"] += 1
        if not todo:
            return counts
        own_client = client is None
        client = client or client_for(workers, scheduler)
        try:
            started = time.perf_counter()
            futures = [client.submit(process, str(p), str(out_dir), d, max_pages, pure=False)
                       for p, d in todo]
            progress = _progress(len(futures)) if show_progress else None
            for future in as_completed(futures):
                record = future.result()
                index.write(json.dumps(record, ensure_ascii=False) + "\n")
                index.flush()
                counts[record["status"]] += 1
                if progress:
                    progress.update(counts["done"] + counts["failed"])
            counts["seconds"] = round(time.perf_counter() - started, 3)
            if progress:
                progress.close()
        finally:
            if own_client:
                client.close()
                if getattr(client, "cluster", None) is not None:
                    client.cluster.close()
    return counts


class _progress:
    """A one-line counter on stderr (a terminal only)."""

    def __init__(self, total: int):
        self.total = total
        self.live = sys.stderr.isatty()

    def update(self, n: int) -> None:
        if self.live:
            print(f"\r{n}/{self.total} documents", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.live:
            print(file=sys.stderr)


def search(out_dir: Path, query: str) -> list[dict]:
    """Goals and targets of every ingested document whose text holds every word of the query
    (German stems, as the site's search: "Glasfaser" finds "Glasfaserausbau"), with their
    values and deadlines side by side."""
    from leitstand.ingest.stemming import index_text, query_stems  # pure, no Django

    wanted = query_stems(query)
    rows = []
    for line in (out_dir / INDEX).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("status") != "done":
            continue
        doc = json.loads((out_dir / record["output"]).read_text(encoding="utf-8"))
        title = doc.get("title") or record["input"]
        for goal in doc.get("goals", []):
            text = index_text(goal.get("text", ""))
            if not wanted or not all(s in text for s in wanted):
                continue
            for target in goal.get("targets") or [{}]:
                rows.append({"document": title, "line": goal.get("line"),
                             "goal": goal.get("text", "")[:160],
                             "value": target.get("value"), "unit": target.get("unit"),
                             "comparator": target.get("comparator"),
                             "deadline": target.get("deadline")})
    rows.sort(key=lambda r: (r["deadline"] or "9999", r["document"]))
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="leitstand corpus", description=(
        "Ingest many strategy documents on a Dask cluster, and search their goals."))
    sub = p.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser("ingest", help="ingest a folder or a list of files")
    ingest.add_argument("source", help="a folder, or a file listing one path per line")
    ingest.add_argument("--out", required=True, help="folder for the JSON files and index")
    ingest.add_argument("--workers", type=int, default=None, help="local worker processes")
    ingest.add_argument("--scheduler", help="address of an existing Dask scheduler")
    ingest.add_argument("--max-pages", type=int, default=None)
    find = sub.add_parser("search", help="goals with their targets across the documents")
    find.add_argument("out", help="the --out folder of a corpus run")
    find.add_argument("query")
    args = p.parse_args(argv)
    if args.command == "ingest":
        source = Path(args.source)
        if not source.exists():
            print(f"leitstand corpus: {source}: no such folder or file", file=sys.stderr)
            return 2
        counts = run(source, Path(args.out), args.workers, args.scheduler, args.max_pages)
        print(f"{counts['inputs']} inputs: {counts['done']} done, {counts['failed']} failed, "
              f"{counts['skipped']} already done; {counts['seconds']} s")
        return 1 if counts["failed"] else 0
    out = Path(args.out)
    if not (out / INDEX).exists():
        print(f"leitstand corpus: {out}: no {INDEX} (run `leitstand corpus ingest` first)",
              file=sys.stderr)
        return 2
    for row in search(out, args.query):
        value = "" if row["value"] is None else f"{row['value']:g} {row['unit'] or ''}".strip()
        print(f"{row['deadline'] or '–':<10}  {value:<16}  {row['document'][:40]:<40}  "
              f"{row['goal'][:80]}")
    return 0
