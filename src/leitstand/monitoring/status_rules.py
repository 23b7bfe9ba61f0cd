"""The written status rules: from targets, indicator observations and a date to a status.

Pure functions; the database stays at the edges. `CASES` is the table of cases in the order
`judge_series` tries them, each naming the status it gives; `RULES` is the text of the public
"Methodik" page, each rule naming the cases it states, so that a test can put the page and the
code side by side (tests/monitoring/test_method_page.py).

Rule set `leitstand-status/2` (from /1: a target met at its deadline stays achieved when
later values fall short; before, the trend was projected back to the past deadline).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

RULESET = "leitstand-status/2"
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
    # (day, n) where `points` hold only what the rules read on that day (the first value, the
    # last by the day, by each deadline and of all: monitoring.known.rule_points) and n of the
    # series' values are dated by the day; None where `points` are the whole series
    dated_by: tuple | None = None

    def count_by(self, day: dt.date) -> int:
        """How many values are dated by `day`."""
        if self.dated_by is None:
            return sum(1 for d, _ in self.points if d <= day)
        if self.dated_by[0] != day:
            raise ValueError(f"series reduced for {self.dated_by[0]}, judged on {day}")
        return self.dated_by[1]


@dataclass
class Verdict:
    status: str
    reason: str  # in English, for the API and the CSV; pages word it from `case` and inputs
    inputs: dict = field(default_factory=dict)  # holds "case": a key of CASES

    @property
    def case(self) -> str:
        return self.inputs.get("case", "")


# (case, status it gives), in the order the rules are applied to one target and indicator.
CASES = [
    ("no_value", "not_measurable"),       # neither a value nor factor and baseline
    ("no_indicator", "not_measurable"),   # no indicator measures the target
    ("no_deadline", "not_measurable"),    # neither the target nor its goal has a due date
    ("unit_mismatch", "not_measurable"),  # indicator in another unit than the target
    ("no_observation", "no_data"),        # nothing observed up to the as-of date
    ("met", "achieved"),                  # the latest value meets the target (even if alone)
    ("met_at_deadline", "achieved"),      # deadline passed, the last value by then met it
    ("missed", "missed"),                 # deadline passed, the last value by then did not
    ("too_few", "no_data"),               # one value, not met, deadline ahead: no trend
    ("on_track", "on_track"),             # the trend reaches the target by the deadline
    ("at_risk", "at_risk"),               # it does not
]
STATUS_OF_CASE = dict(CASES)


def _verdict(case: str, reason: str, inputs: dict | None = None) -> Verdict:
    return Verdict(STATUS_OF_CASE[case], reason, {**(inputs or {}), "case": case})


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
        return _verdict("no_value", "the target states no value")
    if t.deadline is None:
        return _verdict("no_deadline", "the target has no deadline")
    if s.unit != t.unit:
        return _verdict("unit_mismatch", f"indicator “{s.name}” is in {s.unit}, "
                                         f"the target in {t.unit}",
                        {"indicator": s.name, "indicator_unit": s.unit})
    known = [(d, v) for d, v in s.points if d <= as_of]
    count = s.count_by(as_of)
    way = direction(t, goal)
    inputs = {"indicator": s.name, "target": goal, "unit": t.unit, "direction": way,
              "deadline": t.deadline.isoformat(), "observations": count}
    if not known:
        return _verdict("no_observation", "no observation up to the as-of date", inputs)
    last_date, last = known[-1]
    inputs.update(latest=last, latest_date=last_date.isoformat())
    if meets(last, goal, way):
        return _verdict("met", f"latest value {last:g} meets the target {goal:g}", inputs)
    if t.deadline < as_of:
        by_deadline = [(d, v) for d, v in known if d <= t.deadline]
        if by_deadline and meets(by_deadline[-1][1], goal, way):
            inputs.update(at_deadline=by_deadline[-1][1],
                          at_deadline_date=by_deadline[-1][0].isoformat())
            return _verdict("met_at_deadline", f"value {by_deadline[-1][1]:g} met the target "
                            f"{goal:g} by the deadline {t.deadline}", inputs)
        return _verdict("missed", f"deadline {t.deadline} passed, target {goal:g} not met",
                        inputs)
    if count < MIN_OBSERVATIONS:
        return _verdict("too_few", f"fewer than {MIN_OBSERVATIONS} observations: no trend",
                        inputs)
    projected = project(known, t.deadline)
    if projected is None:  # all values on one day: no trend (one value per day is stored)
        return _verdict("too_few", "observations on one day only: no trend", inputs)
    inputs["projected"] = round(projected, 4)
    if meets(projected, goal, way):
        return _verdict("on_track", f"trend projects {projected:g} by {t.deadline}", inputs)
    return _verdict("at_risk", f"trend projects only {projected:g} by {t.deadline}", inputs)


def worst(verdicts: list[Verdict]) -> Verdict | None:
    ranked = [v for v in verdicts if v.status in ORDER]
    if not ranked:
        return None
    return min(ranked, key=lambda v: ORDER.index(v.status))


def judge_target(t: TargetInput, series: list[Series], as_of: dt.date) -> Verdict:
    if target_value(t) is None:
        return _verdict("no_value", "the target states no value")
    if not series:
        return _verdict("no_indicator", "no indicator measures this target")
    verdicts = [judge_series(t, s, as_of) for s in series]
    return worst(verdicts) or verdicts[0]


def judge_goal(targets: list[tuple[TargetInput, list[Series]]], as_of: dt.date
               ) -> Verdict | None:
    """The computed status of a goal, or None where no target could be computed."""
    return worst([judge_target(t, s, as_of) for t, s in targets])



@dataclass(frozen=True)
class Rule:
    title: str
    text: str
    cases: tuple = ()  # the CASES this rule states, in their order


# The Methodik page, in the order the rules apply. Each text in English, translated in
# django.po; `cases` ties it to the code's table above.
RULES = [
    Rule(_("1. The deadline"), _(
        "Each target is judged on its own. A target without its own deadline takes its goal's "
        "due date: the goal's deadline, or else the end of the goal's time horizon counted "
        "from the day the edition was adopted (short term 2 years, medium term 5); a long-term "
        "goal without a deadline has no due date.")),
    Rule(_("2. Measurable"), _(
        "A target is measurable when it states a value (or a factor and a baseline value), "
        "an indicator measures it, it has a deadline (its own or its goal's, rule 1) and the "
        "indicator is in the target's unit. Otherwise the target is “not measurable”, "
        "checked in this order."), ("no_value", "no_indicator", "no_deadline", "unit_mismatch")),
    Rule(_("3. No data"), _(
        "Without any value of the indicator up to the as-of date: “no data”."),
        ("no_observation",)),
    Rule(_("4. Achieved"), _(
        "The latest value meets the target (at least, at most or exactly, within 0.5 % "
        "tolerance): “achieved” – even when it is the only value. Without a comparator the "
        "baseline sets the direction: a target below its baseline means a reduction. Once the "
        "deadline has passed and the latest value falls short, the last value up to the "
        "deadline decides: if it met the target, the target stays “achieved”."),
        ("met", "met_at_deadline")),
    Rule(_("5. Missed"), _(
        "The deadline has passed and the last value up to the deadline does not meet the "
        "target (or there was none by then): “missed”."), ("missed",)),
    Rule(_("6. On track or at risk"), _(
        "Before the deadline, with a value that does not yet meet the target, the trend "
        "decides. It needs at least two values: with one, “no data”. The compound annual "
        "growth rate between the first and the latest value (the method of Open SDG and "
        "Destatis) is carried forward to the deadline; a linear trend where a value is 0 or "
        "below. If the projection meets the target: “on track”, otherwise “at risk”."),
        ("too_few", "on_track", "at_risk")),
    Rule(_("7. One value per day"), _(
        "An indicator has at most one value per day: a corrected value replaces the earlier "
        "one of that day. Values count from their date on; a page showing an earlier day "
        "(“as known on”) uses only the values recorded by then.")),
    Rule(_("8. Several targets and indicators"), _(
        "A goal takes the worst computed status of its targets (missed < at risk < on track < "
        "achieved); targets without such a status (not measurable, no data) do not count. A "
        "target measured by several indicators likewise takes the worst.")),
    Rule(_("9. Published status"), _(
        "If a goal has a computed status, that is its published status (rule “computed”). "
        "Otherwise the latest approved assessment of the responsible government body counts "
        "(rule “assessment”): a correction replaces the assessment it corrects; of two "
        "assessments with the same as-of date, the one recorded later counts. Without one: "
        "“not assessed”. Third parties' assessments stand beside it and never change it.")),
]
