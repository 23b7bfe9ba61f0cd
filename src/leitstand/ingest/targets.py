"""The measurable promise inside a goal sentence: value, unit, comparator, deadline,
baseline, factor, yearly amount, rank, horizon (pure functions over one sentence)."""

from __future__ import annotations

import re

from leitstand.ingest.dates import find_deadline
from leitstand.ingest.numbers import WORDS, find_quantities

AT_LEAST = r"mindestens|wenigstens|mehr\s+als|über(?=\s+(?:\d|eine?\b))|auf\s+über"
AT_MOST = r"höchstens|bis\s+zu\b|maximal|weniger\s+als|unter(?=\s+\d)|auf\s+unter"
EXACTLY = r"genau"
_COMPARATOR = re.compile(rf"\b(?P<least>{AT_LEAST})|\b(?P<most>{AT_MOST})|\b(?P<exact>{EXACTLY})\b",
                         re.I)
_GROWTH = re.compile(r"\bauf\b[^.]*?\b(?:steigern|steigen|erhöhen|wachsen|anheben|ausbauen)\b",
                     re.I)
_REDUCE = re.compile(r"\bauf\b[^.]*?\b(?:senken|sinken|reduzieren|verringern)\b", re.I)
FACTORS = {"verdoppeln": 2, "verdoppelt": 2, "verdreifachen": 3, "verdreifacht": 3,
           "vervierfachen": 4, "vervierfacht": 4, "verfünffachen": 5, "verfünffacht": 5,
           "verzehnfachen": 10, "verzehnfacht": 10, "halbieren": 0.5, "halbiert": 0.5}
_FACTOR = re.compile(r"\b(" + "|".join(FACTORS) + r")\b", re.I)
_BASELINE = re.compile(r"\b(?:gegenüber|im\s+Vergleich\s+zu(?:m\s+Jahr)?|verglichen\s+mit)\s+"
                       r"(?:dem\s+Jahr\s+|dem\s+Stand\s+(?:von\s+)?)?(?P<y>(?:19|20)\d{2})", re.I)
_PER_YEAR = re.compile(r"\b(?:jährlich|pro\s+Jahr|im\s+Jahr(?!\s+\d)|jedes\s+Jahr|p\.\s?a\.)",
                       re.I)
_RANK_TOP = re.compile(r"\ban\s+die\s+Spitze\b|\bauf\s+(?:den\s+)?(?:Platz|Rang)\s+(?:eins|1)\b"
                       r"|\bSpitzenplatz\b|\bführende[nr]?\s+(?:Standort|Land)\b", re.I)
_RANK_AMONG = re.compile(r"\b(?:unter\s+die|zu\s+den|unter\s+den)\s+(?P<n>\w+)\s+"
                         r"(?:besten|führenden|stärksten|größten|Top)", re.I)
_TOP_N = re.compile(r"\bTop[- ](?P<n>\d+)\b", re.I)
HORIZONS = {"kurzfristig": "short", "mittelfristig": "medium", "langfristig": "long"}
_HORIZON = re.compile(r"\b(kurzfristig|mittelfristig|langfristig)", re.I)
_MODAL = re.compile(r"\b(?:soll|sollen|wollen|will|werden|wird|muss|müssen)\b")
_MONEY_CONTEXT = re.compile(r"kapital|investition|euro|mittel\b|förder|budget|kredit|fonds|"
                            r"volumen|finanz", re.I)
_METRIC_AFTER_BEI = re.compile(r"\b(?:bei\s+(?:den|der|dem)|beim)\s+(?P<m>[\w-]+)", re.I)
ACTORS = {"land", "landkreis", "kreis", "stadt", "gemeinde", "landesregierung", "regierung",
          "nordrhein-westfalen", "bund", "verwaltung", "wir", "kommune", "ministerium"}
_OBJECT = re.compile(r"\b(?:die|den|das)\s+(?P<m>(?:Zahl|Anteil|Quote|Menge|Anzahl|Volumen)\s+"
                     r"(?:der|des|an|von)\s+[\w-]+)", re.I)
_SHARE_OF = re.compile(r"(?:Prozent|%)\s+(?:der|des|aller)\s+(?P<m>[A-ZÄÖÜ][\w-]*)")


def comparator(sentence: str) -> str | None:
    match = _COMPARATOR.search(sentence)
    if match:
        return "at_least" if match.group("least") else "at_most" if match.group("most") \
            else "exactly"
    if _REDUCE.search(sentence):
        return "at_most"
    if _GROWTH.search(sentence):
        return "at_least"
    return None


def factor(sentence: str) -> float | None:
    match = _FACTOR.search(sentence)
    return float(FACTORS[match.group(1).lower()]) if match else None


def baseline_year(sentence: str) -> int | None:
    match = _BASELINE.search(sentence)
    return int(match.group("y")) if match else None


def per_year(sentence: str) -> str | None:
    return "year" if _PER_YEAR.search(sentence) else None


def rank(sentence: str) -> int | None:
    if _RANK_TOP.search(sentence):
        return 1
    match = _RANK_AMONG.search(sentence) or _TOP_N.search(sentence)
    if match:
        word = match.group("n").lower()
        value = int(word) if word.isdigit() else WORDS.get(word)
        return int(value) if value else None
    return None


def horizon(text: str) -> str | None:
    match = _HORIZON.search(text)
    return HORIZONS[match.group(1).lower()] if match else None


def metric(sentence: str, noun: str | None) -> str | None:
    """What is measured, in the document's words."""
    text = re.sub(r"^\s*(?:Unser\s+)?Ziel(?:marke)?\s*:\s*", "", sentence)
    at_rank = _METRIC_AFTER_BEI.search(text)
    if rank(text) and at_rank:
        return at_rank.group("m").strip()
    subject = re.match(r"\s*(?:Die|Der|Das)\s+(?P<s>[^,;]+?)\s+" + _MODAL.pattern, text)
    if subject and len(subject.group("s").split()) <= 6 and \
            subject.group("s").lower() not in ACTORS:
        return subject.group("s").strip()
    for pattern in (_OBJECT, _SHARE_OF):
        match = pattern.search(text)
        if match:
            return match.group("m").strip()
    return noun


def parse_target(sentence: str, doc_year: int | None = None, context: str = "") -> dict | None:
    """The target a goal sentence states, or None where it states nothing measurable."""
    deadline, span = find_deadline(sentence, doc_year)
    quantities = [q for q in find_quantities(sentence)
                  if not (span and q.start >= span[0] and q.end <= span[1])]
    value_q = next((q for q in quantities if q.unit in ("EUR", "percent")), None) or \
        next(iter(quantities), None)
    result = {"metric": None, "value": None, "unit": None, "comparator": comparator(sentence),
              "deadline": deadline, "per": per_year(sentence),
              "baseline_year": baseline_year(sentence), "factor": factor(sentence),
              "rank": rank(sentence), "implied": []}
    if value_q is not None:
        result["value"], result["unit"] = value_q.value, value_q.unit
        if value_q.unit == "count" and value_q.noun is None and \
                _MONEY_CONTEXT.search(sentence + " " + context):
            result["unit"] = "EUR"
            result["implied"].append("unit")
    if result["rank"] is not None:
        result["value"], result["unit"] = float(result["rank"]), "rank"
    result["metric"] = metric(sentence, value_q.noun if value_q else None)
    measurable = any(result[k] is not None for k in ("value", "factor", "rank"))
    return result if measurable or deadline else None
