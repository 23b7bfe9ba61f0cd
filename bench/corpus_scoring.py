"""Scoring of an ingested document against a `bench/gold/corpus/*.yaml` annotation.

Kept apart from `ingest_accuracy.py` (which prints) so that tests can score a small
hand-made gold. Pure functions over the document model (version 1 or 2) and the gold dict;
the rules are those of `bench/gold/README.md`:

- a gold goal is found when a quantified output goal sits at its place (same page in a PDF,
  within 3 lines in a text) and one of its targets has the gold key target's value (or
  factor; 0.01 apart at most) and, where the gold target has a deadline, the same deadline;
- precision counts the output's quantified goals that are found gold goals or `acceptable`;
- target fields (unit, comparator, per, baseline year) are compared on matched targets;
- "invented" counts target values and deadline years that do not occur in the goal's own
  text (unless listed in `implied`).

The check for "occurs in the text" is deliberately independent of the pipeline's number
grammar: it reads digits, scale words and fraction words with its own small rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FIELDS = ("unit", "comparator", "per", "baseline_year")
SYMBOL_UNITS = {"percent", "eur", "rank", "t", "kt", "mt", "gw", "mw", "kw", "gwh", "mwh", "kwh",
                "twh", "m²", "km", "ha", "m", "m³"}
_SCALES = {"tsd": 1e3, "tausend": 1e3, "mio": 1e6, "million": 1e6, "millionen": 1e6,
           "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9}
_FRACTIONS = {"hälfte": 50, "halbieren": 50, "halbierung": 50, "drittel": 100 / 3,
              "viertel": 25, "fünftel": 20, "zehntel": 10, "dritte": 100 / 3, "vierte": 25,
              "fünfte": 20, "zehnte": 10}
_WORDS = {"ein": 1, "eine": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
          "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
          "zwanzig": 20, "dreißig": 30, "fünfzig": 50, "hundert": 100, "tausend": 1000,
          "halbe": 0.5, "verdoppeln": 2, "verdopplung": 2, "verdoppelung": 2,
          "verdreifachen": 3, "verdreifachung": 3, "vervierfachen": 4, "verfünffachen": 5,
          "verzehnfachen": 10, "spitze": 1, "platz": 1}
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?(?!\d)"
                     r"|\d+(?:[.,]\d+)*")


@dataclass
class Tally:
    """Counts of one document (or of all together)."""

    gold: int = 0
    found: int = 0
    output: int = 0
    output_ok: int = 0
    fields_total: int = 0
    fields_ok: int = 0
    invented: int = 0
    sec_tp: int = 0
    sec_fp: int = 0
    sec_fn: int = 0
    has_sections: bool = False
    missed: list = field(default_factory=list)
    wrong: list = field(default_factory=list)
    false_goals: list = field(default_factory=list)
    invented_items: list = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in self.COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.has_sections = self.has_sections or other.has_sections

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float | None:
        """None where the output has no quantified goal at all (nothing to be precise on)."""
        return self.output_ok / self.output if self.output else None

    @property
    def fields(self) -> float:
        return self.fields_ok / self.fields_total if self.fields_total else 1.0

    @property
    def sections_f1(self) -> float | None:
        if not self.has_sections:
            return None
        p = self.sec_tp / (self.sec_tp + self.sec_fp) if self.sec_tp + self.sec_fp else 1.0
        r = self.sec_tp / (self.sec_tp + self.sec_fn) if self.sec_tp + self.sec_fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> dict:
        f1 = self.sections_f1
        precision = self.precision
        return {"goals_recall": round(self.recall, 3),
                "goals_precision": None if precision is None else round(precision, 3),
                "target_fields": round(self.fields, 3),
                "sections_f1": None if f1 is None else round(f1, 3),
                "invented": self.invented, "gold_goals": self.gold,
                "output_goals": self.output, "counts": self.counts()}

    COUNTS = ("gold", "found", "output", "output_ok", "fields_total", "fields_ok", "invented",
              "sec_tp", "sec_fp", "sec_fn")

    def counts(self) -> dict:
        return {name: getattr(self, name) for name in self.COUNTS} | {
            "has_sections": self.has_sections}

    @classmethod
    def from_counts(cls, counts: dict) -> Tally:
        return cls(**{k: v for k, v in counts.items() if k in cls.COUNTS or
                      k == "has_sections"})


def quantified(goal: dict) -> bool:
    return any(t.get(k) is not None for t in goal.get("targets", [])
               for k in ("value", "factor", "rank"))


def _at_place(goal: dict, place: dict, is_pdf: bool) -> bool:
    if is_pdf or "page" in place and "line" not in place:
        return goal.get("page") == place.get("page")
    return abs((goal.get("line") or -10) - place["line"]) <= 3


def _close(a, b) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) <= 0.01


def _same_value(target: dict, gold_target: dict) -> bool:
    if gold_target.get("value") is not None and _close(target.get("value"), gold_target["value"]):
        return True
    return gold_target.get("factor") is not None and \
        _close(target.get("factor"), gold_target["factor"])


def _target_matches(target: dict, gold_target: dict) -> bool:
    if not _same_value(target, gold_target):
        return False
    want = gold_target.get("deadline")
    return want is None or target.get("deadline") == str(want)


def goal_matches(goal: dict, gold_goal: dict, is_pdf: bool) -> bool:
    key = gold_goal["targets"][0]
    return quantified(goal) and _at_place(goal, gold_goal, is_pdf) and \
        any(_target_matches(t, key) for t in goal["targets"])


def _unit_key(unit) -> str | None:
    if unit is None:
        return None
    text = str(unit).strip().lower()
    return text if text in SYMBOL_UNITS else "count"


def same_field(name: str, got, want) -> bool:
    """Units compare as symbols; a counted noun ("Ladepunkte") and "count" are the same
    kind of unit, since the spec allows either for counted things."""
    if name == "unit":
        return _unit_key(got) == _unit_key(want)
    return got == want


def _numbers_in(text: str) -> set[float]:
    """Every value the text says, read without the pipeline's grammar."""
    values: set[float] = set()
    lowered = text.lower()
    for match in _NUMBER.finditer(text):
        token = re.sub(r"[\u00a0\u202f ]", "", match.group(0))
        for candidate in {token.replace(".", "").replace(",", "."),
                          token.replace(",", ""), token.rstrip(".,")}:
            try:
                base = float(candidate.rstrip(".,") or "x")
            except ValueError:
                continue
            values.add(base)
            after = lowered[match.end():match.end() + 14]
            for word, scale in _SCALES.items():
                if re.match(rf"\s*{word}\b", after):
                    values.add(base * scale)
    for word, value in (_WORDS | _FRACTIONS).items():
        if re.search(rf"\b{word}", lowered):
            values.add(float(value))
            if word in _FRACTIONS:  # "zwei Drittel", "drei Viertel"
                values.update(round(value * n, 2) for n in (2, 3, 4))
            for scale in _SCALES.values():
                values.add(value * scale)
    return values


