"""Corpus throughput on Dask with 1 and with 2 workers, in one run, on generated PDFs of
realistic size (strategy-like pages: running headers, page numbers, headings, hyphenated
lines, measures and goals), and each worker's peak memory.

The cluster is started before the clock runs: the figures are documents per second of the
batch itself. Each setting runs `--repeat` times on a fresh output folder; medians are
reported, and the ratio of 2 workers to 1. Aim: >= 1.6x on 2 cores.
Run: python bench/corpus.py [--docs 24] [--pages 30] [--repeat 3]   (CI: --short)
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from leitstand.ingest import corpus  # noqa: E402
from tests.ingest.make_pdf import write_pdf  # noqa: E402


def _warm():
    from leitstand.ingest.dehyphenate import decide
    from leitstand.ingest.pipeline import ingest_text

    decide("Verwal", "tung")
    ingest_text("1. Start\nZiel: Bis Ende 2030 sollen 50 Prozent erreicht sein.")


def measure(source: Path, workers: int, repeat: int, scratch: Path) -> dict:
    client = corpus.client_for(workers=workers, scheduler=None)
    try:
        client.run(_warm)  # every worker has loaded the pipeline and its word list
        rates, memory = [], []
        for n in range(repeat):
            out = scratch / f"out-{workers}-{n}"
            counts = corpus.run(source, out, client=client, show_progress=False)
            assert counts["failed"] == 0, counts
            rates.append(counts["done"] / counts["seconds"])
            records = [json.loads(line) for line in (out / corpus.INDEX).read_text().splitlines()]
            memory.append(max(r["peak_rss_mb"] for r in records))
            shutil.rmtree(out)
    finally:
        client.close()
        client.cluster.close()
    return {"docs_per_s": statistics.median(rates), "peak_rss_mb": max(memory)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=24)
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--short", action="store_true", help="a quick run for CI")
    args = parser.parse_args()
    if args.short:
        args.docs, args.pages, args.repeat = 16, 30, 1
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        source = scratch / "in"
        source.mkdir()
        for i in range(args.docs):
            write_pdf(source / f"strategie-{i:03}.pdf", pages=args.pages)
        one = measure(source, 1, args.repeat, scratch)
        two = measure(source, 2, args.repeat, scratch)
    ratio = two["docs_per_s"] / one["docs_per_s"]
    print(f"corpus: {args.docs} PDFs of {args.pages} pages, median of {args.repeat}")
    print(f"  1 worker : {one['docs_per_s']:.2f} docs/s, peak {one['peak_rss_mb']:.0f} MB "
          "per worker")
    print(f"  2 workers: {two['docs_per_s']:.2f} docs/s, peak {two['peak_rss_mb']:.0f} MB "
          "per worker")
    print(f"  speed-up 2/1: {ratio:.2f}x (aim >= 1.6x on 2 cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
