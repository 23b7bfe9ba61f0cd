"""Speed of the whole ingest pipeline against raw pypdfium2 text extraction of the same PDFs.

Generates strategy-like PDFs (running headers, page numbers, headings, hyphenated lines,
measures and goals), then times, in one process on one core, (a) pypdfium2 opening each file
and extracting each page's text, (b) `leitstand ingest` to validated JSON. Repeats and reports
medians: pages per second of both and the ratio. Aim: ratio <= 8, pipeline >= 100 pages/s.
The same for the real PDFs of ../shared/corpus where they are present (their charts, tables
and forms give the layout reader more lines per page than the generated ones).
Run: python bench/ingest_speed.py [--files 3] [--pages 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from leitstand.ingest.cli import render_document  # noqa: E402
from leitstand.ingest.pipeline import ingest_path  # noqa: E402
from tests.ingest.make_pdf import write_pdf  # noqa: E402


def raw_extract(paths) -> int:
    pages = 0
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return pages


def pipeline(paths) -> int:
    pages = 0
    for path in paths:
        doc = ingest_path(path)
        render_document(doc, "json")
        pages += doc["source"]["pages"]
    return pages


def _child_peak_mb(code: str) -> float:
    import resource
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(after, before) / 1024


def big_memory(pages: int) -> None:
    """Peak memory of one child ingesting a long PDF, against one that only extracts it.
    (ru_maxrss of children is a running maximum: the raw child runs first.)"""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lang.pdf"
        write_pdf(path, pages)
        raw = _child_peak_mb(f"import sys; sys.path.insert(0, '.'); from bench.ingest_speed "
                             f"import raw_extract; raw_extract([{str(path)!r}])")
        full = _child_peak_mb(f"import sys; sys.path.insert(0, '.'); from bench.ingest_speed "
                              f"import pipeline; pipeline([{str(path)!r}])")
    print(f"{pages}-page PDF: peak memory raw extraction {raw:.0f} MB, "
          f"whole pipeline {full:.0f} MB")


def timed(fn, paths) -> tuple[float, int]:
    start = time.perf_counter()
    pages = fn(paths)
    return time.perf_counter() - start, pages


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=3)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--big", type=int, default=0,
                        help="also ingest one PDF of this many pages in a child process and "
                             "report its peak memory against raw extraction's")
    args = parser.parse_args()
    if args.big:
        big_memory(args.big)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n in range(args.files):
            path = Path(tmp) / f"strategie-{n}.pdf"
            write_pdf(path, args.pages)
            paths.append(path)
        pipeline(paths[:1])  # warm-up: imports, word list, schema
        raw_times, pipe_times = [], []
        for _ in range(args.repeat):
            seconds, pages = timed(raw_extract, paths)
            raw_times.append(seconds)
            seconds, pages_p = timed(pipeline, paths)
            pipe_times.append(seconds)
            assert pages == pages_p
    raw, pipe = statistics.median(raw_times), statistics.median(pipe_times)
    ratios = [p / r for p, r in zip(pipe_times, raw_times, strict=False)]
    print(f"{args.files} PDFs x {args.pages} pages = {pages} pages, {args.repeat} runs, medians")
    print(f"raw pypdfium2 extraction: {raw:.3f} s  {pages / raw:8.1f} pages/s")
    print(f"leitstand ingest (JSON):  {pipe:.3f} s  {pages / pipe:8.1f} pages/s")
    ratio = statistics.median(ratios)
    print(f"ratio pipeline/raw: {ratio:.2f}x (per run: {', '.join(f'{r:.2f}' for r in ratios)})")
    print(f"aim ratio <= 8x: {'ok' if ratio <= 8 else 'missed'}; "
          f"aim >= 100 pages/s: {'ok' if pages / pipe >= 100 else 'missed'}")
    corpus(args.repeat)
    return 0


def corpus(repeat: int) -> None:
    """Raw extraction against the whole pipeline on each real PDF of the shared corpus."""
    folder = ROOT.parent / "shared" / "corpus"
    paths = sorted(folder.glob("*.pdf")) if folder.is_dir() else []
    if not paths:
        print("real PDFs: ../shared/corpus is absent, skipped")
        return
    print("real PDFs (medians of", repeat, "runs):")
    for path in paths:
        raw = statistics.median(timed(raw_extract, [path])[0] for _ in range(repeat))
        pipe_runs = [timed(pipeline, [path]) for _ in range(repeat)]
        pipe = statistics.median(seconds for seconds, _ in pipe_runs)
        pages = pipe_runs[0][1]
        print(f"  {path.name[:44]:44} {pages:4d} pages  raw {pages / raw:7.1f} pages/s  "
              f"pipeline {pages / pipe:6.1f} pages/s  ratio {pipe / raw:5.2f}x")


if __name__ == "__main__":
    sys.exit(main())
