"""Goals and candidates of a document, from its skeleton's blocks and its lines.

Four rules find goals, each named in `found_by`:

- "goal-marker": a line opening with a marker ("Ziel:", "Zielvorgabe:", "Zielwert:",
  "Mindestziel:") is an explicit goal, with or without a target;
- "goal-table": every row of a goal table (`goal_tables`) is an explicit goal;
- "target-box": the box under a "Zielvorgabe"/"Ziel" label of a measure sheet is an
  explicit goal; each quantified sentence in it is one goal;
- sentences of running text, list items and planned measures pass the goal grammar
  (`goals.classify`: "modal-sentence", "goal-phrase", "noun-target").

A goal's text ends with its sentence, cell, box or paragraph, and its targets come from that
text alone, so no value or date of the next paragraph can slip in.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from leitstand.ingest import goal_tables, goals, pdf_tables, targets
from leitstand.ingest.dehyphenate import join_with_offsets

MARKER = re.compile(r"^\s*(?:Unser(?:e)?\s+)?(?:(?:Mindest|Haupt|Teil|Ober)?[Zz]iel(?:e)?|"
                    r"Zielvorgabe|Zielwert|Zielmarke|Zielsetzung|Zielgröße|Mindestziel)"
                    r"(?:\s+\d{4})?\s*:\s*", re.I)
BOX_LABEL = re.compile(r"^\s*(?:Zielvorgabe|Zielsetzung|Ziele?|Zielwert|Zielgröße)\b[^.]{0,80}$")
_LABEL_LINE = re.compile(r"^[A-ZÄÖÜ][\wäöüß&/ -]{1,40}\??$")
_NOT_IN_BOX = ("header", "page_number", "footnote", "toc")


@dataclass
class Found:
    goals: list = field(default_factory=list)
    candidates: list = field(default_factory=list)
    taken_lines: set = field(default_factory=set)


def _entry(section, group, explicit, text, line, page, found_by, confidence, found,
           year_text="") -> dict:
    return {"id": "", "section": section, "group": group, "explicit": explicit,
            "text": text.strip(), "line": line, "page": page,
            "horizon": targets.horizon(year_text or text), "targets": found,
            "confidence": confidence, "found_by": found_by}


def _locate(lines):
    text, starts = join_with_offsets([ln.raw for ln in lines])

    def at(offset):
        index = max(bisect.bisect_right(starts, offset) - 1, 0)
        return lines[index]
    return text, at


# -- target boxes of measure sheets ---------------------------------------------------------
def _box_lines(lines, start: int):
    """The lines of the box under the label at `start`: after the label's question, up to the
    next form label, a blank line in a text, a new page or 16 lines."""
    label = lines[start]
    open_question = bool(re.search(r":\s*(?:Was|Wie|Welche|Wer|Wann|Wo)\b", label.text)) \
        and not label.text.endswith("?")
    skipped, body, i = 0, [], start + 1
    while i < len(lines) and len(body) < 16:
        line = lines[i]
        i += 1
        if line.page != label.page:
            break
        if line.noise in _NOT_IN_BOX:
            continue
        text = line.text
        if not text:
            if body:
                break
            continue
        if open_question and not body and skipped < 2:
            skipped += 1  # the rest of the label's question ("erreicht werden?")
            open_question = not text.endswith("?")
            continue
        if body and _LABEL_LINE.match(text) and len(text.split()) <= 3 and \
                not re.search(r"\d", text):
            break
        body.append(line)
    return body


def _is_box_label(text: str) -> bool:
    if not BOX_LABEL.match(text):
        return False
    rest = MARKER.sub("", text).strip()
    if MARKER.match(text) and len(rest) > 25 and "?" not in text and \
            not re.match(r"(?:Was|Wie|Welche\w*|Wer|Wann|Wo|Wozu)\b", rest):
        return False  # a marker line with its goal on it: the block pass reads it
    return ":" in text or "?" in text or \
        re.fullmatch(r"\s*(?:Zielvorgabe|Zielwerte?|Zielgröße)\s*", text) is not None


def target_boxes(lines, section_of, year) -> Found:
    found = Found()
    for index, line in enumerate(lines):
        if not _is_box_label(line.text):
            continue
        body = _box_lines(lines, index)
        if not body:
            continue
        section = section_of(body[0])
        found.taken_lines.update(ln.number for ln in body)
        found.taken_lines.add(line.number)
        quantified = []
        for item in _items(body):
            text, at = _locate(item)
            for sentence, offset in goals.sentences(text):
                for part, extra in _label_parts(sentence):
                    found_targets = [t for t in targets.parse_targets(part, year)
                                     if goals.quantified([t])]
                    if found_targets and not _not_a_box_target(part):
                        where = at(offset + extra)
                        quantified.append(_entry(section, None, True, part, where.number,
                                                 where.page, "target-box", 0.9,
                                                 found_targets))
        text = _locate(body)[0]
        if quantified:
            found.goals += quantified
        else:
            found.goals.append(_entry(section, None, True, text, body[0].number, body[0].page,
                                      "target-box", 0.6, []))
    return found


def _items(body):
    """The items of a box: in a PDF an item ends with a line that stops well short of the
    box's right edge (and not on a hyphen); a text box is one item."""
    if not all(ln.layout for ln in body) or len(body) < 2:
        return [body]
    right = max(ln.layout.x1 for ln in body)
    left = min(ln.layout.x0 for ln in body)
    items, current = [], []
    for line in body:
        current.append(line)
        short = line.layout.x1 < right - 0.2 * (right - left)
        if short and not line.raw.rstrip().endswith(("-", ",", "\ufffe", "\u00ad")):
            items.append(current)
            current = []
    if current:
        items.append(current)
    return items


