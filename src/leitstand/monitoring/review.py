"""When a goal was last assessed, when the next assessment is due, and whether it is stale.

A goal counts as assessed on the latest day an approved assessment describes or an
indicator of its targets was observed. The next assessment is due REVIEW_INTERVAL after
that (after the edition's adoption where nothing exists yet). A goal past that day, and not
achieved or dropped, is stale: its editors see it in their list.
"""

from __future__ import annotations

import datetime as dt

from leitstand.monitoring.vocabulary import CLOSED

REVIEW_INTERVAL = dt.timedelta(days=365)


def last_assessed(assessment_days, observation_days) -> dt.date | None:
    days = [d for d in list(assessment_days) + list(observation_days) if d is not None]
    return max(days) if days else None


def next_due(last: dt.date | None, adopted_on: dt.date | None) -> dt.date | None:
    start = last or adopted_on
    return start + REVIEW_INTERVAL if start else None


def is_stale(due: dt.date | None, status: str, today: dt.date) -> bool:
    return due is not None and due < today and status not in CLOSED


def is_overdue(due: dt.date | None, status: str, today: dt.date) -> bool:
    return due is not None and due < today and status not in CLOSED
