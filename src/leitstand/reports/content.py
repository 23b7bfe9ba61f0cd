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
    columns: tuple[str, ...] = tuple(COLUMNS)

    @property
    def counts(self) -> list[int]:
        return [sum(r.status == c for r in self.rows) for c in self.columns]

    @property
    def overdue(self) -> int:
        return sum(r.overdue for r in self.rows)


def _group(rows, keys_and_labels, columns) -> list[Group]:
    groups: dict[str, Group] = {}
    for row in rows:
        for key, label in keys_and_labels(row):
            groups.setdefault(key, Group(key, label, columns=columns)).rows.append(row)
    return sorted(groups.values(), key=lambda g: g.label)


def present_statuses(rows) -> tuple[str, ...]:
    """The status columns a table needs: those some goal has (a column of zeros says nothing
    and leaves the page too narrow for type that can be read)."""
    return tuple(c for c in COLUMNS if any(r.status == c for r in rows))


def build(edition, as_of=None) -> dict:
    from leitstand.monitoring.summaries import field_of_action

    as_of = known_day(as_of)
    rows = goal_rows(edition, today=as_of, live=True)
    horizon_labels = dict(horizons.CHOICES)
    columns = present_statuses(rows)
    return {
        "edition": edition, "strategy": edition.strategy,
        "as_of": as_of or timezone.localdate(), "rows": rows, "total": len(rows),
        "columns": [(c, vocabulary.label(c)) for c in columns],
        "by_section": _group(rows, lambda r: [(
            field_of_action(r.goal.section),
            str(r.goal.section.field_of_action) if r.goal.section else "–")], columns),
        "by_unit": _group(rows, lambda r: [(u.slug, str(u)) for u in r.units] or [("", "–")],
                           columns),
        "by_horizon": _group(rows, lambda r: [(r.goal.horizon or "none",
                                               str(horizon_labels.get(r.goal.horizon,
                                                                      "ohne Zeithorizont")))],
                              columns),
        "not_measurable": [r for r in rows if not r.measurability.measurable],
        "rules": _german_rules(), "ruleset": status_rules.RULESET,
        "assessment_rule": status.RULE,
        "generated": timezone.now(),
    }


def _german_rules() -> list[tuple[str, str]]:
    """The Methodik page's rules as the German report states them, whatever the request's
    language."""
    from django.utils import translation

    with translation.override("de"):
        return [(str(r.title), str(r.text)) for r in status_rules.RULES]
