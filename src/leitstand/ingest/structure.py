"""Sections, measures, lists and goals from numbered lines (the document's skeleton).

Works on the logical order of the lines: a heading that the extraction placed
at the end of its page is moved to the start of that page, keeping its line
number. Everything else is read in one pass over the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from leitstand.ingest import headings
from leitstand.ingest.dehyphenate import join_lines
from leitstand.ingest.textlines import _BULLET, Line

NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?P<title>[A-ZÄÖÜ„\"].{1,120})$")
GROUP = re.compile(r"^\((?P<num>\d{1,2})\)\s+(?P<title>.+)$")
LETTER_ITEM = re.compile(r"^(?P<label>[a-z])[.)]\s+(?P<text>.+)$")
NUMBER_ITEM = re.compile(r"^(?P<label>\d{1,2})[.)]\s+(?P<text>.+)$")
GOAL_MARKER = re.compile(r"^(?:Unser\s+Ziel|Ziele?|Zielmarke|Zielsetzung)\s*:\s*(?P<text>.*)$",
                         re.I)
END_PUNCT = re.compile(r"[.!?;,:]$|[.!?][“\"»)]$")
FUNCTION_STARTS = {"die", "der", "das", "von", "mit", "im", "in", "auch", "für", "es", "wir",
                   "sie", "um", "bei", "zu", "als", "dies", "diese", "dabei", "durch", "nach",
                   "ein", "eine", "so", "da", "damit", "dass", "daher", "deshalb", "hier",
                   "zudem", "sowohl", "insbesondere", "aus", "am", "an", "auf", "ob", "wenn"}
# A look back only where the heading says so: "Bilanz" as a word of its own ("Bilanz der
# Maßnahmen", "Eine Bilanz"), never an emissions balance ("CO2-Bilanz", "Energiebilanz").
REVIEW = re.compile(r"(?<![\w-])Bilanz\b(?!ierung)|rückblick|Was\s+wir\s+erreicht\s+haben|"
                    r"\bErreichtes\b|Umgesetzte\s+Maßnahmen", re.I)
NEXT_STEPS = re.compile(r"\b(?:Nächste\s+Schritte|Ausblick|Maßnahmen(?:plan)?|Vorhaben)\b", re.I)
PREFACE = re.compile(r"^(?:Vorwort|Geleitwort|Grußwort|Einleitung|Präambel)\b", re.I)
CAPTION = re.compile(r"^(?:Tabelle|Tab\.|Abbildung|Abb\.|Grafik|Karte)\s*\d+[.:]")
MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<title>.+?)\s*#*\s*$")
MD_BULLET = re.compile(r"^\s*[*+]\s+")
SETEXT = re.compile(r"^(?:=+|-{3,})$")
TABLE_HEADER = re.compile(r"^\|?\s*Ziel\s*\|", re.I)


@dataclass
class Section:
    id: str
    number: str | None
    title: str
    level: int
    kind: str
    parent: str | None
    line: int
    page: int | None


@dataclass
class Block:
    """A run of lines read as one unit: a paragraph, an item, a goal line."""

    kind: str  # "prose", "measure", "goal", "list_item", "table_goal"
    lines: list[Line]
    section: str | None
    group: str | None = None
    label: str | None = None
    cells: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return join_lines([ln.raw for ln in self.lines])

    @property
    def line(self) -> int:
        return self.lines[0].number

    @property
    def page(self) -> int | None:
        return self.lines[0].page


@dataclass
class Skeleton:
    sections: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    lists: list[dict] = field(default_factory=list)


def content_lines(lines: list[Line]) -> list[Line]:
    return [ln for ln in lines if ln.text and not ln.noise]


def logical_order(lines: list[Line]) -> list[Line]:
    """Moves a numbered heading that ends its page to the start of that page."""
    result: list[Line] = []
    page_start_at = 0
    for i, line in enumerate(lines):
        nxt = next((ln for ln in lines[i + 1:] if ln.text), None)
        if line.page_start:
            page_start_at = len(result)
        if (NUMBERED.match(line.text) and not line.page_start and _heading_like(line.text)
                and (nxt is None or nxt.page_start)
                and page_start_at < len(result)):
            result.insert(page_start_at, line)
            page_start_at += 1
            continue
        result.append(line)
    return result


def _heading_like(text: str) -> bool:
    match = NUMBERED.match(text)
    if not match:
        return False
    title = match.group("title")
    return (len(title.split()) <= 14 and not END_PUNCT.search(title.rstrip(":")
                                                             if ":" in title else title))


class _Reader:
    def __init__(self, lines: list[Line], blank_is_break: bool):
        self.lines = lines
        self.blank_is_break = blank_is_break
        self.sk = Skeleton()
        self.section: Section | None = None
        self.group: str | None = None
        self.block: Block | None = None
        self.list_title: str | None = None
        self.current_list: dict | None = None
        self.chapter_no = 0
        self.table_header: list[str] | None = None
        self.by_id: dict[str, Section] = {}
        self.style: headings.PageStyle | None = None  # PDF: what body text looks like
        self.markdown = False
        self.line_paragraphs = False  # each line of the input is a paragraph
        self.in_fence = False  # inside a fenced Markdown block
        self.styles: list[tuple[float, bool]] = []

    # -- sections -------------------------------------------------------------------------
    def kind_for(self, title: str, number: str | None, level: int) -> str:
        if PREFACE.search(title):
            return "preface"
        if REVIEW.search(title):
            return "review"
        if NEXT_STEPS.search(title):
            return "next_steps"
        return "chapter" if number and level == 1 else "other"

    def add_section(self, number: str | None, title: str, line: Line,
                    level: int | None = None) -> None:
        if level is None:
            level = self.text_level(number)
        parent = None
        for s in reversed(self.sk.sections):
            if s.level < level:
                parent = s.id
                break
        kind = self.kind_for(title, number, level)
        section = Section(f"s{len(self.sk.sections) + 1}", number, title, level, kind, parent,
                          line.number, line.page)
        self.sk.sections.append(section)
        self.by_id[section.id] = section
        self.section = section
        self.group = None
        self.close()
        if number and number.isdigit() and level == 1:
            self.chapter_no = int(number)

    def text_level(self, number: str | None) -> int:
        if number:
            return number.count(".") + 1
        if self.section and self.section.number is None:
            return self.section.level
        return self.section.level + 1 if self.section else 1

    def layout_level(self, number: str | None, size: float, bold: bool) -> int:
        """In a PDF: a dotted number gives the depth ("4.2.1" -> 3); otherwise the font
        does: below the latest heading set larger, beside one set alike."""
        if number and re.fullmatch(r"\d{1,2}(?:\.\d{1,2})+", number):
            level = headings.number_level(number)
        elif number and re.fullmatch(r"[A-Z]\d.*", number):
            parent = next((s for s in reversed(self.sk.sections) if s.number == number[0]), None)
            level = headings.number_level(number) + (parent.level if parent else 0)
        else:
            level = None
            for section, (s_size, s_bold) in zip(reversed(self.sk.sections),
                                                 reversed(self.styles), strict=False):
                if s_size > size + 0.3 or (abs(s_size - size) <= 0.3 and s_bold and not bold):
                    level = section.level + 1
                    break
                if abs(s_size - size) <= 0.3 and s_bold == bold and level is None:
                    level = section.level
                    break
            level = level or 1
        self.styles.append((size, bold))
        return level

    def in_measures_section(self) -> bool:
        s = self.section
        while s is not None:
            if s.kind in ("review", "next_steps"):
                return True
            s = self.by_id.get(s.parent)
        return False

    # -- blocks ---------------------------------------------------------------------------
    def open(self, kind: str, line: Line, label: str | None = None) -> Block:
        self.close()
        self.block = Block(kind, [line], self.section.id if self.section else None, self.group,
                           label)
        return self.block

    def close(self) -> None:
        if self.block is not None:
            self.sk.blocks.append(self.block)
            if self.block.kind == "list_item" and self.current_list is not None:
                item = _BULLET.sub("", self.block.text, count=1)
                if self.markdown:
                    item = MD_BULLET.sub("", item, count=1)
                if self.block.label:
                    item = re.sub(r"^\(?\w{1,3}[.)]\s*", "", item, count=1)
                self.current_list["items"].append({"text": item, "line": self.block.line})
        self.block = None

    def end_list(self) -> None:
        if self.block is not None and self.block.kind == "list_item":
            self.close()
        if self.current_list and self.current_list["items"]:
            self.sk.lists.append(self.current_list)
        self.current_list = None

    def start_list(self, line: Line) -> None:
        if self.current_list is None:
            self.current_list = {"id": f"l{len(self.sk.lists) + 1}",
                                 "section": self.section.id if self.section else None,
                                 "title": self.list_title, "line": line.number,
                                 "page": line.page, "items": []}

    # -- the pass -------------------------------------------------------------------------
    def read(self) -> Skeleton:
        i = 0
        lines = self.lines
        while i < len(lines):
            line = lines[i]
            text = line.text
            if text == "":
                if self.blank_is_break:
                    self.close()
                i += 1
                continue
            i = self.step(i, line, text)
        self.close()
        self.end_list()
        return self.sk

    def heading(self, i: int, line: Line, text: str) -> int | None:
        """A PDF heading by its font and place, or a Markdown heading; the index after it."""
        if self.style is not None:
            found = headings.layout_heading(self.lines, i, self.style)
            if found:
                j, number, title, size = found
                if number and any(s.number == number and s.title.lower() == title.lower()
                                  for s in self.sk.sections):
                    return j  # a numbered heading repeated (a divider page, a hidden copy)
                self.end_list()
                level = self.layout_level(number, size, line.bold)
                self.add_section(number, title, line, level)
                return j
            return None
        if text.startswith(("```", "~~~")):
            self.in_fence = not self.in_fence
        if self.in_fence or text.startswith(("```", "~~~")):
            return None  # a fenced block is code or a directive, never a heading
        match = MD_HEADING.match(text)
        underline = self.next_text(i) if not match else ""
        if not match and SETEXT.match(underline) and len(text) <= 160 \
                and not _BULLET.match(line.raw) and i + 1 < len(self.lines) \
                and self.lines[i + 1].text == underline:
            match, level = None, 1 if underline.startswith("=") else 2
            number, title = headings.split_number(text)
            self.end_list()
            self.add_section(number, title, line, level)
            return i + 2
        if match:
            number, title = headings.split_number(match.group("title").strip())
            self.end_list()
            self.add_section(number, title.strip().rstrip(":"), line, len(match.group("hashes")))
            return i + 1
        return None

    def step(self, i: int, line: Line, text: str) -> int:  # noqa: C901
        lines = self.lines
        if self.style is not None or self.markdown:
            after = self.heading(i, line, text)
            if after is not None:
                return after
        numbered = None if self.style is not None or self.markdown else NUMBERED.match(text)
        if numbered and _heading_like(text) and self.plausible_number(numbered.group("num")):
            title = numbered.group("title")
            self.end_list()
            self.add_section(numbered.group("num"), title.rstrip(":"), line)
            return i + 1
        if TABLE_HEADER.match(text):
            self.close()
            self.table_header = [c.strip().lower() for c in text.strip("|").split("|")]
            return i + 1
        if self.table_header and text.count("|") >= 2:
            cells = [c.strip() for c in text.strip("|").split("|")]
            block = self.open("table_goal", line)
            block.cells = dict(zip(self.table_header, cells, strict=False))
            self.close()
            return i + 1
        self.table_header = None
        goal = GOAL_MARKER.match(text)
        if goal:
            self.end_list()
            self.open("goal", line)
            return i + 1
        group = GROUP.match(text)
        if group and self.in_measures_section():
            title_lines = [group.group("title")]
            j = i + 1
            while (not END_PUNCT.search(title_lines[-1]) and j < len(lines)
                   and self._continues_title(lines, j)):
                title_lines.append(lines[j].text)
                j += 1
            self.close()
            self.group = join_lines(title_lines).rstrip(":").strip()
            return j
        item = LETTER_ITEM.match(text) or (NUMBER_ITEM.match(text) if self.in_measures_section()
                                           else None)
        if item and self.in_measures_section():
            self.end_list()
            self.open("measure", line, item.group("label"))
            return i + 1
        numbered_item = NUMBER_ITEM.match(text)
        if numbered_item:
            # Numbered paragraphs outside a chapter's headings (a council motion's "1. Der
            # Rat beschließt …") are the items of a list, not chapters.
            self.start_list(line)
            self.open("list_item", line, numbered_item.group("label"))
            return i + 1
        if group or _BULLET.match(line.raw) or self.is_lost_bullet(line) \
                or (self.markdown and MD_BULLET.match(line.raw)):
            self.start_list(line)
            label = group.group("num") if group else None
            kind = "measure" if self.in_measures_section() and not group else "list_item"
            self.open(kind, line, label)
            return i + 1
        heading = None if self.style is not None or self.markdown else self.unnumbered_heading(i)
        if heading:
            j, title = heading
            self.end_list()
            self.add_section(None, title, line)
            return j
        gap = self.paragraph_gap(line)
        if self.block is None or self.line_paragraphs or gap \
                or (self.block.kind in ("goal", "list_item") and self.ends_block(self.block)):
            if self.block is not None and self.block.kind == "list_item":
                self.close()
                self.end_list()
            self.open("prose", line)
        else:
            self.block.lines.append(line)
        if text.endswith(":"):
            self.list_title = join_lines([ln.raw for ln in self.block.lines]).split(". ")[-1]
        return i + 1

    def paragraph_gap(self, line: Line) -> bool:
        """In a PDF a paragraph ends where the next line stands clearly lower than the
        line spacing (a blank line's height)."""
        if self.style is None or self.block is None or \
                self.block.kind not in ("prose", "list_item"):
            return False
        prev = self.block.lines[-1]
        if prev.page != line.page or not prev.layout or not line.layout:
            return False
        return line.layout.top - prev.layout.top > 1.75 * max(line.layout.size, 1.0)

    def next_text(self, i: int) -> str:
        for line in self.lines[i + 1:]:
            if line.text:
                return line.text
        return ""

    def plausible_number(self, number: str) -> bool:
        """Chapter numbers count up; "1." inside a chapter is an enumeration, not chapter 1."""
        if "." in number:
            return int(number.split(".")[0]) in (self.chapter_no, self.chapter_no + 1) \
                or self.chapter_no == 0
        if self.chapter_no == 0:
            return int(number) <= 20  # an excerpt may start at any chapter
        return int(number) == self.chapter_no + 1

    def ends_block(self, block: Block) -> bool:
        return END_PUNCT.search(block.lines[-1].text) is not None and \
            block.lines[-1].text.endswith((".", "!", "?", "“", "\""))

    def is_lost_bullet(self, line: Line) -> bool:
        """A bullet whose glyph was lost: an indented line in a run that a colon opened."""
        if not line.indented or line.raw.startswith("   "):
            return False
        if self.current_list is not None and self.block is not None \
                and self.block.kind == "list_item" and self.ends_block(self.block):
            return True
        return self.block is not None and self.block.lines[-1].text.endswith(":")

    def _continues_title(self, lines, j) -> bool:
        text = lines[j].text
        return (0 < len(text) <= 60 and not LETTER_ITEM.match(text) and not GROUP.match(text)
                and not NUMBERED.match(text))

    def unnumbered_heading(self, i: int) -> tuple[int, str] | None:
        """A heading without a number: up to three short lines that end without punctuation,
        after a finished sentence and before prose. In justified columns prose lines are
        filled; heading lines stay clearly shorter than the median line."""
        lines = self.lines
        line = lines[i]
        text = line.text
        if self.block is not None and not END_PUNCT.search(self.block.lines[-1].text):
            return None
        if not (text[0].isupper() and text.split()[0].lower() not in FUNCTION_STARTS):
            return None
        parts, j = [], i
        while j < len(lines) and len(parts) < 3:
            candidate = lines[j].text
            if not candidate:
                j += 1
                continue
            if (len(candidate) > self.short_line or END_PUNCT.search(candidate)
                    or "," in candidate or "|" in candidate or CAPTION.match(candidate)
                    or LETTER_ITEM.match(candidate)
                    or GROUP.match(candidate) or NUMBERED.match(candidate)):
                break
            parts.append(candidate)
            j += 1
            if self._prose_after(j - 1) and self._long_next(j - 1):
                return j, join_lines(parts)
        return None

    def _long_next(self, j: int) -> bool:
        nxt = self.next_text(j)
        return len(nxt) > self.short_line or END_PUNCT.search(nxt) is not None

    def _prose_after(self, j: int) -> bool:
        nxt = self.next_text(j)
        return bool(nxt) and (nxt[0].isupper() or nxt[0] in "„\"") and \
            (len(nxt) >= 30 or END_PUNCT.search(nxt) is not None) and \
            not NUMBERED.match(nxt)

    short_line: float = 42


def read_structure(lines: list[Line], markdown: bool = False,
                   toc_keys: set | None = None) -> Skeleton:
    content = [ln for ln in lines if not ln.noise]
    texts = [ln for ln in content if ln.text]
    blank = len(content) - len(texts)
    lengths = sorted(len(ln.text) for ln in texts if len(ln.text) > 20)
    median = lengths[len(lengths) // 2] if lengths else 0
    # A text whose paragraphs are each one long line (Markdown, a word processor's export):
    # every line is a paragraph and blank lines separate them. A page's line holds at most
    # about 110 characters, so many longer lines mean the lines are paragraphs.
    line_paragraphs = median > 150 or sum(n > 130 for n in lengths) > 0.3 * max(len(lengths), 1)
    # Text extracted with a blank line after every line: blanks then say nothing.
    blank_is_break = markdown or line_paragraphs or blank < 0.35 * max(len(texts), 1)
    has_layout = any(ln.layout for ln in texts)
    kept = [ln for ln in content if ln.text or blank_is_break]
    # A PDF's own order is kept: a heading at the foot of a page there is a heading whose
    # text follows on the next page, not one that the extraction displaced.
    ordered = kept if has_layout else logical_order(kept)
    reader = _Reader(ordered, blank_is_break)
    reader.markdown = markdown
    # Markdown separates paragraphs by blank lines; a hard-wrapped paragraph stays one block.
    reader.line_paragraphs = line_paragraphs
    if has_layout:
        style = headings.document_style(texts, toc_keys)
        # A PDF whose fonts tell nothing (one size and weight, or sizes pdfium cannot
        # read) is read by its words, as a text is.
        if any(style.styled(ln) or ln.heading for ln in texts):
            reader.style = style
    if lengths:
        reader.short_line = 0.88 * median
    return reader.read()
