"""The table of contents: found, read into entries, and kept out of the body's sections.

A table of contents repeats every chapter heading; read as body text it would stand in
for the chapters (each body heading then looks like a second copy). Its lines are marked
`toc` so that the structure pass skips them, and its entries are returned for the
document's `toc`, where they confirm the body headings without becoming sections.

Recognised by what tables of contents share: a heading such as "Inhalt" or
"Inhaltsverzeichnis", dot leaders, and page numbers at the end of the lines.
"""

from __future__ import annotations

import re

from leitstand.ingest.headings import split_number
from leitstand.ingest.textlines import Line

HEADING = re.compile(r"^(?:Inhalt|Inhaltsverzeichnis|Inhaltsübersicht|Gliederung|Contents|"
                     r"Table of contents)\d?:?$", re.I)
LEADER = re.compile(r"(?:\s?\.){4,}\s*(?P<label>\d{1,4}|[ivxlc]{1,6})?\s*$|"
                    r"(?:\s?[…_·]){3,}\s*(?P<label2>\d{1,4})?\s*$")
TRAILING_PAGE = re.compile(r"^(?P<title>(?:\d{1,2}(?:\.\d{1,2})*\.?\s)?[^\W\d].*?\S)\s+"
                           r"(?P<label>\d{1,4})$")
NUMBER = re.compile(r"^(?P<num>(?:[A-Z]?\d{1,2}(?:\.\d{1,2}){0,3}|[A-Z]|[IVX]{1,5}))"
                    r"(?:\.|\s)\s*(?=\S)")


def _leader(text: str):
    return LEADER.search(text)


def _page_lines(lines: list[Line]) -> dict:
    pages: dict = {}
    for line in lines:
        if line.text and not line.noise:
            pages.setdefault(line.page, []).append(line)
    return pages


def _region(lines: list[Line]) -> list[Line]:
    """The lines of the table of contents: from its heading (or a page full of leaders) to
    where the leaders stop."""
    content = [ln for ln in lines if ln.text and not ln.noise]
    region: list[Line] = []
    i = 0
    while i < len(content):
        line = content[i]
        starts = HEADING.match(line.text) or (
            _leader(line.text) and sum(bool(_leader(x.text)) for x in content[i:i + 6]) >= 4)
        if not starts:
            i += 1
            continue
        j, misses = i + 1, 0
        while j < len(content) and misses < 5:
            text = content[j].text
            misses = 0 if _leader(text) or TRAILING_PAGE.match(text) else misses + 1
            j += 1
        end = j - misses
        entries = [x for x in content[i + 1:end] if _leader(x.text) or TRAILING_PAGE.match(x.text)]
        if len(entries) >= 3:
            rest = [x for x in content[end:end + 5] if x.page == content[end - 1].page]
            if len(rest) < 5:
                end += len(rest)  # the last lines of the contents' page belong to it
            region += content[i:end]
            i = end
        else:
            i += 1
    return region


def find(lines: list[Line]) -> list[dict]:
    """Marks the lines of the table of contents as `toc` and returns its entries."""
    region = _region(lines)
    entries: list[dict] = []
    pending: list[Line] = []
    for line in region:
        line.noise = "toc"
        text = line.text
        if HEADING.match(text):
            continue
        leader = _leader(text)
        trailing = None if leader else TRAILING_PAGE.match(text)
        if not leader and not trailing:
            # A title broken over two lines: kept for the line that ends with its page.
            starts_entry = NUMBER.match(text) is not None
            pending = [line] if starts_entry or not pending else pending + [line]
            continue
        if leader:
            title = text[:leader.start()].strip()
            label = leader.group("label") or leader.group("label2")
        else:
            title, label = trailing.group("title"), trailing.group("label")
        first = line
        if pending and not NUMBER.match(title):
            first = pending[0]
            title = " ".join([p.text for p in pending] + [title])
        pending = []
        number, title = split_number(re.sub(r"\s+", " ", title).strip())
        title = title.strip(" .")
        if not title:
            continue
        entries.append({"number": number, "title": title,
                        "page_label": label, "line": first.number, "page": first.page})
    return entries


def key(text: str) -> str:
    """A heading's words for comparing it with a table-of-contents entry."""
    return re.sub(r"[^\wäöüß]+", " ", text.lower()).strip()
