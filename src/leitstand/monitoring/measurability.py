"""Is a goal measurable? Seven plain checks, and whether it was already met when it was set.

Answers the published criticism that goals were too vague to check, or met before they were
set. Pure functions over plain values; the editors' tool feeds them with the ingest grammar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Check:
    key: str
    label: str
    ok: bool


@dataclass
class Measurability:
    checks: list[Check] = field(default_factory=list)
    met_before_set: bool | None = None  # None: cannot tell

    @property
    def score(self) -> int:
        return sum(c.ok for c in self.checks)

    @property
    def measurable(self) -> bool:
        """The core: something to measure, a value, a deadline and an indicator with data."""
        core = {"metric", "value", "deadline", "indicator"}
        return all(c.ok for c in self.checks if c.key in core)


LABELS = {
    "metric": "Messgröße benannt",
    "value": "Zielwert genannt",
    "unit": "Einheit genannt",
    "deadline": "Frist genannt",
    "baseline": "Ausgangswert genannt",
    "unit_responsible": "Verantwortliche Stelle benannt",
    "indicator": "Indikator mit Datenquelle",
}


def assess(targets: list[dict], responsible: bool, indicators_with_source: int,
           due: dt.date | None, adopted_on: dt.date | None = None,
           observations: list[tuple[dt.date, float]] | None = None) -> Measurability:
    """`targets`: dicts with metric, value, unit, deadline, baseline_value, factor, comparator."""
    def any_(key):
        return any(t.get(key) not in (None, "") for t in targets)

    has_value = any(t.get("value") is not None or (t.get("factor") is not None
                                                   and t.get("baseline_value") is not None)
                    for t in targets)
    checks = [
        Check("metric", LABELS["metric"], any_("metric")),
        Check("value", LABELS["value"], has_value),
        Check("unit", LABELS["unit"], any_("unit")),
        Check("deadline", LABELS["deadline"], any_("deadline") or due is not None),
        Check("baseline", LABELS["baseline"], any_("baseline_value") or any_("baseline_year")),
        Check("unit_responsible", LABELS["unit_responsible"], responsible),
        Check("indicator", LABELS["indicator"], indicators_with_source > 0),
    ]
    return Measurability(checks, _met_before(targets, adopted_on, observations or []))


def _met_before(targets, adopted_on, observations) -> bool | None:
    """True where the baseline, or the last observation before adoption, already met a target."""
    for t in targets:
        value = t.get("value")
        if value is None:
            continue
        # As in the status rules: the comparator decides; without one, the baseline does.
        reduce = t.get("unit") == "rank" or t.get("comparator") == "at_most" or (
            not t.get("comparator") and t.get("baseline_value") is not None
            and value < t["baseline_value"])
        known = [v for d, v in sorted(observations) if adopted_on and d <= adopted_on]
        before = known[-1] if known else t.get("baseline_value")
        if before is None:
            continue
        return before <= value if reduce else before >= value
    return None
