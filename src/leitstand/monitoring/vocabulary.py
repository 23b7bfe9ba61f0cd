"""The one status vocabulary of the product, with a public explanation of each status.

Every page, export and rule takes its codes and labels from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Status:
    code: str
    label: object
    explanation: object
    symbol: str  # shown beside the colour, so colour never carries the status alone


STATUSES = (
    Status("not_assessed", _("not assessed"),
           _("Nobody responsible has published an assessment of this goal yet."), "○"),
    Status("no_evidence", _("no evidence available"),
           _("An assessment was attempted, but no data or documents exist to judge the goal."),
           "?"),
    Status("not_started", _("not started"),
           _("Work towards the goal has not begun."), "–"),
    Status("in_progress", _("in progress"),
           _("Work has begun; whether the goal will be reached in time is not stated."), "…"),
    Status("on_track", _("on track"),
           _("Work is under way and the goal is expected to be reached by its due date."), "↗"),
    Status("at_risk", _("at risk"),
           _("The goal may not be reached by its due date without further action."), "!"),
    Status("achieved", _("achieved"), _("The goal has been reached."), "✓"),
    Status("missed", _("missed"), _("The due date has passed and the goal was not reached."), "✗"),
    Status("not_measurable", _("not measurable"),
           _("The goal states no target value, deadline or indicator that a rule could check."),
           "∅"),
    Status("no_data", _("no data"),
           _("The goal is measurable, but there are not enough observations to judge it."), "·"),
    Status("dropped", _("dropped"),
           _("The goal was given up or replaced; the reason is recorded with the assessment."),
           "⌀"),
)

BY_CODE = {s.code: s for s in STATUSES}
CHOICES = [(s.code, s.label) for s in STATUSES]
DEFAULT = "not_assessed"
# A goal with one of these statuses is finished and cannot be overdue.
CLOSED = frozenset({"achieved", "dropped"})


def label(code: str) -> str:
    return str(BY_CODE[code].label)
