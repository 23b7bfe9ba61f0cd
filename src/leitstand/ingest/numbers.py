"""German numbers and amounts: "1.000", "2,5", "eine halbe Milliarde", "150 Mio. Euro".

Written by hand because the libraries at hand stop short: text2num cannot read
"eine halbe Milliarde", and none reads "€ 40 Mio." or German grouping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORDS = {
    "null": 0, "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eins": 1,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "fünfzehn": 15, "zwanzig": 20,
    "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100, "einhundert": 100,
    "tausend": 1000, "halbe": 0.5, "halben": 0.5, "eineinhalb": 1.5, "anderthalb": 1.5,
    "zweieinhalb": 2.5, "doppelt": 2,
}
SCALES = {
    "tsd": 1e3, "tausend": 1e3, "mio": 1e6, "million": 1e6, "millionen": 1e6,
    "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9, "bio": 1e12, "billion": 1e12,
    "billionen": 1e12,
}
DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
WORD_NUM = r"\b(?:eine?[nmr]?\s+halbe[n]?|" + "|".join(
    sorted((w for w in WORDS if w not in ("halbe", "halben")), key=len, reverse=True)) + r")"
SCALE = (r"(?:Tsd\.|Tausend|Mio\.|Millionen|Million|Mrd\.|Milliarden|Milliarde|Bio\.|Billionen"
         r"|Billion)")
CURRENCY = r"(?:Euro|EUR|€)"
PERCENT = r"(?:%|Prozent)"


def parse_digits(text: str) -> float | None:
    """German digits: '.' groups thousands, ',' separates decimals."""
    text = text.strip()
    if not re.fullmatch(DIGITS, text):
        return None
    return float(text.replace(".", "").replace(",", "."))


def parse_words(text: str) -> float | None:
    """'eine halbe' -> 0.5, 'zwei' -> 2; None where the words are no number."""
    words = text.lower().split()
    if len(words) == 2 and words[0] in ("ein", "eine", "einen", "einem", "einer") \
            and words[1] in ("halbe", "halben"):
        return 0.5
    if len(words) == 1 and words[0] in WORDS:
        return float(WORDS[words[0]])
    return None


def parse_number(text: str) -> float | None:
    """A number with an optional scale word: '150 Mio.' -> 150e6, 'eine halbe Milliarde'."""
    match = re.fullmatch(rf"\s*({DIGITS}|{WORD_NUM})(?:\s+({SCALE}))?\s*", text, re.I)
    if not match:
        return None
    base = parse_digits(match.group(1))
    if base is None:
        base = parse_words(match.group(1))
    if base is None:
        return None
    if match.group(2):
        base *= SCALES[match.group(2).lower().rstrip(".")]
    return base


def format_german(value: float, decimals: int = 2) -> str:
    """The inverse of parse_digits, for round-trip tests and display."""
    text = f"{value:,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


@dataclass
class Quantity:
    text: str
    value: float
    unit: str
    noun: str | None
    start: int
    end: int


NUM = rf"(?:{DIGITS}|{WORD_NUM})(?:\s+{SCALE})?"
_MONEY = re.compile(
    rf"(?:(?P<cur1>{CURRENCY})\s*(?P<n1>{NUM})|(?P<n2>{NUM})\s*(?P<cur2>{CURRENCY}))(?!\w)",
    re.I)
_PERCENT = re.compile(rf"(?P<n>{DIGITS})\s*(?P<p>{PERCENT})(?!\w)")
_SCALED = re.compile(rf"(?P<n>{DIGITS}|{WORD_NUM})\s+(?P<s>{SCALE})(?!\w)", re.I)
_COUNTED = re.compile(
    rf"(?<![\w.,])(?P<n>{DIGITS})\s+(?P<adj>(?:[a-zäöüß][\w-]*\s+){{0,3}})"
    r"(?P<noun>[A-ZÄÖÜ][\w-]*(?:[ -][A-ZÄÖÜ][\w-]*)?)")
_NUMBER_WORDS = frozenset(WORDS)
_MONTHS = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember", "Quartal", "Halbjahr"}


def _is_year(text: str, value: float) -> bool:
    return re.fullmatch(r"\d{4}", text.strip()) is not None and 1900 <= value <= 2100


def find_quantities(text: str) -> list[Quantity]:
    """Every amount of money, percentage, scaled number or counted noun, in order."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    if not any(c.isdigit() for c in text) and \
            not _NUMBER_WORDS.intersection(text.lower().split()):
        return found  # most sentences have no number at all: skip the patterns

    def free(start, end):
        return all(end <= s or start >= e for s, e in taken)

    def add(match, value, unit, noun=None, end=None):
        end = end if end is not None else match.end()
        if value is None or not free(match.start(), end):
            return
        taken.append((match.start(), end))
        found.append(Quantity(text[match.start():end].strip(), value, unit, noun,
                              match.start(), end))

    for m in _MONEY.finditer(text):
        add(m, parse_number(m.group("n1") or m.group("n2")), "EUR")
    for m in _PERCENT.finditer(text):
        add(m, parse_digits(m.group("n")), "percent")
    for m in _SCALED.finditer(text):
        add(m, parse_number(m.group(0)), "count")
    for m in _COUNTED.finditer(text):
        value = parse_digits(m.group("n"))
        noun = m.group("noun")
        if value is None or _is_year(m.group("n"), value) or noun.split()[0] in _MONTHS:
            continue
        add(m, value, "count", noun)
    found.sort(key=lambda q: q.start)
    return found
