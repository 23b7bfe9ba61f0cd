"""The written status rules: from targets, indicator observations and a date to a status.

Pure functions; the database stays at the edges. `RULES` below is also the text of the public
"Methodik" page, so the page cannot drift from the code.

Rule set `leitstand-status/1`:
- A target is measurable when it has a target value (or a factor and a baseline value), a
  deadline and an indicator in the same unit. Otherwise it is "not_measurable".
- A measurable target without observations up to the as-of date has "no_data".
- "achieved": the latest observation meets the target (at least / at most / exactly, within
  0.5 %); the direction of an unstated comparator follows the baseline (a target below its
  baseline is a reduction).
- "missed": the deadline has passed and the last observation up to the deadline does not meet it.
- Otherwise the trend decides, with at least two observations: the compound annual growth rate
  between the first and the latest observation (the method of Open SDG and Destatis) is
  projected to the deadline; "on_track" if the projection meets the target, else "at_risk".
  With one observation only, "no_data" (no trend).
- Several targets of a goal: the goal takes the worst computed status (missed < at_risk <
  on_track < achieved); targets without a computed status are left out. Several indicators of
  one target: the same, the worst.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

RULESET = "leitstand-status/1"
MIN_OBSERVATIONS = 2
TOLERANCE = 0.005
ORDER = ["missed", "at_risk", "on_track", "achieved"]


@dataclass(frozen=True)
class TargetInput:
    value: float | None
    unit: str
    comparator: str | None
    deadline: dt.date | None
    baseline_value: float | None = None
    factor: float | None = None


@dataclass(frozen=True)
class Series:
    name: str
    unit: str
    points: tuple  # ((date, value), ...) in date order


@dataclass
class Verdict:
    status: str
    reason: str
    inputs: dict = field(default_factory=dict)


def target_value(t: TargetInput) -> float | None:
    if t.value is not None and t.unit != "rank":
        return t.value
    if t.factor is not None and t.baseline_value is not None:
        return t.baseline_value * t.factor
    return None


def direction(t: TargetInput, goal_value: float) -> str:
    if t.comparator == "at_least":
        return "up"
    if t.comparator == "at_most":
        return "down"
    if t.baseline_value is not None and goal_value < t.baseline_value:
        return "down"
    return "up" if t.comparator is None else "exact"


def meets(value: float, goal: float, way: str) -> bool:
    slack = abs(goal) * TOLERANCE
    if way == "up":
        return value >= goal - slack
    if way == "down":
        return value <= goal + slack
    return abs(value - goal) <= slack


def _years(a: dt.date, b: dt.date) -> float:
    return (b - a).days / 365.25


def project(points, deadline: dt.date) -> float | None:
    """The latest value carried to the deadline at the compound annual growth rate of the
    series; a linear trend where a value is not positive."""
    (d0, v0), (d1, v1) = points[0], points[-1]
    span = _years(d0, d1)
    ahead = _years(d1, deadline)
    if span <= 0:
        return None
    if v0 > 0 and v1 > 0:
        rate = (v1 / v0) ** (1 / span) - 1
        return v1 * (1 + rate) ** ahead
    return v1 + (v1 - v0) / span * ahead


def judge_series(t: TargetInput, s: Series, as_of: dt.date) -> Verdict:
    goal = target_value(t)
    if goal is None:
        return Verdict("not_measurable", "the target states no value")
    if t.deadline is None:
        return Verdict("not_measurable", "the target has no deadline")
    if s.unit != t.unit:
        return Verdict("not_measurable", f"indicator “{s.name}” is in {s.unit}, "
                                         f"the target in {t.unit}")
    known = [(d, v) for d, v in s.points if d <= as_of]
    way = direction(t, goal)
    inputs = {"indicator": s.name, "target": goal, "direction": way,
              "deadline": t.deadline.isoformat(), "observations": len(known)}
    if not known:
        return Verdict("no_data", "no observation up to the as-of date", inputs)
    last_date, last = known[-1]
    inputs.update(latest=last, latest_date=last_date.isoformat())
    if meets(last, goal, way):
        return Verdict("achieved", f"latest value {last:g} meets the target {goal:g}", inputs)
    if t.deadline < as_of:
        by_deadline = [v for d, v in known if d <= t.deadline]
        if not by_deadline or not meets(by_deadline[-1], goal, way):
            return Verdict("missed", f"deadline {t.deadline} passed, target {goal:g} not met",
                           inputs)
    if len(known) < MIN_OBSERVATIONS:
        return Verdict("no_data", f"fewer than {MIN_OBSERVATIONS} observations: no trend",
                       inputs)
    projected = project(known, t.deadline)
    if projected is None:
        return Verdict("no_data", "observations on one day only: no trend", inputs)
    inputs["projected"] = round(projected, 4)
    if meets(projected, goal, way):
        return Verdict("on_track", f"trend projects {projected:g} by {t.deadline}", inputs)
    return Verdict("at_risk", f"trend projects only {projected:g} by {t.deadline}", inputs)


def worst(verdicts: list[Verdict]) -> Verdict | None:
    ranked = [v for v in verdicts if v.status in ORDER]
    if not ranked:
        return None
    return min(ranked, key=lambda v: ORDER.index(v.status))


def judge_target(t: TargetInput, series: list[Series], as_of: dt.date) -> Verdict:
    if target_value(t) is None:
        return Verdict("not_measurable", "the target states no value")
    if not series:
        return Verdict("not_measurable", "no indicator measures this target")
    verdicts = [judge_series(t, s, as_of) for s in series]
    return worst(verdicts) or verdicts[0]


def judge_goal(targets: list[tuple[TargetInput, list[Series]]], as_of: dt.date
               ) -> Verdict | None:
    """The computed status of a goal, or None where no target could be computed."""
    return worst([judge_target(t, s, as_of) for t, s in targets])


RULES = [
    ("Messbarkeit", "Ein Zielwert ist messbar, wenn er einen Wert (oder einen Faktor und einen "
     "Ausgangswert), eine Frist und einen Indikator in derselben Einheit hat. "
     "Sonst: „nicht messbar“."),
    ("Keine Daten",
     "Gibt es bis zum Stichtag keinen Messwert, gilt „keine Daten“; mit nur einem "
     f"Messwert ebenso, denn ein Trend braucht mindestens {MIN_OBSERVATIONS} Messwerte."),
    ("Erreicht", "Der jüngste Messwert erfüllt den Zielwert (mindestens / höchstens / genau, "
     f"mit {str(TOLERANCE * 100).replace('.', ',')} % Toleranz). "
     "Ohne Vergleichswort bestimmt der Ausgangswert die Richtung: "
     "liegt das Ziel unter ihm, ist eine Senkung gemeint."),
    ("Verfehlt", "Die Frist ist verstrichen, und der letzte Messwert bis zur Frist erfüllt den "
     "Zielwert nicht."),
    ("Im Zeitplan / gefährdet", "Die durchschnittliche jährliche Wachstumsrate zwischen erstem "
     "und jüngstem Messwert (Methode von Open SDG und Destatis) wird bis zur Frist "
     "fortgeschrieben: "
     "erreicht die Fortschreibung den Zielwert, „im Zeitplan“, sonst „gefährdet“. Bei Werten "
     "≤ 0 gilt ein linearer Trend."),
    ("Mehrere Zielwerte", "Ein Ziel erhält den schlechtesten berechneten Status seiner Zielwerte "
     "(verfehlt < gefährdet < im Zeitplan < erreicht); Zielwerte ohne berechneten Status zählen "
     "nicht. Misst ein Zielwert mehrere Indikatoren, gilt ebenso der schlechteste."),
    ("Veröffentlichter Status", "Hat ein Ziel einen berechneten Status, ist er der "
     "veröffentlichte Status (Regel „computed“). Sonst gilt die jüngste freigegebene Bewertung "
     "der verantwortlichen Regierungsstelle (Regel „assessment“), sonst „nicht bewertet“. "
     "Bewertungen Dritter stehen daneben und ändern den Status nie."),
]
