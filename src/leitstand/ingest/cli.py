"""`leitstand ingest FILE... [--format json|markdown|summary] [--out DIR] [--max-pages N]`.

Runs without Django. Each bad file gets one line on stderr and the others go on;
the exit code is 1 when any file failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from leitstand.ingest import render, validate
from leitstand.ingest.errors import IngestError
from leitstand.ingest.pipeline import ingest_path

SUFFIX = {"json": ".json", "markdown": ".md", "summary": ".txt"}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="leitstand ingest", description=(
        "Read strategy documents (PDF, text or Markdown) into the document model "
        "leitstand.document/2."))
    p.add_argument("files", nargs="+", help="PDF, text or Markdown files")
    p.add_argument("--format", choices=list(SUFFIX), default="json")
    p.add_argument("--out", help="folder for one output file per input (created if needed)")
    p.add_argument("--max-pages", type=int, default=None, help="read at most N pages per file")
    return p


def render_document(doc: dict, fmt: str) -> str:
    if fmt == "json":
        found = validate.problems(doc)
        if found:
            raise IngestError("the result does not match the document schema: " + found[0])
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    return render.markdown(doc) if fmt == "markdown" else render.summary(doc)


def _progress(total: int):
    if total > 1 and sys.stderr.isatty():
        from rich.progress import Progress

        return Progress(transient=True, console=None)
    return None


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    to_files = args.out is not None or len(args.files) > 1
    out_dir = Path(args.out or ".")
    if to_files:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"leitstand ingest: cannot create {out_dir}: {exc.strerror}", file=sys.stderr)
            return 2
    failed = []
    progress = _progress(len(args.files))
    task = progress.add_task("ingest", total=len(args.files)) if progress else None
    if progress:
        progress.start()
    try:
        for name in args.files:
            try:
                doc = ingest_path(name, max_pages=args.max_pages)
                for warning in doc.get("warnings", []):
                    print(f"leitstand ingest: {name}: {warning}", file=sys.stderr)
                text = render_document(doc, args.format)
                if to_files:
                    target = out_dir / (Path(name).name + SUFFIX[args.format])
                    target.write_text(text, encoding="utf-8")
                else:
                    sys.stdout.write(text)
            except IngestError as exc:
                failed.append(name)
                print(f"leitstand ingest: {exc}", file=sys.stderr)
            except Exception as exc:  # one broken file must not stop the others
                failed.append(name)
                print(f"leitstand ingest: {name}: could not be read ({type(exc).__name__}: "
                      f"{exc})", file=sys.stderr)
            if progress:
                progress.advance(task)
    finally:
        if progress:
            progress.stop()
    if failed:
        print(f"leitstand ingest: {len(failed)} of {len(args.files)} files failed: "
              + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
