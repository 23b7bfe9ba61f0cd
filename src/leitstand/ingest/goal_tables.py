"""Goal tables: a header row names the columns, every further row is one explicit goal.

Columns may come in any order and with extra columns (number, responsible unit, costs);
cells are separated by "|", ";" or tabs. A table is a goal table when one header cell
names a goal column (Ziel, Zielwert, Zieljahr, Zielgröße …); a table of measured values
("Indikator | Wert | Stand") is not. The row's target comes from its own cells only: the
value cell (with its comparator words: "mind.", "höchstens", "minus", "bis zu"), the unit
cell, the deadline cell and the baseline cell.
"""

from __future__ import annotations

import re

from leitstand.ingest import targets as target_grammar
from leitstand.ingest.dates import find_deadlines
from leitstand.ingest.numbers import UNITS

ROLES = [
    ("value", re.compile(r"^(?:ziel)?(?:wert|größe|marke|vorgabe)\b|^soll(?:wert)?\b|"
                         r"^zielwert", re.I)),
    ("deadline", re.compile(r"^(?:frist|zieljahr|termin|zeitpunkt|bis\b|jahr\b|zeitraum|"
                            r"erreichen\s+bis|zeithorizont)", re.I)),
    ("baseline", re.compile(r"^(?:basis|bezugs|vergleichs|ausgangs)(?:jahr)?", re.I)),
    ("unit", re.compile(r"^(?:einheit|maßeinheit)", re.I)),
    ("metric", re.compile(r"^(?:indikator|kennzahl|messgröße|kennwert)", re.I)),
    ("text", re.compile(r"^(?:ziel|ziele|handlungsziel|zielbeschreibung|teilziel|"
                        r"strategisches\s+ziel)\b", re.I)),
]
SEPARATORS = ("|", ";", "\t")
_EMPTY = re.compile(r"^[\s–—\-/]*$|^(?:k\.\s?a\.|n\.\s?a\.|entfällt|laufend|offen|keine?)$",
                    re.I)
_MINUS = re.compile(r"^\s*(?:minus|−|-)\s*(?=\d)", re.I)


def separator(line: str) -> str | None:
    """The cell separator of a table line, or None where the line is no table row."""
    for sep in SEPARATORS:
        if line.count(sep) >= 2:
            return sep
    return None


def split(line: str, sep: str) -> list[str]:
    cells = [c.strip() for c in line.strip().split(sep)]
    if sep == "|" and line.strip().startswith("|"):
        cells = cells[1:]
    if sep == "|" and line.strip().endswith("|"):
        cells = cells[:-1]
    return cells


def role_of(name: str) -> str | None:
    """The role of a column from its header cell: value, deadline, baseline, unit, metric,
    text; None for other columns (number, responsible unit, costs)."""
    name = name.strip().lower().replace("\u00ad", "")
    return next((role for role, pattern in ROLES if pattern.search(name)), None)


