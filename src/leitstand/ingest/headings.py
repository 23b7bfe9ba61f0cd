"""Which lines are headings: numbering schemes, and in a PDF the font and place of a line.

A heading stands out from the body text by its font (larger, or bold where the body is
not), starts at the left edge of a text column, and is short and unpunctuated. Chart
labels, legends and table cells share some of that; they differ by a smaller font, by
standing beside other short lines at the same height (a grid), by being only numbers or
units, or, for form-field labels, by recurring on many pages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from leitstand.ingest.dehyphenate import join_lines
from leitstand.ingest.textlines import Line

_TITLE_START = r"[A-ZÄÖÜ„\"'(]"
_SCHEMES = [
    # "Kapitel 3: …", "Handlungsfeld E …", "Teil II …"
    re.compile(r"^(?:Kapitel|Handlungsfeld|Teil|Abschnitt|Baustein|Themenfeld)\s+"
               r"(?P<num>\d{1,2}|[A-Z]|[IVX]{1,5})\b[:.]?\s*(?P<title>.*)$"),
    # "1", "1.2.3", "01", "1."
    re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?P<title>" + _TITLE_START + r".*)$"),
    # "A1.1", "B2"
    re.compile(r"^(?P<num>[A-Z]\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?P<title>" + _TITLE_START
               + r".*)$"),
    # "A." and Roman "IV."
    re.compile(r"^(?P<num>[A-Z]|[IVX]{1,5})\.\s+(?P<title>" + _TITLE_START + r".*)$"),
]
END_PUNCT = re.compile(r"[.!?;,]$|[.!?][“\"»)]$")
ONLY_NUMBERS = re.compile(r"^[\d\s.,:;%€$/+\-–—()x×*]+(?:\s*(?:%|‰|[kKMG]?Wh?(?:/a)?|t|kt|Mio\.?|"
                          r"Mrd\.?|Tsd\.?|km|m²|ha|€|EUR|a|Jahr|CO2|Prozent))*\s*$")


_MAY_BE_NUMBERED = re.compile(r"^(?:Kapitel|Handlungsfeld|Teil|Abschnitt|Baustein|Themenfeld|"
                              r"\d|[A-Z]\d|[A-Z]\.|[IVX]{1,5}\.)")


def split_number(text: str) -> tuple[str | None, str]:
    """The number of a heading in any of the usual schemes, and its title."""
    if not _MAY_BE_NUMBERED.match(text):
        return None, text
    for scheme in _SCHEMES:
        match = scheme.match(text)
        if match and match.group("title").strip():
            return match.group("num"), match.group("title").strip()
    return None, text


def number_level(number: str) -> int:
    """Depth from the number itself: "1" -> 1, "1.2.3" -> 3, "A1.1" -> 2."""
    return number.count(".") + 1


@dataclass
class PageStyle:
    """What body text looks like in one document, to tell headings from it."""

    body_size: float = 0.0
    body_bold: bool = False
    columns: list = field(default_factory=list)
    labels: set = field(default_factory=set)
    grid: set = field(default_factory=set)
    toc_keys: set = field(default_factory=set)
    cover: int | None = None  # the page of a title cover, whose large type is no heading
    centre: float | None = None  # the middle of the body text's width
    title_lines: set = field(default_factory=set)
    width: float = 0.0  # the body text's width

    def larger(self, line: Line) -> bool:
        return line.layout.size >= max(self.body_size * 1.12, self.body_size + 0.8)

    def styled(self, line: Line) -> bool:
        """Set apart from the body by size, or by weight where the body is not bold (a box
        may set its text and headings a point smaller)."""
        lay = line.layout
        if lay is None or lay.size < self.body_size * 0.88:
            return False
        return self.larger(line) or (lay.bold and not self.body_bold)

    def at_column(self, line: Line) -> bool:
        return any(abs(line.layout.x0 - x) <= 8 for x in self.columns)

    def centred(self, line: Line) -> bool:
        return self.centre is not None and \
            abs((line.layout.x0 + line.layout.x1) / 2 - self.centre) < 15


def _label_key(text: str) -> str:
    """Form-field labels recur word for word; numbered headings differ by their number."""
    return " ".join(text.lower().split())


def document_style(lines: list[Line], toc_keys: set | None = None) -> PageStyle:
    texts = [ln for ln in lines if ln.text and ln.layout and not ln.noise]
    style = PageStyle(toc_keys=toc_keys or set())
    if not texts:
        return style
    weight = Counter()
    for ln in texts:
        weight[(ln.layout.size, ln.layout.bold)] += len(ln.text)
    (style.body_size, style.body_bold), _ = weight.most_common(1)[0]
    body = [ln for ln in texts if len(ln.text) > 30
            and abs(ln.layout.size - style.body_size) <= 0.15 * style.body_size + 0.3]
    starts = Counter(round(ln.layout.x0 / 4) for ln in body)
    total = max(len(body), 1)
    style.columns = [x * 4 for x, n in starts.items() if n >= max(3, 0.04 * total)]
    if body:
        left = sorted(ln.layout.x0 for ln in body)[len(body) // 10]
        right = sorted(ln.layout.x1 for ln in body)[len(body) * 9 // 10]
        style.centre = (left + right) / 2
        style.width = right - left
    pages_of: dict = {}
    by_top: dict = {}
    for ln in texts:
        if style.styled(ln) and split_number(ln.text)[0] is None:
            pages_of.setdefault(_label_key(ln.text), set()).add(ln.page)
        by_top.setdefault((ln.page, round(ln.layout.top / 3)), []).append(ln)
    # Form-field labels recur word for word, many of them (a template has many fields), or
    # one of them on most pages; the few subheadings that each chapter repeats ("Ziele",
    # "Maßnahmen") stay headings.
    page_count = len({ln.page for ln in texts})
    recurring = {k for k, pages in pages_of.items() if len(pages) >= 4}
    style.labels = recurring if len(recurring) >= 5 else \
        {k for k in recurring if len(pages_of[k]) >= 0.6 * page_count}
    first = texts[0].page
    cover = [ln for ln in texts if ln.page == first]
    top = max(ln.layout.size for ln in texts)
    below = [ln for ln in cover if style.body_size * 1.12 <= ln.layout.size < top]
    if all(ln.page == first for ln in texts if ln.layout.size == top) and below \
            and all(split_number(ln.text)[0] is None for ln in cover if ln.layout.size == top):
        # The document's largest type, on its first page only, above smaller headings: the
        # document's title, not a chapter.
        style.title_lines = {id(ln) for ln in cover if ln.layout.size == top}
    if len(cover) <= 20 and max(ln.layout.size for ln in cover) >= 1.4 * style.body_size \
            and not any(split_number(ln.text)[0] for ln in cover):
        style.cover = first
    for row in by_top.values():
        if len(row) > 1 and sum(len(x.text) < 30 for x in row) >= 1:
            style.grid.update(id(x) for x in row)
    return style


_WORD = re.compile(r"[A-Za-zÄÖÜäöü]{2}")
_YEAR = re.compile(r"\d{4}\b")
TABLE_ROW = re.compile(r"(?:\S*\d\S*\s+){2,}\S*\d")


def _candidate(line: Line, style: PageStyle, following: Line | None = None) -> bool:  # noqa: C901
    lay = line.layout
    if lay is None or line.noise or line.page == style.cover or id(line) in style.title_lines:
        return False
    if not style.styled(line):
        # Body text: most lines end here, before any pattern is tried; a line set like the
        # body is a heading only where the table of contents lists it.
        if not style.toc_keys or lay.size < 0.94 * style.body_size or len(line.text) > 160 \
                or _toc_key(line.text) not in style.toc_keys:
            return False
    text = line.text
    goes_on = following is not None and _continues(line, following, style)
    if text.endswith("-") and following is not None and following.text[:1].islower() \
            and text[-2:-1].isalpha():
        return False  # a word broken over two lines: running text, set bold for emphasis
    if text.endswith(("-", ",")) and goes_on:
        text = text + " " + following.text  # a heading over two lines: judge it whole
    elif text.endswith("-") and following is not None and following.page == line.page:
        text = text + following.text  # a word broken over two lines
    if len(text) > 200:
        return False
    if TABLE_ROW.search(text):
        return False  # three numbers in a row: a table row or a chart's values
    if lay.x1 - lay.x0 > 0.9 * len(line.text) * lay.size:
        return False  # words spread far apart: the cells of a table row
    if ONLY_NUMBERS.match(text) or not _WORD.search(text):
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "„\"'("):
        return False
    if text[0].isdigit() and split_number(text)[0] is None and not _YEAR.match(text):
        return False  # a figure that opens a line, not a number of a heading
    confirmed = _toc_key(text) in style.toc_keys and line.layout.size >= 0.94 * style.body_size
    if END_PUNCT.search(text) and not confirmed:
        return False  # a sentence; a heading that the contents list may end with a period
    if not (style.styled(line) or confirmed):
        return False
    if _label_key(text) in style.labels or id(line) in style.grid:
        return False
    return style.at_column(line) or confirmed or style.centred(line)


def _toc_key(text: str) -> str:
    return re.sub(r"[^\wäöüß]+", " ", split_number(text)[1].lower()).strip()


def _continues(prev: Line, nxt: Line, style: PageStyle) -> bool:
    """The next line goes on with the same heading: same page, font and weight, right below."""
    a, b = prev.layout, nxt.layout
    if b is None or nxt.noise or nxt.page != prev.page or nxt.heading:
        return False
    if abs(a.size - b.size) > 0.3 or a.bold != b.bold or not style.styled(nxt):
        return False
    if not 0 < b.top - a.top < 2.2 * a.size or split_number(nxt.text)[0] is not None:
        return False
    return len(nxt.text) <= 120


def _text_follows(lines: list[Line], j: int, style: PageStyle) -> bool:
    nxt = next((ln for ln in lines[j:j + 3] if ln.text and not ln.noise), None)
    if nxt is None or nxt.layout is None or nxt.layout.size < 0.88 * style.body_size:
        return False
    if ONLY_NUMBERS.match(nxt.text) or TABLE_ROW.search(nxt.text) or id(nxt) in style.grid:
        return False
    return style.styled(nxt) or len(nxt.text) > 30


DOTTED = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+[A-ZÄÖÜ„\"]")


def _plain_numbered(lines: list[Line], i: int, style: PageStyle) -> bool:
    """A heading set like the body text: a dotted number ("3.2"), a short line without a
    final stop at the column's edge, with space above it (the page's top or a gap)."""
    line = lines[i]
    lay = line.layout
    if lay is None or line.noise or not DOTTED.match(line.text) or END_PUNCT.search(line.text):
        return False
    if len(line.text.split()) > 12 or lay.size < 0.94 * style.body_size or \
            not style.at_column(line) or style.width and lay.x1 - lay.x0 > 0.75 * style.width:
        return False
    prev = next((ln for ln in reversed(lines[max(0, i - 3):i]) if ln.text and ln.layout), None)
    return prev is None or prev.page != line.page or lay.top - prev.layout.top > 1.6 * lay.size


def layout_heading(lines: list[Line], i: int, style: PageStyle):
    """(next index, number, title, size) where a heading starts at line i of a PDF, else None."""
    line = lines[i]
    if line.heading:
        number, title = line.heading
        return i + 1, number, title, line.layout.size if line.layout else 0.0
    following = lines[i + 1] if i + 1 < len(lines) else None
    if not _candidate(line, style, following):
        if _plain_numbered(lines, i, style):
            number, title = split_number(line.text)
            return i + 1, number, title.rstrip(":").strip(), line.layout.size
        return None
    parts, j = [line.text], i + 1
    while j < len(lines) and len(parts) < 3 and not parts[-1].endswith((".", "!", "?", ";")) \
            and _continues(lines[j - 1], lines[j], style):
        parts.append(lines[j].text)
        j += 1
    if not style.at_column(line) and style.centred(line) and not _text_follows(lines, j, style):
        return None  # a centred title over a chart or a table, not over text
    number, title = split_number(join_lines(parts))
    return j, number, title.rstrip(":").strip(), line.layout.size
