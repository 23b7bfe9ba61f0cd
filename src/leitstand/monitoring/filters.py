"""The goal list's filters: only these parameters and values are accepted."""

from __future__ import annotations

from dataclasses import dataclass

from leitstand.monitoring import vocabulary
from leitstand.register import horizons
from leitstand.register.search import matching_ids

MAX_QUERY = 200


@dataclass(frozen=True)
class GoalFilter:
    section: str = ""
    unit: str = ""
    horizon: str = ""
    status: str = ""
    overdue: bool = False
    measurable: str = ""  # "yes" or "no"
    q: str = ""
    assessor: str = ""  # with `assessed`: the goals this assessor put in that status
    assessed: str = ""

    @classmethod
    def from_params(cls, params) -> GoalFilter:
        horizon = params.get("horizon", "")
        status = params.get("status", "")
        return cls(
            section=params.get("section", "")[:60],
            unit=params.get("unit", "")[:60],
            horizon=horizon if horizon in horizons.YEARS or horizon == horizons.LONG else "",
            status=status if status in vocabulary.BY_CODE else "",
            overdue=params.get("overdue") == "1",
            measurable=params.get("measurable", "") if params.get("measurable") in ("yes", "no")
            else "",
            q=params.get("q", "").replace("\x00", "")[:MAX_QUERY].strip(),
            assessor=params.get("assessor", "").replace("\x00", "")[:200],
            assessed=params.get("assessed", "") if params.get("assessed") in vocabulary.BY_CODE
            else "",
        )

    @property
    def active(self) -> bool:
        return any([self.section, self.unit, self.horizon, self.status, self.overdue, self.q,
                    self.measurable, self.assessor])

    def found(self, edition) -> dict[str, set[int]] | None:
        """What the query finds in the edition, ids per kind; None without a query."""
        return matching_ids(self.q, edition.strategy_id, edition.id) if self.q else None

    def apply(self, rows, edition) -> tuple[list, dict | None]:
        """The rows the filter keeps, and what its query found (for measures, indicators)."""
        found = self.found(edition)
        return [r for r in rows if self.keep(r, found["goal"] if found else None)], found

    def in_database(self, goals, day):
        """`goals` (a query) narrowed to those this filter keeps, by the database – the status
        from the day's snapshots –, or None where only the rows can tell: the overdue,
        measurable and assessor filters, or a status asked for while a goal lacks that day's
        snapshot. With 100,000 goals that is one query instead of computing every status."""
        from django.db.models import Exists, OuterRef, Q

        from leitstand.monitoring.models import StatusSnapshot
        from leitstand.monitoring.status_rules import RULESET

        if self.overdue or self.measurable or self.assessor:
            return None
        if self.status:
            snapshots = StatusSnapshot.objects.filter(
                StatusSnapshot.holding_on(day), ruleset=RULESET).exclude(status="")
            if goals.exclude(Exists(snapshots.filter(goal=OuterRef("pk")))).exists():
                return None
            goals = goals.filter(Exists(snapshots.filter(goal=OuterRef("pk"),
                                                         status=self.status)))
        if self.section:
            goals = goals.filter(Q(section__slug=self.section)
                                 | Q(section__parent__slug=self.section))
        if self.unit:
            goals = goals.filter(responsible_units__slug=self.unit)
        if self.horizon:
            goals = goals.filter(horizon=self.horizon)
        return goals

    def keep(self, row, matching_ids=None) -> bool:
        goal = row.goal
        return ((not self.section or _in_section(goal, self.section))
                and (not self.unit or self.unit in row.unit_slugs)
                and (not self.horizon or goal.horizon == self.horizon)
                and (not self.status or row.status == self.status)
                and (not self.overdue or row.overdue)
                and (not self.measurable
                     or row.measurability.measurable == (self.measurable == "yes"))
                and (not self.assessor or _assessed_as(row, self.assessor, self.assessed))
                and (matching_ids is None or goal.id in matching_ids))


def _assessed_as(row, assessor: str, status: str) -> bool:
    """Whether the assessor's latest assessment of the goal has that status (any, without
    one). The assessor is named as the overview counts them (aggregates.assessor_table)."""
    return any(a.assessor.split(" (")[0] == assessor and (not status or a.status == status)
               for a in row.latest_by_assessor.values())


def _in_section(goal, slug: str) -> bool:
    """A goal is in a section when it stands in it or in one of its subsections."""
    section = goal.section
    return section is not None and (
        section.slug == slug or (section.parent is not None and section.parent.slug == slug))
