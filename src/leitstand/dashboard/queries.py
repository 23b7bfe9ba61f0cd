"""Fetches what the pages show, in a fixed number of queries whatever the data size."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone

from leitstand.monitoring.models import Assessment
from leitstand.monitoring.status import current, published_status
from leitstand.register import horizons
from leitstand.register.models import Edition, Goal, Organisation


@dataclass
class GoalRow:
    goal: Goal
    status: str
    rule: str
    decisive: Assessment | None
    due: dt.date | None
    overdue: bool
    latest_by_assessor: dict = field(default_factory=dict)
    assessments: list = field(default_factory=list)

    @property
    def unit_slugs(self) -> list[str]:
        return [u.slug for u in self.goal.responsible_units.all()]


def edition_or_404(strategy_slug: str, edition_slug: str, user=None) -> Edition:
    editions = Edition.objects.select_related("strategy").filter(
        strategy__slug=strategy_slug, slug=edition_slug)
    if not (user and user.is_staff):
        editions = editions.filter(status=Edition.PUBLISHED)
    edition = editions.first()
    if edition is None:
        raise Http404("No such edition.")
    return edition


def goal_rows(edition: Edition | None, goals=None, today: dt.date | None = None,
              editions: dict | None = None) -> list[GoalRow]:
    """Goals with their published status; three queries for any number of goals.

    `editions` (id -> Edition) serves goals of several editions at once.
    """
    today = today or timezone.localdate()
    editions = editions or {edition.id: edition}
    goals = (goals if goals is not None else Goal.objects.filter(edition__in=list(editions)))
    goals = list(goals.select_related("section__parent").prefetch_related(
        Prefetch("responsible_units", queryset=Organisation.objects.order_by("short_name"))))
    assessments: dict[int, list] = {}
    for a in Assessment.objects.public(today).filter(goal__in=[g.id for g in goals]).order_by(
            "as_of", "created_at"):
        assessments.setdefault(a.goal_id, []).append(a)
    rows = []
    for goal in goals:
        goal.edition = editions[goal.edition_id]
        items = assessments.get(goal.id, [])
        for a in items:
            a.goal = goal  # fills the relation's cache: no query per assessment
        published = published_status(items)
        due = horizons.due_date(goal.edition.adopted_on, goal.horizon, goal.deadline)
        latest = {}
        for kind in ("government", "independent", "third_party"):
            for a in current(items, kind):
                latest[a.assessor] = a  # ordered by as_of: the last one wins
        rows.append(GoalRow(goal, published.code, published.rule, published.assessment, due,
                            horizons.is_overdue(due, published.code, today), latest, items))
    return rows


def current_edition(strategy) -> Edition | None:
    published = [e for e in strategy.editions.all() if e.status == Edition.PUBLISHED]
    return max(published, key=lambda e: (e.year, e.adopted_on or dt.date.min), default=None)
