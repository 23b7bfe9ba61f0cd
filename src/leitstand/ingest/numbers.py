"""German numbers and amounts: "1.000", "7 500", "2,5", "eine halbe Milliarde",
"150 Mio. Euro", "20 bis 25 Prozent", "ein Viertel", "12 von 20 Punkten", "35 GWh/a".

Written by hand because the libraries at hand stop short: text2num cannot read
"eine halbe Milliarde", and none reads "€ 40 Mio.", German grouping with spaces, fractions
as shares or units of measurement. Money is money only where a currency word stands:
"2 Millionen Wärmepumpen" is a count of heat pumps.
"""

from __future__ import annotations

import bisect
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
# thousands grouped by dots, or by (narrow no-break) spaces: "7 500", "12\u202f000"
DIGITS = (r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d])"
          r"|(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d,])"
          r"|\d+(?:,\d+)?")
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
    return float(re.sub(r"[.\s\u00a0\u202f]", "", text).replace(",", "."))


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
    high: float | None = None  # the upper end of a range ("20 bis 25 Prozent")
    per: str | None = None  # "year" for a unit per year ("GWh/a")
    share: bool = False  # a fraction word read as a percentage ("ein Viertel")


NUM = rf"(?:{DIGITS}|{WORD_NUM})(?:\s+{SCALE})?"
_MONEY = re.compile(
    rf"(?:(?P<cur1>{CURRENCY})\s*(?P<n1>{NUM})|(?P<n2>{NUM})\s*(?P<cur2>{CURRENCY}))(?!\w)",
    re.I)
_PERCENT = re.compile(rf"(?P<n>{DIGITS}|(?i:{WORD_NUM}))\s*(?:(?P<p>{PERCENT})(?!\w)"
                      r"|%(?:ige[nmrs]?)?\b|-?prozentige[nmrs]?\b)")
# units of measurement, written out or as symbols -> the usual symbol
UNITS = {"tonnen": "t", "tonne": "t", "t": "t", "kt": "kt", "mt": "Mt", "gigawatt": "GW",
         "megawatt": "MW", "kilowatt": "kW", "gw": "GW", "mw": "MW", "kw": "kW", "kwp": "kWp",
         "mwp": "MWp", "gigawattstunden": "GWh", "megawattstunden": "MWh",
         "kilowattstunden": "kWh", "terawattstunden": "TWh", "gwh": "GWh", "mwh": "MWh",
         "kwh": "kWh", "twh": "TWh", "quadratmeter": "m²", "m²": "m²", "m2": "m²", "qm": "m²",
         "kilometer": "km", "km": "km", "hektar": "ha", "ha": "ha", "kubikmeter": "m³",
         "m³": "m³", "meter": "m"}
_UNIT_WORD = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_PER_YEAR_SUFFIX = (r"(?:\s*/\s*(?:a|Jahr)\b|\s+(?:pro|je)\s+Jahr\b|\s+im\s+Jahr\b(?!\s*\d)"
                    r"|\s+p\.\s?a\.)")
_MEASURE = re.compile(rf"(?P<n>{DIGITS}|{WORD_NUM})(?:\s+(?P<s>{SCALE}))?\s*"
                      rf"(?P<u>{_UNIT_WORD})(?![\w²³])"
                      r"(?P<area>/\s*(?:m²|m2|qm|Einwohner\w*|EW|Kopf)(?![\w²]))?"
                      rf"(?:\s*CO2(?:-?(?:eq|Äq\w*))?\b)?"
                      rf"(?P<per>{_PER_YEAR_SUFFIX})?", re.I)
_SCALED = re.compile(rf"(?P<n>{DIGITS}|{WORD_NUM})\s+(?P<s>{SCALE})(?!\w)"
                     r"(?:\s+(?P<noun>(?-i:[A-ZÄÖÜ][\w-]*[a-zäöüß])))?", re.I)
# "12 von 20 Punkten": the first number is the value, the noun its unit
_OF = re.compile(rf"(?P<n>{DIGITS})\s+von\s+(?:insgesamt\s+|allen\s+)?(?P<m>{DIGITS})\s+"
                 r"(?P<noun>[A-ZÄÖÜ][\w-]*)")
FRACTIONS = {"hälfte": 50.0, "drittel": 100 / 3, "viertel": 25.0, "fünftel": 20.0,
             "sechstel": 100 / 6, "achtel": 12.5, "zehntel": 10.0}
