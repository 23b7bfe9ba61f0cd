"""Sections, measures, lists and goals from numbered lines (the document's skeleton).

Works on the logical order of the lines: a heading that the extraction placed
at the end of its page is moved to the start of that page, keeping its line
number. Everything else is read in one pass over the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
REVIEW = re.compile(r"\b(?:Bilanz|Rückblick|Was\s+wir\s+erreicht\s+haben|Erreichtes)\b", re.I)
NEXT_STEPS = re.compile(r"\b(?:Nächste\s+Schritte|Ausblick|Maßnahmen(?:plan)?|Vorhaben)\b", re.I)
PREFACE = re.compile(r"^(?:Vorwort|Geleitwort|Grußwort|Einleitung|Präambel)\b", re.I)
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

    # -- sections -------------------------------------------------------------------------
    def kind_for(self, title: str, number: str | None, level: int) -> str:
        if PREFACE.search(title):
            return "preface"
        if REVIEW.search(title):
            return "review"
        if NEXT_STEPS.search(title):
            return "next_steps"
        return "chapter" if number and level == 1 else "other"

    def add_section(self, number: str | None, title: str, line: Line) -> None:
        level = number.count(".") + 1 if number else (self.section.level + 1
                                                       if self.section and self.section.number
                                                       else 1)
        if number is None and self.section and self.section.number is None:
            level = self.section.level
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
        if number and level == 1:
            self.chapter_no = int(number)

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

    def step(self, i: int, line: Line, text: str) -> int:  # noqa: C901
        lines = self.lines
        numbered = NUMBERED.match(text)
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
        if group or _BULLET.match(line.raw) or self.is_lost_bullet(line):
            self.start_list(line)
            label = group.group("num") if group else None
            kind = "measure" if self.in_measures_section() and not group else "list_item"
            self.open(kind, line, label)
            return i + 1
        heading = self.unnumbered_heading(i)
        if heading:
            j, title = heading
            self.end_list()
            self.add_section(None, title, line)
            return j
        if self.block is None or (self.block.kind in ("goal", "list_item")
                                  and self.ends_block(self.block)):
            if self.block is not None and self.block.kind == "list_item":
                self.close()
                self.end_list()
            self.open("prose", line)
        else:
            self.block.lines.append(line)
        if text.endswith(":"):
            self.list_title = join_lines([ln.raw for ln in self.block.lines]).split(". ")[-1]
        return i + 1

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
        if line.font_size and self.body_size and not END_PUNCT.search(text) and len(text) <= 120 \
                and (line.font_size >= self.body_size * 1.15
                     or (line.font_weight or 0) >= 600 > (self.body_weight or 400)):
            return i + 1, text
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
                    or "," in candidate or LETTER_ITEM.match(candidate)
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

    body_size: float | None = None
    body_weight: int | None = None
    short_line: float = 42


def read_structure(lines: list[Line]) -> Skeleton:
    content = [ln for ln in lines if not ln.noise]
    texts = [ln for ln in content if ln.text]
    blank = len(content) - len(texts)
    # Text extracted with a blank line after every line: blanks then say nothing.
    blank_is_break = blank < 0.35 * max(len(texts), 1)
    ordered = logical_order([ln for ln in content if ln.text or blank_is_break])
    reader = _Reader(ordered, blank_is_break)
    sizes = sorted(ln.font_size for ln in texts if ln.font_size)
    reader.body_size = sizes[len(sizes) // 2] if sizes else None
    weights = sorted(ln.font_weight for ln in texts if ln.font_weight and ln.font_weight > 0)
    reader.body_weight = weights[len(weights) // 2] if weights else None
    lengths = sorted(len(ln.text) for ln in texts if len(ln.text) > 20)
    if lengths:
        reader.short_line = 0.88 * lengths[len(lengths) // 2]
    return reader.read()