def _label_parts(sentence: str):
    """ "Ökostrom: Steigerung … Öko-Gas: Steigerung …": one part per label in a box."""
    marks = [m.start() for m in re.finditer(r"(?:(?<=\s)|^)[A-ZÄÖÜ][\w-]{2,30}:\s", sentence)]
    if len(marks) < 2:
        yield sentence, 0
        return
    bounds = marks + [len(sentence)]
    if bounds[0] > 0:
        yield sentence[:bounds[0]], 0
    for a, b in zip(bounds, bounds[1:], strict=False):
        yield sentence[a:b].strip(), a


def _not_a_box_target(text: str) -> bool:
    """A measured potential or a past figure standing in a target box."""
    aim = re.search(r"\b(?:soll|sollen|wollen|will|Ziel\w*|Mindestziel|angestrebt\w*)\b",
                    text) or targets.DIRECTION.search(text)
    if goals.PAST.search(text) and not aim:
        return True
    return bool(re.search(r"(?:Potenzial|Potential)\w*\b", text)) and not aim


# -- tables -----------------------------------------------------------------------------------
def table_goals(lines, section_of, year) -> Found:
    """Rows of every goal table among the input lines (whatever blocks the skeleton made of
    them): the header names the columns, each following row with the same separator is a
    goal whose text is its goal cell."""
    found = Found()
    content = [ln for ln in lines if ln.text and ln.noise not in _NOT_IN_BOX]
    index = 0
    while index < len(content):
        raw = content[index].raw
        sep = goal_tables.separator(raw) if "Ziel" in raw or "ziel" in raw else None
        if sep is None or goal_tables.roles(goal_tables.split(raw, sep)) is None:
            index += 1
            continue
        end = index + 1
        while end < len(content) and goal_tables.separator(content[end].raw) == sep:
            end += 1
        rows = goal_tables.read_table([ln.raw for ln in content[index:end]]) or []
        found.taken_lines.add(content[index].number)
        for offset, cells in rows:
            line = content[index + offset]
            target = goal_tables.row_target(cells, year)
            text = cells.get("text") or cells.get("metric") or line.text
            found.taken_lines.add(line.number)
            found.goals.append(_entry(section_of(line), None, True, text, line.number,
                                      line.page, "goal-table", 0.95,
                                      target["targets"] if target else [], year_text=line.text))
        index = end
    return found


