"""Goal tables set as PDF tables: no separators in the text, cells told apart by position.

A page's text line whose words name goal columns (Ziel, Zielwert, Frist, Einheit, Basisjahr
…, at least three of them) is a table header; its words' left edges are the column starts.
Every character of the lines below is put into the column whose start lies left of it; a
row begins where the first column has text and ends before the next such line; the table
ends at a line that starts left of the first column, a footnote, a caption or a numbered
heading. The cells then go the way of a text table's (`goal_tables`). The characters'
boxes come from pdfium, read once per page that has such a header.
"""

from __future__ import annotations

import re

from leitstand.ingest import goal_tables

_ROLE_WORD = re.compile(r"^(?:Ziel\w*|Frist|Termin|Einheit|Basisjahr|Bezugsjahr|Indikator|"
                        r"Kennzahl|Zuständig\w*|Nr\.?|Kosten\S*|Maßnahme|Sollwert)$")
_STOP = re.compile(r"^\s*(?:[¹²³⁴⁵*]|\d{1,2}(?:\.\d+)*\s+[A-ZÄÖÜ]|Tabelle\b|Abbildung\b|"
                   r"Quelle\b)")


def header_words(text: str) -> bool:
    """Whether a line of text reads like the header of a goal table without separators."""
    words = text.split()
    known = [w for w in words if _ROLE_WORD.match(w)]
    return len(known) >= 3 and any(w.startswith("Ziel") for w in known) and \
        goal_tables.separator(text) is None


def _lines_with_boxes(textpage):
    """(text, [(char, x0)]) for each line of a page's text as pdfium reads it."""
    text = textpage.get_text_range()
    result, current = [], []
    for index, char in enumerate(text):
        if char in "\r\n":
            if current:
                result.append(current)
            current = []
            continue
        x0 = textpage.get_charbox(index)[0]
        current.append((char, x0))
    if current:
        result.append(current)
    return [("".join(c for c, _ in chars), chars) for chars in result]


def _columns(chars) -> list[tuple[str, float]]:
    """Header words and their left edges."""
    words, word, start = [], "", None
    for char, x0 in chars + [(" ", 0.0)]:
        if char.isspace():
            if word:
                words.append((word, start))
            word, start = "", None
        else:
            word += char
            start = x0 if start is None else start
    # a word that opens with "(" or a lower-case letter continues the header cell before it
    merged: list[tuple[str, float]] = []
    for word, x0 in words:
        if merged and (word[:1] in "(" or word[:1].islower()):
            merged[-1] = (merged[-1][0] + " " + word, merged[-1][1])
        else:
            merged.append((word, x0))
    return merged


def _cells(chars, starts: list[float]) -> list[str]:
    cells = [""] * len(starts)
    for char, x0 in chars:
        column = max((i for i, s in enumerate(starts) if x0 >= s - 2.5), default=0)
        cells[column] += char
    return [" ".join(c.split()) for c in cells]


def read_page(textpage) -> list[tuple[str, dict[str, str]]]:
    """(first line of the row, cells by role) for every row of every goal table on a page."""
    lines = _lines_with_boxes(textpage)
    rows: list[tuple[str, dict[str, str]]] = []
    index = 0
    while index < len(lines):
        text, chars = lines[index]
        if not header_words(text):
            index += 1
            continue
        columns = _columns(chars)
        mapping = goal_tables.roles([name for name, _ in columns])
        starts = [x0 for _, x0 in columns]
        index += 1
        if mapping is None:
            continue
        current: list[list[str]] | None = None
        first_line = ""
        while index < len(lines):
            text, chars = lines[index]
            if not chars or chars[0][1] < starts[0] - 6 or _STOP.match(text) or \
                    header_words(text):
                break
            cells = _cells(chars, starts)
            if current is None and not any(cells[i] for i in mapping.values()):
                index += 1  # the header's own second line ("EUR)")
                continue
            if cells[0] or current is None:
                if current is not None:
                    rows.append((first_line, _by_role(current, mapping)))
                current, first_line = [[c] for c in cells], text
            else:
                for column, cell in zip(current, cells, strict=False):
                    column.append(cell)
            index += 1
        if current is not None:
            rows.append((first_line, _by_role(current, mapping)))
    return rows


def _by_role(columns: list[list[str]], mapping: dict[str, int]) -> dict[str, str]:
    joined = [" ".join(part for part in column if part) for column in columns]
    return {role: joined[i] if i < len(joined) else "" for role, i in mapping.items()}
