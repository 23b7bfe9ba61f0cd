"""The document's text page by page with the document model's line numbers: pure functions.

Lines are counted by line feeds over the whole text, pages are separated by form feeds (the
document model's rule), so a page's first line number is one more than the line feeds before
it; a line split by a form feed appears on both pages with the same number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# a line that begins something else: a goal marker, a lettered item, a numbered heading
_MARKER = re.compile(r"^\s*(?:Ziele?\s*:|[a-z][.)]\s)")
_HEADING = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÄÖÜ][^.!?]{0,90}$")


def _starts_anew(line: str) -> bool:
    return bool(_MARKER.match(line) or _HEADING.match(line.rstrip()))


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


def passage(text: str, line: int, limit: int = 12) -> range:
    """The lines of the passage that starts at `line`: up to the line that ends its sentence
    (documents extracted with a blank line between lines are read across those), at most
    `limit` lines."""
    lines = text.split("\n")  # lines[k] is line k + 1
    end = line
    while end < min(len(lines), line + limit - 1):
        current = lines[end - 1].strip(" \f")
        if current.endswith((".", "!", "?", ":")) and end > line or \
                not current and not lines[end].strip(" \f"):
            break
        following = next((x for x in lines[end:end + 2] if x.strip(" \f")), "")
        if _starts_anew(following):
            break
        end += 1
    while end > line and not lines[end - 1].strip(" \f"):
        end -= 1
    return range(line, end + 1)