ORDINAL_SHARES = {"zweite": 50.0, "dritte": 100 / 3, "vierte": 25.0, "fünfte": 20.0,
                  "zehnte": 10.0}
_FRACTION = re.compile(r"\b(?:(?P<n>ein(?:e[nm]?)?|zwei|drei|vier|die|der|zur)\s+)"
                       r"(?:(?:knapp|gut|rund|gesamt)\w*\s+)?"
                       r"(?P<f>Hälfte|Drittel|Viertel|Fünftel|Sechstel|Achtel|Zehntel)\b"
                       r"|\bjede[rsn]?\s+(?P<o>zweite|dritte|vierte|fünfte|zehnte)[nrs]?\b",
                       re.I)
_RANGE_BEFORE = re.compile(rf"(?:zwischen\s+)?(?P<a>{DIGITS})\s*(?:%|Prozent)?\s*"
                           r"(?:-|–|bis|und)\s*$")
_COUNTED = re.compile(
    # adjectives between the number and its noun are inflected ("20 neue", "3 weitere
    # städtische"); "21 noch in seiner Umsetzung" counts nothing
    rf"(?<![\w.,])(?P<n>{DIGITS})\s+(?P<adj>(?:(?:[a-zäöüß][\w-]*(?:e|en|er|es|em)"
    rf"|[a-zäöüß]\w*-|und|oder|sowie)\s+){{0,3}})"
    r"(?P<noun>[A-ZÄÖÜ][\w-]*(?:[ -][A-ZÄÖÜ][\w-]*)?)")
_COUNT_WORDS = ("zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|fünfzehn|zwanzig|"
                "dreißig|vierzig|fünfzig|hundert|einhundert|tausend")
_COUNTED_WORD = re.compile(
    rf"(?:\b(?P<n>{_COUNT_WORDS})|(?<=mindestens\s)(?P<one>eine[sn]?|ein))\s+"
    r"(?P<adj>(?:[a-zäöüß][\w-]*(?:e|en|er|es|em)\s+){0,2})(?P<noun>[A-ZÄÖÜ][\w-]*[a-zäöüß])\b")
# "15-Minuten-Takt": a number joined to its unit of time
_JOINED = re.compile(r"(?<![\w,.])(?P<n>\d{1,3})-(?P<u>Minuten|Stunden)(?=-|\b)")
# capitalised at a sentence's start, but no counted things ("26 Hier stellen wir …": a
# footnote number before the sentence)
_NOT_NOUNS = {"Hier", "Die", "Der", "Das", "Den", "Dem", "Des", "Im", "In", "Mit", "Für", "Bei",
              "Zu", "Zur", "Zum", "Auf", "Es", "Wir", "Sie", "Er", "Dies", "Diese", "Dieser",
              "Damit", "Dabei", "Auch", "Als", "Um", "Nach", "Von", "Vom", "Aus", "Ein", "Eine",
              "Und", "Oder", "So", "Wie", "Was", "Wenn", "Da", "Dazu", "Daher", "Deshalb"}
_NUMBER_WORDS = frozenset(WORDS) | {"eines"}
_MONTHS = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember", "Quartal", "Halbjahr"}


def _is_year(text: str, value: float) -> bool:
    return re.fullmatch(r"\d{4}", text.strip()) is not None and 1900 <= value <= 2100


def _fraction_value(match) -> float:
    if match.group("o"):
        return round(ORDINAL_SHARES[match.group("o").lower()], 2)
    base = FRACTIONS[match.group("f").lower()]
    count = (match.group("n") or "").lower()
    return round(base * {"zwei": 2, "drei": 3, "vier": 4}.get(count, 1), 2)


_FRACTION_HINT = re.compile(r"hälfte|drittel|viertel|fünftel|sechstel|achtel|zehntel|jede",
                            re.I)


