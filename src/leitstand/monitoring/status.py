"""The published status of a goal, from its assessments (pure functions).

Rule "latest-government-assessment/1": among the public assessments by the
government, a correction hides the assessment it replaces; the one with the
latest as-of date (then the latest recorded) gives the status. Without one,
the goal is "not assessed". Assessments by others are shown beside it and
never change it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

RULE = "latest-government-assessment/1"


class AssessmentLike(Protocol):
    id: int
    status: str
    as_of: dt.date
    created_at: dt.datetime
    assessor_kind: str
    replaces_id: int | None


@dataclass(frozen=True)
class PublishedStatus:
    code: str
    assessment: AssessmentLike | None
    rule: str = RULE


def current(assessments: Iterable[AssessmentLike], kind: str = "government") -> list:
    """The assessments of one kind of assessor that no correction has replaced."""
    items = [a for a in assessments if a.assessor_kind == kind]
    replaced = {a.replaces_id for a in items if a.replaces_id}
    return [a for a in items if a.id not in replaced]


def published_status(assessments: Iterable[AssessmentLike]) -> PublishedStatus:
    candidates = current(assessments)
    if not candidates:
        return PublishedStatus("not_assessed", None)
    latest = max(candidates, key=lambda a: (a.as_of, a.created_at, a.id))
    return PublishedStatus(latest.status, latest)
