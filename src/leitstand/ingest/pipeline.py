"""From a file to the document model `leitstand.document/2`: read, clean, structure, parse."""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from leitstand.ingest import goal_reader, language, orgs, reader, textlines, toc
from leitstand.ingest.dehyphenate import join_with_offsets
from leitstand.ingest.headings import split_number
from leitstand.ingest.numbers import find_quantities
from leitstand.ingest.structure import Block, read_structure

SCHEMA = "leitstand.document/2"
_YEAR_HINTS = [
    re.compile(r"\b(?P<y>20\d{2})er\s+(?:Update|Fassung|Fortschreibung|Ausgabe|Strategie)"),
    re.compile(r"(?:Kabinettbeschluss(?:es)?|Beschluss(?:\s+de[rs]\s+\w+)?|Stand|Fassung)"
               r"\s*(?:vom|:)?\s*"
               r"(?:\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜ][a-zäöü]+)\s*|[A-ZÄÖÜ][a-zäöü]+\s+)?"
               r"(?P<y>20\d{2})"),
    re.compile(r"(?:©|Copyright)\s*(?P<y>20\d{2})"),
]


def ingest_path(path: str | Path, max_pages: int | None = None) -> dict:
    source = reader.read(path, max_pages=max_pages)
    return build(source)


def ingest_text(text: str, name: str = "<text>") -> dict:
    import hashlib

    raw = text.encode("utf-8")
    chunks = text.split("\f")
    pages = [reader.Page(i + 1, c) for i, c in enumerate(chunks)]
    fmt = "markdown" if reader.is_markdown(text) else "text"
    source = reader.Source(name, hashlib.sha256(raw).hexdigest(), fmt, pages,
                           len(pages) if len(pages) > 1 else None)
    return build(source)


def _locator(block_lines):
    """Text of a block and a function from an offset in it to the input line number."""
    text, starts = join_with_offsets([ln.raw for ln in block_lines])

    def line_of(offset: int) -> int:
        index = max(bisect.bisect_right(starts, offset) - 1, 0)
        return block_lines[index].number

    def page_of(offset: int):
        index = max(bisect.bisect_right(starts, offset) - 1, 0)
        return block_lines[index].page

    return text, line_of, page_of


def document_year(lines) -> int | None:
    head = " ".join(ln.text for ln in lines[:4000])
    for pattern in _YEAR_HINTS:
        match = pattern.search(head)
        if match:
            return int(match.group("y"))
    return None


def document_title(lines) -> str | None:
    """The running title of the pages, else the first line when it looks like a title."""
    from collections import Counter

    headers = Counter()
    for line in lines:
        if line.noise == "header":
            match = textlines._TITLE_WITH_PAGE.match(line.text)
            title = match.group("title").strip() if match else line.text
            if re.search(r"[^\W\d_]{3}", title) and not textlines._PAGE_NUMBER.match(title):
                headers[title] += 1  # a running title, never a page number ("Seite 3")
    if headers:
        return headers.most_common(1)[0][0]
    return None


