"""German deadline phrases resolved to the last day they allow.

"bis 2022" -> 2022-12-31, "bis Ende Juni 2024" -> 2024-06-30, "Mitte 2026" ->
2026-06-30, "bis zum dritten Quartal 2026" -> 2026-09-30, "in den kommenden
fünf Jahren" -> the document's year + 5. dateparser does not read these
("bis Ende 2024"), so the grammar is written here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from leitstand.ingest.numbers import WORDS

MONTHS = {"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
          "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11,
          "dezember": 12}
ORDINALS = {"ersten": 1, "erste": 1, "1.": 1, "zweiten": 2, "zweite": 2, "2.": 2,
            "dritten": 3, "dritte": 3, "3.": 3, "vierten": 4, "vierte": 4, "4.": 4}
YEAR = r"(?P<year>(?:19|20)\d{2})"
MONTH = r"(?P<month>" + "|".join(MONTHS) + ")"


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


PATTERNS = [
    (rf"(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.{YEAR}",
     lambda g: dt.date(int(g["year"]), int(g["m"]), int(g["d"]))),
    (rf"(?:Q|Quartal\s*)(?P<q>[1-4])\s*/\s*{YEAR}",
     lambda g: _end_of_month(int(g["year"]), 3 * int(g["q"]))),
    (rf"(?P<q>ersten|zweiten|dritten|vierten|[1-4]\.)\s+Quartal(?:s)?\s+(?:des\s+Jahres\s+)?{YEAR}",
     lambda g: _end_of_month(int(g["year"]), 3 * ORDINALS[g["q"]])),
    (rf"(?:H(?P<h>[12])\s*/\s*|(?P<h2>ersten|zweiten|[12]\.)\s+Halbjahr(?:es)?\s+){YEAR}",
     lambda g: _end_of_month(int(g["year"]), 6 * (int(g["h"]) if g["h"]
                                                   else ORDINALS[g["h2"]]))),
    (rf"Mitte\s+(?:des\s+Jahres\s+)?{YEAR}", lambda g: dt.date(int(g["year"]), 6, 30)),
    (rf"Anfang\s+(?:des\s+Jahres\s+)?{YEAR}", lambda g: dt.date(int(g["year"]), 3, 31)),
    (rf"(?:Ende|Anfang|Mitte)?\s*{MONTH}\s+{YEAR}",
     lambda g: _end_of_month(int(g["year"]), MONTHS[g["month"].lower()])),
    (rf"(?:bis|Ende|zum|im\s+Jahr|spätestens|ab|in)\s+(?:zum\s+)?(?:Ende\s+)?(?:des\s+Jahres\s+)?{YEAR}",
     lambda g: dt.date(int(g["year"]), 12, 31)),
]
RELATIVE = re.compile(
    r"(?:in\s+den\s+(?:kommenden|nächsten)|innerhalb\s+(?:der\s+nächsten|von))\s+"
    r"(?P<n>\w+)\s+Jahre(?:n)?", re.I)
_COMPILED = [(re.compile(p, re.I), f) for p, f in PATTERNS]


def find_deadline(text: str, doc_year: int | None = None) -> tuple[str | None, tuple | None]:
    """The deadline a sentence names (ISO date) and where it stands; (None, None) if none."""
    best = None
    for pattern, resolve in _COMPILED:
        for match in pattern.finditer(text):
            try:
                day = resolve(match.groupdict())
            except (ValueError, KeyError):
                continue
            if best is None or match.start() < best[1][0]:
                best = (day, (match.start(), match.end()))
        if best:
            break
    relative = RELATIVE.search(text)
    if relative and doc_year and (best is None or relative.start() < best[1][0]):
        n = WORDS.get(relative.group("n").lower())
        if n is None and relative.group("n").isdigit():
            n = int(relative.group("n"))
        if n:
            best = (dt.date(doc_year + int(n), 12, 31), relative.span())
    if best is None:
        return None, None
    return best[0].isoformat(), best[1]


def resolve_deadline(text: str, doc_year: int | None = None) -> str | None:
    return find_deadline(text, doc_year)[0]
