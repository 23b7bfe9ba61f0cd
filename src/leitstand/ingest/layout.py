"""Where each line of a PDF page stands and how it is set: font size, weight and box.

Headings, running headers, chart labels and tables differ from body text by their
font and position, not by their words. pdfium gives these per character; asking for
every character costs too much on a 150-page document, so each line is measured at
its first and last character only (a handful of calls per line, whatever its length).
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

_BOLD_NAME = re.compile(rb"bold|black|heavy|demi")


@dataclass(frozen=True)
class Layout:
    size: float   # font size in points (of the line's first character)
    bold: bool    # first and last character set in a bold face
    x0: float     # left edge, points from the page's left
    x1: float     # right edge
    top: float    # top edge, points from the page's top


class _Measure:
    """Small wrapper over the raw pdfium calls with reused output buffers."""

    def __init__(self, textpage, height: float):
        import pypdfium2.raw as pdfium_c

        self.c = pdfium_c
        self.raw = textpage.raw
        self.height = height
        self.box = [ctypes.c_double() for _ in range(4)]
        self.refs = [ctypes.byref(b) for b in self.box]
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int(0)
        self.count = pdfium_c.FPDFText_CountChars(self.raw)

    def bold(self, index: int) -> bool:
        weight = self.c.FPDFText_GetFontWeight(self.raw, index)
        if weight > 0:
            return weight >= 600
        # Fonts that are not embedded report no weight; their name tells ("Helvetica-Bold").
        length = self.c.FPDFText_GetFontInfo(self.raw, index, self.name, 128,
                                             ctypes.byref(self.flags))
        name = self.name.raw[:max(length - 1, 0)].lower()
        return _BOLD_NAME.search(name) is not None

    def edges(self, index: int) -> tuple[float, float, float]:
        self.c.FPDFText_GetCharBox(self.raw, index, *self.refs)
        box = self.box
        return box[0].value, box[1].value, self.height - box[3].value

    def line(self, first: int, last: int) -> Layout | None:
        if first >= self.count:
            return None
        last = min(last, self.count - 1)
        x0, _, top = self.edges(first)
        _, x1, _ = self.edges(last)
        size = round(self.c.FPDFText_GetFontSize(self.raw, first), 1)
        bold = self.bold(first) and (last == first or self.bold(last))
        return Layout(size, bold, round(x0, 1), round(max(x1, x0), 1), round(top, 1))


def page_lines(textpage, height: float) -> tuple[str, list[Layout | None]]:
    """The page's text (lines joined by line feeds) and one Layout per line.

    pdfium ends a line with CR LF and marks a hyphen at a line end with U+FFFE, dropping
    the line break there: that hyphen becomes "-" and ends the line."""
    raw = textpage.get_text_range()
    measure = _Measure(textpage, height)
    texts: list[str] = []
    layout: list[Layout | None] = []
    offset = 0
    for piece in raw.split("\r\n"):
        start = 0
        parts = piece.split("\ufffe")
        for k, part in enumerate(parts):
            text = part + ("-" if k < len(parts) - 1 else "")
            stripped = text.strip()
            if stripped:
                first = offset + start + (len(text) - len(text.lstrip()))
                last = offset + start + len(text.rstrip()) - 1
                layout.append(measure.line(first, last))
            else:
                layout.append(None)
            # A lone CR or LF inside a line would shift the lines against their layout.
            texts.append(text.replace("\r", " ").replace("\n", " "))
            start += len(part) + 1
        offset += len(piece) + 2
    return "\n".join(texts), layout
