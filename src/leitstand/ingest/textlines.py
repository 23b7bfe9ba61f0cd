"""Numbered lines of the input, with PDF-to-text artefacts marked rather than deleted.

Line numbers count line feeds only (a form feed starts a new page but not a
new line), as the document model requires. Page headers, page numbers,
footnote markers and link captions are marked `noise`; the structure pass
skips them, so every kept item still carries its true input line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from leitstand.ingest.layout import Layout
from leitstand.ingest.reader import Source


@dataclass
class Line:
    number: int
    page: int | None
    raw: str
    layout: Layout | None = None  # PDF only: font and box of the line
    noise: str = ""  # "header", "page_number", "footnote", "caption", "toc"
    page_start: bool = False
    page_height: float = 0.0
    # A running head that names its section ("Maßnahme A1.1") on the page where it is new:
    # (number, title) of the section it starts.
    heading: tuple | None = None

    @property
    def font_size(self) -> float | None:
        return self.layout.size if self.layout else None

    @property
    def bold(self) -> bool:
        return bool(self.layout and self.layout.bold)

    @property
    def in_band(self) -> bool:
        """In the top or bottom band of its page, where running heads and feet stand."""
        if not self.layout or not self.page_height:
            return False
        return self.layout.top < 0.11 * self.page_height or \
            self.layout.top > 0.9 * self.page_height

    @cached_property
    def text(self) -> str:
        return " ".join(self.raw.split())

    @property
    def indented(self) -> bool:
        return self.raw[:1] == " "


# "… Nordrhein-Westfalen 2.017": a running title ending in a version number ("2.0")
# merged with the page number ("17").
_TITLE_WITH_PAGE = re.compile(
    r"^(?P<title>.{0,100}?\b(?:Strategie|Digitalstrategie|Konzept|Programm|Bericht|Agenda)\b"
    r".*?\s\d\.\d)(?P<page>\d{1,3})$")
_PAGE_NUMBER = re.compile(r"^(?:Seite\s+)?\d{1,4}(?:\s*(?:von|/)\s*\d{1,4})?$"
                          r"|^[-–]\s*\d{1,4}\s*[-–]$",
                          re.I)
_CAPTION = re.compile(r"\s\|\s+[\w.-]*[A-Z]{2,}[\w.-]*$")
_BULLET = re.compile(r"^\s*(?:[•●▪■◦\-–—]|\uf0b7|\uf0a7)\s+")


def split_lines(source: Source) -> list[Line]:
    """One Line per piece of text between line feeds; a form feed inside a line splits it
    into two pieces on two pages that share the line number."""
    lines: list[Line] = []
    page_index = 0
    in_page = 0
    joined = "\f".join(page.text for page in source.pages)
    for number, segment in enumerate(joined.split("\n"), start=1):
        for k, raw in enumerate(segment.split("\f")):
            if k:
                page_index += 1
                in_page = 0
            page = source.pages[page_index]
            page_no = page_index + 1 if source.page_count else None
            layout = page.layout[in_page] if in_page < len(page.layout) else None
            lines.append(Line(number, page_no, raw, layout, page_height=page.height))
            in_page += 1
    if any(line.layout for line in lines):
        _mark_running_heads(lines)
    _mark_noise(lines)
    _mark_page_starts(lines, source)
    return lines


_SECTION_HEAD = re.compile(r"^(?:Maßnahme|Kapitel|Handlungsfeld|Abschnitt|Teil|Baustein)\s+"
                           r"(?P<num>[A-Z]?\d{1,2}(?:\.\d{1,2}){0,3}|[A-Z]|[IVX]{1,5})"
                           r"(?:[:.]?\s+(?P<title>\S.*))?$")


_DIGITS = re.compile(r"\d+")
_LEADERS = re.compile(r"(?:\s?\.){4,}")
_OPENING_NUMBER = re.compile(r"([A-Z]?\d{1,2}(?:\.\d{1,2}){0,3}|[A-Z]|[IVX]{1,5})\.?\s+[A-ZÄÖÜ]")


def _band_key(text: str) -> str:
    return _DIGITS.sub("#", text.lower())


def _mark_running_heads(lines: list[Line]) -> None:  # noqa: C901
    """Running heads and feet of a PDF: lines in the top or bottom band of a page that recur
    (digits ignored) on many pages, or stand unchanged on the next page at the same height;
    and page numbers in the band. A running head that names a numbered section ("Kapitel 3",
    "Maßnahme A1.1") starts that section on the page where it first shows."""
    pages = {ln.page for ln in lines if ln.text}
    if len(pages) < 3:
        return
    sizes = Counter()
    for ln in lines:
        if ln.layout:
            sizes[ln.layout.size] += len(ln.text)
    body = sizes.most_common(1)[0][0]
    # Running heads are set about as large as the body text; a chapter heading at the top of
    # each page is not one, even when it recurs with another number.
    band = [ln for ln in lines if ln.text and ln.in_band and ln.layout.size <= 1.25 * body]
    by_key: dict = {}
    at: dict = {}
    for line in band:
        by_key.setdefault(_band_key(line.text), set()).add(line.page)
        at.setdefault((line.page, line.text), line)
    threshold = max(3, len(pages) // 4)
    # A running head stands on nearly every page of its stretch; a subheading that opens
    # each chapter at the top of a page recurs too, but with pages between.
    recurs = {key for key, on in by_key.items()
              if len(on) >= threshold and len(on) >= 0.6 * (max(on) - min(on) + 1)}
    running = [ln for ln in band
               if _band_key(ln.text) in recurs
               or (ln.page + 1, ln.text) in at or (ln.page - 1, ln.text) in at]
    for line in band:
        if _PAGE_NUMBER.match(line.text):
            line.noise = "page_number"
    seen: set = set()
    in_body = _body_numbers(lines, body)
    for line in running:
        line.noise = line.noise or "header"
        head = _SECTION_HEAD.match(line.text)
        if not head or line.text in seen or _band_key(line.text) not in recurs \
                or head.group("num") in in_body:
            continue
        seen.add(line.text)
        title = head.group("title")
        if not title:
            # The head's title stands on the next line of the band, often in bold.
            after = [ln for ln in band if ln.page == line.page and ln.number > line.number
                     and ln.layout.top - line.layout.top < 3 * line.layout.size]
            title = ""
            if after and not _PAGE_NUMBER.match(after[0].text):
                title = after[0].text
                after[0].noise = "header"
        line.noise = ""
        line.heading = (head.group("num"), title or line.text)


def _body_numbers(lines: list[Line], body: float) -> set:
    """Numbers that open a line of body size or larger outside the bands ("3 Mobilität"):
    where the body has its own heading, a running head naming it starts nothing (a
    contents line with dot leaders does not count)."""
    found = set()
    for line in lines:
        text = line.text
        if not text or line.in_band or not line.layout or line.layout.size < 0.97 * body \
                or _LEADERS.search(text):
            continue
        match = _OPENING_NUMBER.match(text)
        if match:
            found.add(match.group(1))
    return found


def _mark_noise(lines: list[Line]) -> None:  # noqa: C901
    by_page: dict = {}
    for line in lines:
        if line.text:
            by_page.setdefault(line.page, []).append(line)
    pages = set(by_page)
    repeated = Counter()
    if len(pages) > 2:
        # Lines that recur (digits ignored) at the top or bottom of many pages.
        for page in pages:
            content = by_page[page]
            for ln in {id(x): x for x in content[:1] + content[-1:]}.values():
                repeated[re.sub(r"\d+", "#", ln.text)] += 1
    threshold = max(3, len(pages) // 3)
    lengths = sorted(len(ln.text) for ln in lines if len(ln.text) > 20)
    # In column layouts a line far longer than the column is a box or a caption.
    box = 1.45 * lengths[len(lengths) // 2] if len(lengths) > 50 and \
        lengths[len(lengths) // 2] < 60 else None
    has_layout = any(line.layout for line in lines)
    for line in lines:
        text = line.text
        if not text or line.noise or line.heading:
            continue
        if has_layout:
            # Running heads and page numbers are known from the page's bands already.
            if _CAPTION.search(text):
                line.noise = "caption"
            continue
        if _TITLE_WITH_PAGE.match(text):
            line.noise = "header"
        elif repeated and repeated[re.sub(r"\d+", "#", text)] >= threshold and len(text) < 120:
            line.noise = "header"
        elif _PAGE_NUMBER.match(text):
            line.noise = "page_number" if len(text) > 1 or not text.isdigit() else "footnote"
        elif _CAPTION.search(text):
            line.noise = "caption"
        elif box and len(text) > box:
            line.noise = "box"


def header_page(line: Line) -> int | None:
    match = _TITLE_WITH_PAGE.match(line.text)
    return int(match.group("page")) if match else None


def _mark_page_starts(lines: list[Line], source: Source) -> None:
    """Where pages begin. With form feeds that is known; in text extracted without them a
    page begins with a leading space (or a running header), bullets excepted."""
    previous_page = None
    previous_text = ""
    for line in lines:
        if not line.text:
            continue
        if source.page_count:
            line.page_start = line.page != previous_page
            previous_page = line.page
            continue
        is_bullet_run = previous_text.endswith(":") or _BULLET.match(line.raw)
        if line.noise == "header" or (line.indented and not line.raw.startswith("  ")
                                      and not is_bullet_run and not line.noise):
            line.page_start = True
        if not line.noise:
            previous_text = line.text
    _pages_from_headers(lines)


def _pages_from_headers(lines: list[Line]) -> None:
    """A running header names its page: lines up to the next page start are on it."""
    current, just_header = None, False
    for line in lines:
        if line.page is not None:
            return
        if not line.text:
            if current is not None:
                line.page = current
            continue
        if line.noise == "header" and header_page(line):
            current, just_header = header_page(line), True
        elif line.page_start and not just_header:
            current = None
        else:
            just_header = False
        if line.page_start and just_header and line.noise != "header":
            just_header = False
        if current is not None:
            line.page = current