def pdf_table_goals(path, lines, section_of, year) -> Found:
    """Goal tables of a PDF set without separators (see pdf_tables): read from the
    characters' positions on each page whose text has such a header."""
    found = Found()
    pages = sorted({ln.page for ln in lines if ln.page and pdf_tables.header_words(ln.text)})
    if not pages:
        return found
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        for page in pages:
            on_page = [ln for ln in lines if ln.page == page and ln.text]
            for first, cells in pdf_tables.read_page(pdf[page - 1].get_textpage()):
                key = " ".join(first.split())[:24]
                line = next((ln for ln in on_page if ln.text.startswith(key)), None)
                if line is None:
                    continue
                target = goal_tables.row_target(cells, year)
                found.taken_lines.add(line.number)
                found.goals.append(_entry(section_of(line), None, True,
                                          cells.get("text") or cells.get("metric") or first,
                                          line.number, page, "goal-table", 0.9,
                                          target["targets"] if target else [],
                                          year_text=first))
            # the table's other lines (wrapped cells) are no running text either
            rows = sorted(g["line"] for g in found.goals if g["page"] == page)
            if rows:
                found.taken_lines.update(ln.number for ln in on_page
                                         if rows[0] <= ln.number <= rows[-1] + 2)
    finally:
        pdf.close()
    return found


def seed_table_goal(block, year) -> dict:
    """A row under a "Ziel | …" header, as the skeleton hands it over (cells by name)."""
    cells = {}
    for name, value in block.cells.items():
        cells.setdefault(goal_tables.role_of(name) or name, value)
    if "text" not in cells and "ziel" in block.cells:
        cells["text"] = block.cells["ziel"]
    target = goal_tables.row_target(cells, year)
    found = target["targets"] if target else []
    for t in found:
        t["metric"] = block.cells.get("indikator") or t["metric"]
    return _entry(block.section, block.group, True, block.cells.get("ziel", block.text),
                  block.line, block.page, "goal-table", 0.95, found)


# -- marker lines and running text --------------------------------------------------------------
def marker_goal(block, text, year) -> dict:
    """The goal a marker opens ("Ziel: …"): its sentence (a marker line of a text is one
    goal; what follows in the paragraph is running text)."""
    body = MARKER.sub("", text, count=1)
    found = targets.parse_targets(body, year)
    return _entry(block.section, block.group, True, body, block.line, block.page,
                  "goal-marker", 0.9 if goals.quantified(found) else 0.7, found,
                  year_text=text)


def split_marker(text: str) -> tuple[str, str]:
    """The marker's own sentence and the rest of its paragraph."""
    pieces = goals.sentences(text)
    if len(pieces) < 2 or len(pieces[0][0]) < 25:
        return text, ""
    return text[:pieces[1][1]].strip(), text[pieces[1][1]:]


def sentence_goals(block, text, line_of, page_of, year, taken, context="", start=0) -> Found:
    found = Found()
    for sentence, offset in goals.sentences(text):
        if offset < start:
            continue
        line = line_of(offset)
        if line in taken:
            continue
        verdict = goals.classify(sentence, year, context)
        if verdict.kind == "none":
            continue
        clean = re.sub(r"^\s*(?:[•●▪■◦\-–—*]|\uf0b7|\uf0a7)\s*", "", sentence)
        entry = _entry(block.section, block.group, False, clean, line, page_of(offset),
                       verdict.found_by, verdict.confidence, verdict.targets or [])
        if verdict.kind == "goal":
            found.goals.append(entry)
        else:
            entry["reason"] = verdict.reason
            found.candidates.append(entry)
    return found
