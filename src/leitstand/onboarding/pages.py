"""The document's text page by page with the document model's line numbers: pure functions.

Lines are counted by line feeds over the whole text, pages are separated by form feeds (the
document model's rule), so a page's first line number is one more than the line feeds before
it; a line split by a form feed appears on both pages with the same number.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    marked: bool = False


def page_count(text: str) -> int:
    return text.count("\f") + 1


def page_lines(text: str, page: int, marked: range | None = None) -> list[Line]:
    pages = text.split("\f")
    page = min(max(page, 1), len(pages))
    first = 1 + sum(p.count("\n") for p in pages[:page - 1])
    return [Line(first + i, raw, bool(marked and first + i in marked))
            for i, raw in enumerate(pages[page - 1].split("\n"))]


def page_of_line(text: str, line: int) -> int:
    """The page on which a line begins."""
    seen = 0
    for index, chunk in enumerate(text.split("\f"), start=1):
        seen += chunk.count("\n")
        if line <= seen + 1:
            return index
    return page_count(text)


def passage(text: str, line: int, limit: int = 8) -> range:
    """The lines of the paragraph that starts at `line`: up to the next empty line."""
    lines = text.split("\n")  # lines[k] is line k + 1
    end = line
    while end < min(len(lines), line + limit - 1) and lines[end].strip(" \f"):
        end += 1
    return range(line, end + 1)