def cover_title(lines) -> str | None:
    """A PDF's title: the largest text of its first page with text (the cover), its lines
    joined; never a page number or a line of digits."""
    first = next((ln.page for ln in lines if ln.text and ln.layout), None)
    cover = [ln for ln in lines if ln.page == first and ln.layout and ln.text
             and ln.noise not in ("page_number", "header")
             and re.search(r"[^\W\d_]{2}", ln.text)]
    if not cover:
        return None
    size = max(ln.layout.size for ln in cover)
    if size < 1.3 * sorted(ln.layout.size for ln in cover)[len(cover) // 2] and len(cover) > 3:
        return None  # no text on the first page stands out: no cover
    parts = [ln.text for ln in cover if abs(ln.layout.size - size) < 0.5]
    if split_number(parts[0])[0] is not None:
        return None  # the first page opens with a numbered chapter: there is no cover
    return " ".join(parts)[:200].strip() or None


def layout_info(source: reader.Source, lines) -> dict:
    """Table of contents, language and warnings: what reading the layout found out."""
    entries = toc.find(lines)
    text = "\n".join(ln.text for ln in lines if ln.text and not ln.noise)
    lang = language.detect(text)
    warnings = [w for w in [language.warning(lang)] if w]
    return {"toc": entries, "language": lang or "und", "warnings": warnings}


def build(source: reader.Source) -> dict:
    lines = textlines.split_lines(source)
    info = layout_info(source, lines)
    skeleton = read_structure(lines, markdown=source.format == "markdown",
                              toc_keys={toc.key(e["title"]) for e in info["toc"]})
    year = document_year(lines)
    doc = {
        "schema": SCHEMA,
        "source": {"path": source.path, "sha256": source.sha256, "format": source.format,
                   "pages": source.page_count},
        "title": cover_title(lines) or document_title(lines),
        "language": info["language"],
        "warnings": info["warnings"],
        "toc": info["toc"],
        "year": year,
        "sections": [vars(s) | {} for s in skeleton.sections],
        "measures": [], "goals": [], "lists": [], "quantities": [], "organisations": [],
    }
    org_inputs = []
    for block in skeleton.blocks:
        text, line_of, page_of = _locator(block.lines)
        org_inputs.append((text, line_of))
        quantities = [_quantity(q, line_of, page_of)
                      for q in find_quantities(text, words=False)]
        doc["quantities"].extend(quantities)
        if block.kind == "measure":
            doc["measures"].append(_measure(block, text, quantities, skeleton,
                                            len(doc["measures"]) + 1))
    _read_goals(doc, lines, skeleton, year)
    measure_orgs = {}
    for org in orgs.collect(org_inputs):
        entry = {"name": org.name, "lines": sorted(org.lines)}
        if org.aliases:
            entry["aliases"] = org.aliases
        doc["organisations"].append(entry)
        for line in org.lines:
            measure_orgs.setdefault(line, []).append(org.name)
    for measure in doc["measures"]:
        lines_of_measure = measure.pop("_lines")
        names = []
        for line in lines_of_measure:
            names += [n for n in measure_orgs.get(line, []) if n not in names]
        measure["organisations"] = names
    doc["lists"] = [{"id": lst["id"], "section": lst["section"], "title": lst["title"],
                     "line": lst["line"], "page": lst["page"], "items": lst["items"]}
                    for lst in skeleton.lists]
    return doc


def _quantity(q, line_of, page_of) -> dict:
    return {"text": q.text, "value": q.value, "unit": q.unit, "noun": q.noun,
            "line": line_of(q.start), "page": page_of(q.start)}


def _in_review(block: Block, skeleton) -> bool:
    return _status(block, skeleton) == "done"


def _status(block: Block, skeleton) -> str | None:
    """"done" inside a review section, "planned" inside next steps (nearest one wins)."""
    by_id = getattr(skeleton, "by_id", None)
    if by_id is None or len(by_id) != len(skeleton.sections):
        by_id = skeleton.by_id = {s.id: s for s in skeleton.sections}  # asked once per block
    section = by_id.get(block.section)
    while section is not None:
        if section.kind == "review":
            return "done"
        if section.kind == "next_steps":
            return "planned"
        section = by_id.get(section.parent)
    return None


def _measure(block: Block, text: str, quantities, skeleton, number) -> dict:
    body = re.sub(r"^\s*(?:[a-z]|\d{1,2})[.)]\s+", "", text) if block.label else \
        re.sub(r"^\s*(?:[•●▪■◦\-–—]|\uf0b7)\s*", "", text)
    return {"id": f"m{number}", "section": block.section, "group": block.group,
            "label": block.label, "status": _status(block, skeleton), "text": body.strip(),
            "line": block.line, "page": block.page, "quantities": quantities,
            "organisations": [], "_lines": [ln.number for ln in block.lines]}


def _section_finder(skeleton):
    """The section of a line: that of its block, else the last section opened before it."""
    of_line = {ln.number: b.section for b in skeleton.blocks for ln in b.lines}
    starts = sorted((s.line, s.id) for s in skeleton.sections)
    keys = [line for line, _ in starts]

    def section_of(line) -> str | None:
        if line.number in of_line:
            return of_line[line.number]
        index = bisect.bisect_right(keys, line.number) - 1
        return starts[index][1] if index >= 0 else None
    return section_of


def _runs_on(blocks):
    """Prose blocks whose sentence runs on into the next block ("… einen CO2" + "-Preis von
    …") are read as one, so that a goal sentence is never cut in two."""
    merged = []
    for block in blocks:
        prev = merged[-1] if merged else None
        first = block.lines[0].text[:1]
        if prev is not None and prev.kind == "prose" and block.kind in ("prose", "list_item") and \
                prev.section == block.section and (first.islower() or first in "-–") and \
                not re.search(r"[.!?:;]\W*$", prev.lines[-1].text):
            merged[-1] = Block(prev.kind, prev.lines + block.lines, prev.section, prev.group,
                               prev.label, prev.cells)
            continue
        merged.append(block)
    return merged


def _read_goals(doc: dict, lines, skeleton, year) -> None:
    """Goals and candidates (see goal_reader), numbered in reading order."""
    section_of = _section_finder(skeleton)
    boxes = goal_reader.target_boxes(lines, section_of, year)
    tables = goal_reader.table_goals(lines, section_of, year)
    if doc["source"]["format"] == "pdf":
        pdf_rows = goal_reader.pdf_table_goals(doc["source"]["path"], lines, section_of, year)
        tables.goals += pdf_rows.goals
        tables.taken_lines |= pdf_rows.taken_lines
    found, candidates = boxes.goals + tables.goals, []
    taken = boxes.taken_lines | tables.taken_lines
    for block in _runs_on(skeleton.blocks):
        kept = [ln for ln in block.lines if ln.number not in taken]
        if not kept:
            continue
        text, line_of, page_of = _locator(kept)
        if block.kind == "table_goal":
            found.append(goal_reader.seed_table_goal(block, year))
        elif block.kind == "goal" or goal_reader.MARKER.match(text):
            head, rest = goal_reader.split_marker(text)
            found.append(goal_reader.marker_goal(block, head, year))
            if rest:
                more = goal_reader.sentence_goals(block, text, line_of, page_of, year, taken,
                                                  start=len(head))
                found += more.goals
                candidates += more.candidates
        elif block.kind in ("prose", "list_item", "measure") and \
                not _in_review(block, skeleton):  # a look back holds no goals in its text
            more = goal_reader.sentence_goals(block, text, line_of, page_of, year, taken)
            found += more.goals
            candidates += more.candidates
    found.sort(key=lambda g: g["line"])
    for n, goal in enumerate(found, start=1):
        goal["id"] = f"g{n}"
    for n, candidate in enumerate(candidates, start=1):
        candidate["id"] = f"c{n}"
    doc["goals"], doc["candidates"] = found, candidates
