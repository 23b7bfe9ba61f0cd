"""What the review report says, computed once for all three formats."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone

from leitstand.monitoring import status, status_rules, vocabulary
from leitstand.monitoring.models import known_day
from leitstand.monitoring.rows import goal_rows
from leitstand.register import horizons

COLUMNS = ["achieved", "on_track", "in_progress", "at_risk", "missed", "not_started",
           "no_evidence", "dropped", "not_assessed"]


@dataclass
class Group:
    key: str
    label: str
    rows: list = field(default_factory=list)

    @property
    def counts(self) -> list[int]:
        return [sum(r.status == c for r in self.rows) for c in COLUMNS]

    @property
    def overdue(self) -> int:
        return sum(r.overdue for r in self.rows)


def _group(rows, keys_and_labels) -> list[Group]:
    groups: dict[str, Group] = {}
    for row in rows:
        for key, label in keys_and_labels(row):
            groups.setdefault(key, Group(key, label)).rows.append(row)
    return sorted(groups.values(), key=lambda g: g.label)


def build(edition, as_of=None) -> dict:
    from leitstand.monitoring.summaries import field_of_action

    as_of = known_day(as_of)
    rows = goal_rows(edition, today=as_of, live=True)
    horizon_labels = dict(horizons.CHOICES)
    return {
        "edition": edition, "strategy": edition.strategy,
        "as_of": as_of or timezone.localdate(), "rows": rows, "total": len(rows),
        "columns": [(c, vocabulary.label(c)) for c in COLUMNS],
        "by_section": _group(rows, lambda r: [(
            field_of_action(r.goal.section),
            str(r.goal.section.field_of_action) if r.goal.section else "–")]),
        "by_unit": _group(rows, lambda r: [(u.slug, str(u)) for u in
                                           r.goal.responsible_units.all()] or [("", "–")]),
        "by_horizon": _group(rows, lambda r: [(r.goal.horizon or "none",
                                               str(horizon_labels.get(r.goal.horizon,
                                                                      "ohne Zeithorizont")))]),
        "not_measurable": [r for r in rows if not r.measurability.measurable],
        "rules": status_rules.RULES, "ruleset": status_rules.RULESET,
        "assessment_rule": status.RULE,
        "generated": timezone.now(),
    }
