"""The ingest of one uploaded file in a child process of the worker, without Django.

`python -m leitstand.onboarding.runner IN OUT MAX_PAGES` reads IN with the ingest, writes
{"document": ..., "text": ...} to OUT and reports progress on stderr ("pages N", "page K",
"stage NAME"). The worker starts it with limits on memory and CPU time, so a file that unpacks
into gigabytes (a compression bomb inside a PDF) ends this process, never the server.
A refused file exits 1 with the ingest's one-line reason as the last stderr line.
"""

from __future__ import annotations

import json
import sys


def _report(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def main(argv: list[str]) -> int:
    from leitstand.ingest import reader
    from leitstand.ingest.errors import IngestError
    from leitstand.ingest.pipeline import build

    source_path, out_path, max_pages = argv[0], argv[1], int(argv[2])
    original = reader.iter_pdf_pages

    def counted(pdf, limit):
        _report(f"pages {limit}")
        for page in original(pdf, limit):
            _report(f"page {page.number}")
            yield page

    reader.iter_pdf_pages = counted  # progress per page, in this child process only
    try:
        _report("stage reading")
        source = reader.read(source_path, max_pages=max_pages)
        _report("stage structure")
        doc = build(source)
    except IngestError as exc:
        _report("error " + str(exc).replace(source_path, "").lstrip(": "))
        return 1
    except MemoryError:
        _report("error the file needs more memory than allowed when unpacked")
        return 1
    text = "\f".join(page.text for page in source.pages)
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump({"document": doc, "text": text}, out, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