def invented_fields(goal: dict, row: str = "") -> list[str]:
    """Values and deadline years of the goal's targets that its own text does not say (for a
    goal-table row: its row, whose goal cell is the goal's text)."""
    text = (goal.get("text") or "") + " " + row
    said = _numbers_in(text)
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)}
    years |= {y + 2000 for y in map(int, re.findall(r"(?<=/)(\d{2})(?!\d)", text))}
    found = []
    for target in goal.get("targets", []):
        implied = set(target.get("implied") or [])
        value = target.get("value")
        if value is not None and "value" not in implied and \
                not any(_close(value, s) for s in said) and \
                not (target.get("unit") == "rank" and target.get("rank") is not None):
            found.append(f"value {value:g}")
        deadline = target.get("deadline")
        if deadline and "deadline" not in implied:
            year = int(deadline[:4])
            # "nach 2027" opens on 2028-01-01: the year before is the one the text says
            if year not in years and not (deadline.endswith("-01-01") and year - 1 in years):
                found.append(f"deadline {deadline}")
    return found


def score_goals(doc: dict, gold: dict, tally: Tally, rows=None) -> None:
    is_pdf = doc["source"]["format"] == "pdf"
    gold_goals = gold.get("goals") or []
    output = [g for g in doc["goals"] if quantified(g)]
    matched_output = set()
    tally.gold += len(gold_goals)
    for gold_goal in gold_goals:
        hits = [i for i, g in enumerate(output) if goal_matches(g, gold_goal, is_pdf)]
        if not hits:
            tally.missed.append(gold_goal)
            continue
        tally.found += 1
        matched_output.update(hits)
        goal = output[hits[0]]
        for gold_target in gold_goal["targets"]:
            target = next((t for t in goal["targets"] if _target_matches(t, gold_target)), None)
            if target is None:
                continue
            for name in FIELDS:
                tally.fields_total += 1
                if same_field(name, target.get(name), gold_target.get(name)):
                    tally.fields_ok += 1
                else:
                    tally.wrong.append((goal.get("page") or goal.get("line"), name,
                                        target.get(name), gold_target.get(name)))
    acceptable = gold.get("acceptable") or []
    for i, goal in enumerate(output):
        tally.output += 1
        ok = i in matched_output or any(
            _at_place(goal, place, is_pdf) and any(_close(t.get("value"), place.get("value"))
                                                   or _close(t.get("factor"), place.get("value"))
                                                   for t in goal["targets"])
            for place in acceptable)
        if ok:
            tally.output_ok += 1
        else:
            tally.false_goals.append(goal)
        row = rows(goal) if rows and goal.get("found_by") == "goal-table" else ""
        invented = invented_fields(goal, row)
        tally.invented += len(invented)
        tally.invented_items += [(goal.get("page") or goal.get("line"), x) for x in invented]


def _section_key(section: dict) -> str:
    return (section.get("title") or "").strip().lower()


def score_sections(doc: dict, gold: dict, tally: Tally) -> None:
    rng = gold.get("sections_range")
    if not rng:
        return
    tally.has_sections = True
    by_page = "pages" in rng
    low, high = rng["pages"] if by_page else rng["lines"]

    def place(item):
        return item.get("page") if by_page else item.get("line")

    output = [s for s in doc["sections"] if place(s) is not None and low <= place(s) <= high]
    used = set()
    for want in gold.get("sections") or []:
        hit = None
        for i, got in enumerate(output):
            if i in used:
                continue
            same_place = place(got) == place(want) if by_page else \
                abs(place(got) - place(want)) <= 1
            if not same_place:
                continue
            if want.get("number") is not None:
                if str(got.get("number") or "") == str(want["number"]):
                    hit = i
                    break
            elif got.get("number") is None and \
                    _section_key(got).startswith(str(want.get("key") or "").strip().lower()):
                hit = i
                break
        if hit is None:
            tally.sec_fn += 1
        else:
            used.add(hit)
            tally.sec_tp += 1
    tally.sec_fp += len(output) - len(used)


def score(doc: dict, gold: dict, rows=None) -> Tally:
    """`rows(goal)`: the input row of a goal-table goal (its own cells), where known."""
    tally = Tally()
    score_goals(doc, gold, tally, rows)
    score_sections(doc, gold, tally)
    return tally