def find_quantities(text: str, words: bool = True) -> list[Quantity]:
    """Every amount of money, percentage, measure, scaled number, counted noun or share, in
    order; the lower end of a range is folded into the quantity of its upper end. Things
    counted with a number word ("sechs Fachämter") only where `words` (targets read them; the
    document's list of quantities, as annotated for version 1, does not)."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    if not any(c.isdigit() for c in text) and \
            not _NUMBER_WORDS.intersection(text.lower().split()) and \
            not _FRACTION_HINT.search(text):
        return found  # most sentences have no number at all: skip the patterns

    def free(start, end):
        # taken spans never overlap: only the neighbours in start order can overlap a new one
        i = bisect.bisect_left(taken, (start, end))
        return (i == 0 or taken[i - 1][1] <= start) and (i == len(taken) or
                                                        taken[i][0] >= end)

    def add(match, value, unit, noun=None, end=None, **extra):
        end = end if end is not None else match.end()
        if value is None or not free(match.start(), end):
            return
        bisect.insort(taken, (match.start(), end))
        found.append(Quantity(text[match.start():end].strip(), value, unit, noun,
                              match.start(), end, **extra))

    for reader in _READERS:
        if words or reader is not _word_counts:
            reader(text, add)
    found.sort(key=lambda q: q.start)
    return _fold_ranges(text, found)


_HAS_MONEY = re.compile(r"Euro|EUR|€")
_HAS_PERCENT = re.compile(r"%|[Pp]rozent")
_HAS_SCALE = re.compile(r"Tsd|Tausend|Mio|Million|Mrd|Milliard|Bio|Billion", re.I)


def _money(text, add):
    # cheap guards first: the patterns with number words are slow, and most text has neither
    if _HAS_MONEY.search(text):
        for m in _MONEY.finditer(text):
            add(m, parse_number(m.group("n1") or m.group("n2")), "EUR")
    if _HAS_PERCENT.search(text):
        for m in _PERCENT.finditer(text):
            add(m, parse_number(m.group("n")), "percent")


def _measures(text, add):
    for m in _MEASURE.finditer(text):
        base = parse_number(m.group("n"))
        if base is None or (_is_year(m.group("n"), base) and not m.group("s")):
            continue
        scale = SCALES[m.group("s").lower().rstrip(".")] if m.group("s") else 1
        unit = UNITS[m.group("u").lower()]
        if m.group("area"):  # "kWh/m²", "t/Einwohner"
            area = m.group("area").replace(" ", "")[1:]
            unit += "/" + UNITS.get(area.lower(), area)
        add(m, base * scale, unit, None, per="year" if m.group("per") else None)


def _counts(text, add):
    for m in (_OF.finditer(text) if " von " in text else ()):
        value, noun = parse_digits(m.group("n")), m.group("noun")
        if noun.endswith("en") and noun[:-1].endswith("e"):
            noun = noun[:-1]  # dative plural after "von": "Punkten" -> "Punkte"
        add(m, value, noun, noun)
    for m in (_SCALED.finditer(text) if _HAS_SCALE.search(text) else ()):
        noun = m.group("noun")
        end = m.end() if noun else m.end("s")
        add(m, parse_number(text[m.start():m.end("s")]), "count", noun, end=end)
    for m in _COUNTED.finditer(text):
        value = parse_digits(m.group("n"))
        noun = m.group("noun")
        if value is None or _is_year(m.group("n"), value) or noun.split()[0] in _MONTHS \
                or noun.split()[0] in _NOT_NOUNS:
            continue
        add(m, value, "count", noun)


def _word_counts(text, add):
    for m in _COUNTED_WORD.finditer(text):
        noun = m.group("noun")
        if noun.split()[0] in _MONTHS or noun in ("Prozent", "Euro"):
            continue
        value = 1.0 if m.group("one") else float(WORDS[m.group("n").lower()])
        add(m, value, "count", noun)
    for m in _JOINED.finditer(text):
        add(m, float(m.group("n")), m.group("u"), m.group("u"))


def _shares(text, add):
    for m in _FRACTION.finditer(text):
        add(m, _fraction_value(m), "percent", share=True)


_READERS = (_money, _measures, _counts, _shares, _word_counts)


def _fold_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "20 bis 25 Prozent", "40 - 50 Anlagen", "zwischen 3 und 4 %": one quantity with
    value 20 and high 25. Years never make a range ("2020 bis 2025")."""
    for q in found:
        before = text[max(0, q.start - 40):q.start]
        match = _RANGE_BEFORE.search(before)
        if not match or q.share:
            continue
        low = parse_digits(match.group("a"))
        head = re.match(rf"\s*({DIGITS})", q.text)
        if low is None or head is None or _is_year(match.group("a"), low):
            continue
        high = parse_digits(head.group(1))
        if high is None or low >= high or _is_year(head.group(1), high):
            continue
        if "zwischen" not in match.group(0) and re.search(r"\bund\s*$", match.group(0)):
            continue
        scale = q.value / high if high else 1
        start = q.start - len(before) + match.start()
        if any(p is not q and p.start <= start < p.end for p in found):
            continue
        q.high, q.value = q.value, low * scale
        q.text, q.start = text[start:q.end], start
    return found