def roles(header: list[str]) -> dict[str, int] | None:
    """Column index of each role, or None where the header names no goal column."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        role = role_of(cell)
        if role is not None and role not in found:
            found[role] = index
    goal_column = any(cell.strip().lower().startswith("ziel") for cell in header)
    if not goal_column or not ({"value", "text"} & set(found)):
        return None
    return found


def _unit(cell: str) -> tuple[str | None, str | None]:
    """Unit and per-year of a unit cell: "%" -> percent, "kWh/m² im Jahr" -> kWh/m², year."""
    text = cell.strip()
    if not text or _EMPTY.match(text):
        return None, None
    per = None
    stripped = re.sub(r"\s*(?:/\s*(?:a|Jahr)|(?:pro|je|im)\s+Jahr|p\.\s?a\.)\s*$", "", text,
                      flags=re.I)
    if stripped != text:
        per, text = "year", stripped
    if text in ("%", "Prozent", "v. H.", "vH"):
        return "percent", per
    if re.fullmatch(r"(?:€|EUR|Euro)", text, re.I):
        return "EUR", per
    if re.fullmatch(r"Rang|Platz", text, re.I):
        return "rank", per
    head, _, tail = text.partition("/")
    symbol = UNITS.get(head.strip().lower())
    if symbol:
        return symbol + (f"/{tail.strip()}" if tail else ""), per
    if text.lower().startswith(("der ", "des ", "aller ", "von ")):
        return None, per  # "ein Viertel | der Busflotte": a share
    return text, per


def _value_phrase(value_cell: str, unit: str | None, unit_cell: str) -> str:
    """The value cell with its unit, as running text would say it ("4 800 kWp")."""
    phrase = value_cell
    if unit == "percent" and not re.search(r"%|Prozent", value_cell):
        phrase += " %"
    elif unit == "EUR":
        phrase += " Euro"
    elif unit and unit != "rank" and not re.search(r"[A-ZÄÖÜ][a-zäöü]{2}", value_cell):
        phrase += f" {unit_cell}"
    return phrase


def _change_from_text(target: dict, text: str, minus: bool) -> None:
    """ "minus 30 %" or "um den Zielwert senken": a change by the value, at least."""
    direction = target_grammar.DIRECTION.search(text)
    if minus:
        target["change"] = "decrease"
    elif re.search(r"\bum\s+(?:den|die|das)\s+(?:Ziel|Wert)", text) and direction and \
            target["change"] is None:
        target["change"] = "decrease" if direction.group("down") else "increase"
    else:
        return
    target["comparator"] = target["comparator"] or "at_least"


def row_target(cells: dict[str, str], doc_year: int | None) -> dict | None:
    """The target of one row, read from its own cells; None where the row has no value."""
    value_cell = cells.get("value", "")
    unit, per = _unit(cells.get("unit", ""))
    if _EMPTY.match(value_cell or ""):
        value_cell = ""
    minus = _MINUS.match(value_cell)
    if minus:
        value_cell = value_cell[minus.end():]
    deadline_cell = cells.get("deadline", "").strip()
    if re.fullmatch(r"(?:19|20)\d{2}", deadline_cell):
        deadline_cell = f"bis {deadline_cell}"
    phrase = _value_phrase(value_cell, unit, cells.get("unit", ""))
    text = cells.get("text", "") or cells.get("metric", "")
    found = target_grammar.parse_targets(f"{phrase} {text}".strip(), doc_year) if phrase else []
    found = [t for t in found if t["value"] is not None or t["factor"] is not None
             or t["rank"] is not None]
    if not found:
        return None
    deadlines = find_deadlines(deadline_cell, doc_year)
    baseline = re.search(r"(?:19|20)\d{2}", cells.get("baseline", ""))
    for target in found:
        target["deadline"] = deadlines[0][0] if deadlines else None
        target["implied"] = [x for x in target["implied"] if x != "deadline"]
        target["baseline_year"] = int(baseline.group(0)) if baseline else None
        if unit and unit != "percent" and target["unit"] in ("count", None) \
                and target["value"] is not None:
            target["unit"] = unit
        target["per"] = per or target["per"]
        _change_from_text(target, text, bool(minus))
        target["metric"] = cells.get("metric") or cells.get("text") or target["metric"]
    return {"targets": found}


def read_table(lines: list[str]) -> list[tuple[int, dict[str, str]]] | None:
    """Rows of a goal table (index into lines, cells by role), or None if the lines hold
    none. The header is the first separated line with a goal column."""
    for start, line in enumerate(lines):
        sep = separator(line)
        if sep is None:
            continue
        header = split(line, sep)
        mapping = roles(header)
        if mapping is None:
            continue
        rows = []
        for index in range(start + 1, len(lines)):
            if separator(lines[index]) != sep:
                break
            cells = split(lines[index], sep)
            if set("".join(cells)) <= set("-:| "):
                continue  # a Markdown rule line
            rows.append((index, {role: cells[i] if i < len(cells) else ""
                                 for role, i in mapping.items()}))
        return rows
    return None
