"""German deadline phrases resolved to the day they name.

Closing deadlines give the last day they allow: "bis 2022" -> 2022-12-31, "bis zum Jahr
2030", "im Jahr 2030", "Zielwert 2024" -> the year's last day, "bis Ende Juni 2024" ->
2024-06-30, "Mitte 2026" -> 2026-06-30, "bis zum dritten Quartal 2026" -> 2026-09-30, "in
den kommenden fünf Jahren" -> the document's year + 5. Opening deadlines give the first day
the target applies: "ab 2027" -> 2027-01-01, "nach 2027" -> 2028-01-01, "zum 1. Juli 2027"
-> 2027-07-01. dateparser does not read these ("bis Ende 2024"), so the grammar is written
here.
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


SEASONS = {"frühjahr": 5, "frühling": 5, "sommer": 8, "herbst": 11}
_OPEN = r"(?:ab|seit|beginnend|zum|vom|mit\s+Wirkung\s+zum)"


PATTERNS = [
    # opening deadlines first: they are the more specific reading of "ab", "nach", "zum 1."
    (rf"\b(?:ab|zum|am)\s+(?:dem\s+)?(?P<d>\d{{1,2}})\.\s*{MONTH}\s+{YEAR}",
     lambda g: dt.date(int(g["year"]), MONTHS[g["month"].lower()], int(g["d"]))),
    (rf"\b(?:ab|zum|am)\s+(?:dem\s+)?(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.{YEAR}",
     lambda g: dt.date(int(g["year"]), int(g["m"]), int(g["d"]))),
    (rf"\bab\s+(?:dem\s+Jahr(?:e)?\s+|(?:dem\s+)?Jahr\s+|spätestens\s+)?{YEAR}(?!\s*/)",
     lambda g: dt.date(int(g["year"]), 1, 1)),
    (rf"\bnach\s+(?:dem\s+Jahr(?:e)?\s+)?{YEAR}(?!\s*/)",
     lambda g: dt.date(int(g["year"]) + 1, 1, 1)),
    (rf"(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.{YEAR}",
     lambda g: dt.date(int(g["year"]), int(g["m"]), int(g["d"]))),
    (rf"(?P<d>\d{{1,2}})\.\s*{MONTH}\s+{YEAR}",
     lambda g: dt.date(int(g["year"]), MONTHS[g["month"].lower()], int(g["d"]))),
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
    (rf"(?:bis\s+(?:zum\s+|spätestens\s+)?)?(?P<season>Frühjahr|Frühling|Sommer|Herbst)"
     rf"\s+(?:des\s+Jahres\s+)?{YEAR}",
     lambda g: _end_of_month(int(g["year"]), SEASONS[g["season"].lower()])),
    (rf"\b(?:bis|Ende|zum|im|spätestens|in|Zielwert|Zieljahr|Zielmarke|Zielhorizont|für)"
     rf"(?:\s+(?:zum|spätestens|im|zum\s+Ende|Ende|des|dem|das|Jahr(?:e|es)?))*\s+{YEAR}"
     r"(?!\s*/\s*\d|\s*-\s*\d|\s+bis\s+\d)",
     lambda g: dt.date(int(g["year"]), 12, 31)),
]
RELATIVE = re.compile(
    r"(?:in\s+den\s+(?:kommenden|nächsten)|innerhalb\s+(?:der\s+nächsten|von)|"
    r"im\s+Laufe\s+der\s+(?:kommenden|nächsten)|binnen)\s+"
    r"(?:\w+\s+bis\s+)?(?P<n>\w+)\s+Jahre(?:n)?", re.I)
_YEAR_OR_SPAN = re.compile(r"(?:19|20)\d\d|Jahre")
_COMPILED = [(re.compile(p, re.I), f) for p, f in PATTERNS]


def find_deadlines(text: str, doc_year: int | None = None) -> list[tuple[str, tuple, bool]]:
    """Every deadline the text names, in order: (ISO date, span, relative). Where two
    readings overlap, the more specific pattern (earlier in PATTERNS) wins."""
    found: list[tuple[dt.date, tuple[int, int], bool]] = []
    if not _YEAR_OR_SPAN.search(text):
        return []  # no year and no span of years: nothing to resolve
    for pattern, resolve in _COMPILED:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < e and s < span[1] for _, (s, e), _ in found):
                continue
            try:
                day = resolve(match.groupdict())
            except (ValueError, KeyError):
                continue
            found.append((day, span, False))
    for relative in RELATIVE.finditer(text):
        n = WORDS.get(relative.group("n").lower())
        if n is None and relative.group("n").isdigit():
            n = int(relative.group("n"))
        if n and doc_year:
            found.append((dt.date(doc_year + int(n), 12, 31), relative.span(), True))
    found.sort(key=lambda item: item[1][0])
    return [(day.isoformat(), span, rel) for day, span, rel in found]


def find_deadline(text: str, doc_year: int | None = None) -> tuple[str | None, tuple | None]:
    """The first deadline a sentence names (ISO date) and where it stands; (None, None)."""
    found = find_deadlines(text, doc_year)
    if not found:
        return None, None
    return found[0][0], found[0][1]


def resolve_deadline(text: str, doc_year: int | None = None) -> str | None:
    return find_deadline(text, doc_year)[0]
