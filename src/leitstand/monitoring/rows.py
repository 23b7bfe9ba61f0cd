"""The status read model: every goal with its published and computed status, targets,
observations, measurability and review dates, in a fixed number of queries whatever the data
size. Every surface (dashboard, api, reports) and the snapshots read goals through it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from leitstand.monitoring import measurability, review, status_rules
from leitstand.monitoring.known import known_observations, rule_points
from leitstand.monitoring.models import Assessment, known_day
from leitstand.monitoring.status import current, published_status
from leitstand.register import horizons
from leitstand.register.models import Edition, Goal, Target

# What no reader of the rows' assessments shows (the goal page, the API and the feeds read
# assessments themselves): not loaded. A moment read by psycopg through Django's time zone
# loader costs some 15 microseconds; an overview's 114 assessments paid 2 ms for approval
# times nobody showed.
UNREAD_ASSESSMENT_FIELDS = ("approved_at", "publish_on", "evidence_links", "correction_reason",
                            "created_by", "approved_by")


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
    computed: status_rules.Verdict | None = None
    targets: list = field(default_factory=list)
    observations: dict = field(default_factory=dict)  # indicator id -> observation rows
    measurability: measurability.Measurability | None = None
    last_assessed: dt.date | None = None
    next_review: dt.date | None = None
    stale: bool = False
    last_observed: dt.date | None = None
    units: list = field(default_factory=list)  # the responsible units, by short name

    @property
    def unit_slugs(self) -> list[str]:
        return [u.slug for u in self.units]


def goal_rows(edition: Edition | None, goals=None, today: dt.date | None = None,  # noqa: C901
              editions: dict | None = None, known_assessments=None,
              with_observations: bool = False, live: bool = False,
              brief: bool = False) -> list[GoalRow]:
    """Goals with their published status, in a fixed number of queries for any number of goals.

    `editions` (id -> Edition) serves goals of several editions at once. Where every goal has
    a status snapshot for the day, the computed part comes from it; `live` or
    `with_observations` (the goal page's charts) always compute from the observations.
    `brief` rows hold what counting needs (status, due date, overdue, units, the assessors'
    latest word) and leave out the computed status's reason and inputs, the measurability
    checks and the review dates: an overview counts, it does not explain.
    """
    today = known_day(today) or timezone.localdate()
    editions = editions or {edition.id: edition}
    goals = (goals if goals is not None else Goal.objects.filter(edition__in=list(editions)))
    use_snapshots = not (live or with_observations or isinstance(goals, list))
    snapshot_fields = BRIEF_SNAPSHOT_FIELDS if brief else SNAPSHOT_FIELDS
    units_of = None  # goals given as a list bring their units prefetched
    # The goals for the other queries to read by: a subquery, not a list of ids (a statement
    # with more than 50 parameters is parsed anew by psycopg on every request, 1 ms each).
    chosen = [g.id for g in goals] if isinstance(goals, list) else goals.values("id")
    if not isinstance(goals, list):
        units_of = _units_of(chosen)
        if use_snapshots:
            goals = _with_snapshot(goals, today, snapshot_fields)
        goals = list(goals.select_related("section__parent"))
    snapshots = _snapshots(goals, snapshot_fields) if use_snapshots else {}
    dues = {g.id: horizons.due_date(editions[g.edition_id].adopted_on, g.horizon, g.deadline)
            for g in goals}
    if snapshots:
        targets, series, observation_rows = {}, {}, {}
    else:
        targets, series, observation_rows = _targets_and_series(goals, chosen, dues, editions,
                                                                today, with_observations)
    assessments: dict[int, list] = {}
    if known_assessments is None:  # a caller may have fetched them with others already
        known_assessments = Assessment.objects.public(today).filter(
            goal__in=chosen).order_by("as_of", "created_at").defer(
            *UNREAD_ASSESSMENT_FIELDS)
    for a in known_assessments:
        assessments.setdefault(a.goal_id, []).append(a)
    rows = []
    for goal in goals:
        goal.edition = editions[goal.edition_id]
        items = assessments.get(goal.id, [])
        for a in items:
            a.goal = goal  # fills the relation's cache: no query per assessment
        goal_targets = targets.get(goal.id, [])
        units = (units_of.get(goal.id, []) if units_of is not None
                 else list(goal.responsible_units.all()))
        due = dues[goal.id]
        snap = snapshots.get(goal.id)
        if snap is not None:
            shown = status_rules.Verdict(snap.computed_status, "") if brief else \
                status_rules.Verdict(snap.computed_status, snap.reason, snap.inputs)
            computed = shown if snap.computed_status in status_rules.ORDER else None
        else:
            computed = status_rules.judge_goal(
                [(_target_input(t, due), [series[i.id] for i in t.indicator_list])
                 for t in goal_targets], today) if goal_targets else None
            shown = computed or _explain(goal_targets, series, due, today)
        published = published_status(items)
        if computed is not None:
            published = type(published)(computed.status, None, f"computed:{status_rules.RULESET}")
        latest = {}
        for kind in ("government", "independent", "third_party"):
            for a in current(items, kind):
                latest[a.assessor] = a  # ordered by as_of: the last one wins
        rows.append(GoalRow(goal, published.code, published.rule, published.assessment, due,
                            review.is_overdue(due, published.code, today), latest, items,
                            shown, goal_targets,
                            {i.id: observation_rows[i.id] for t in goal_targets
                             for i in t.indicator_list},
                            None if brief else _snapshot_measurability(snap) if snap is not None
                            else _measurability(goal, units, goal_targets, series, due),
                            units=units))
        if brief:
            continue
        row = rows[-1]
        row.last_observed = snap.last_observed if snap is not None else max(
            (series[i.id].points[-1][0] for t in goal_targets for i in t.indicator_list
             if series[i.id].points), default=None)
        row.last_assessed = review.last_assessed((a.as_of for a in items), [row.last_observed])
        row.next_review = review.next_due(row.last_assessed, goal.edition.adopted_on)
        row.stale = review.is_stale(row.next_review, row.status, today)
    return rows


def _units_of(goal_ids) -> dict[int, list]:
    """Each goal's responsible units by short name, in one query over the link table, one
    object per unit however many goals it has (a prefetch builds a query set per goal: a fifth
    of an overview's time for 100 goals)."""
    from leitstand.register.models import Organisation

    fields = [f.attname for f in Organisation._meta.concrete_fields]
    links = Goal.responsible_units.through.objects.filter(goal__in=goal_ids)
    units: dict[int, list] = {}
    made: dict[int, Organisation] = {}
    for goal_id, *values in links.order_by("organisation__short_name", "organisation_id") \
            .values_list("goal_id", *(f"organisation__{f}" for f in fields)):
        unit = made.get(values[0])
        if unit is None:
            unit = made[values[0]] = Organisation.from_db(links.db, fields, values)
        units.setdefault(goal_id, []).append(unit)
    return units


def _targets(goal_ids) -> dict[int, list]:
    """The goals' targets, each with its indicators listed once as `indicator_list`: one
    query over the targets and their indicators, one object per target and per indicator (a
    prefetch builds a query set per target: a fifth of a live overview's time)."""
    from leitstand.register.models import Indicator

    own = [f.attname for f in Target._meta.concrete_fields]
    theirs = [f.attname for f in Indicator._meta.concrete_fields]
    query = Target.objects.filter(goal__in=goal_ids).order_by(
        "goal_id", "order", "id", "indicators__strategy_id", "indicators__name", "indicators__id")
    targets: dict[int, list] = {}
    made: dict[int, Target] = {}
    indicators: dict[int, Indicator] = {}
    for values in query.values_list(*own, *(f"indicators__{f}" for f in theirs)):
        target = made.get(values[0])
        if target is None:
            target = made[values[0]] = Target.from_db(query.db, own, values[:len(own)])
            target.indicator_list = []
            targets.setdefault(target.goal_id, []).append(target)
        linked = values[len(own):]
        if linked[0] is not None:  # a target without an indicator comes once, with none
            if linked[0] not in indicators:
                indicators[linked[0]] = Indicator.from_db(query.db, theirs, linked)
            target.indicator_list.append(indicators[linked[0]])
    return targets


def _targets_and_series(goals, goal_ids, dues, editions, today, with_rows=False):
    """Targets of the goals and the series of their indicators, as the rules read them on
    `today`: the points they read (known.rule_points), or every observation with its row where
    the goal page draws them (`with_rows`)."""
    targets = _targets(goal_ids)
    indicators = {i.id: i for ts in targets.values() for t in ts for i in t.indicator_list}
    rows: dict[int, list] = {i: [] for i in indicators}
    if with_rows:  # the goal page's data tables need sources and notes; counts do not
        points: dict[int, list] = {i: [] for i in indicators}
        for o in known_observations(today, indicator__in=list(indicators)):
            points[o.indicator_id].append((o.date, float(o.value)))
            rows[o.indicator_id].append({"date": o.date, "value": o.value,
                                         "source_url": o.source_url, "note": o.note})
        series = {i: status_rules.Series(ind.name, ind.unit, tuple(points[i]))
                  for i, ind in indicators.items()}
        return targets, series, rows
    cutoffs: dict[int, set] = {i: set() for i in indicators}
    for goal in goals:
        adopted = editions[goal.edition_id].adopted_on
        for t in targets.get(goal.id, []):
            for i in t.indicator_list:
                cutoffs[i.id].update(d for d in (t.deadline or dues[goal.id], adopted) if d)
    points, counts = rule_points(today, today, cutoffs)
    series = {i: status_rules.Series(ind.name, ind.unit, tuple(points[i]), (today, counts[i]))
              for i, ind in indicators.items()}
    return targets, series, rows


def _target_input(target, due) -> status_rules.TargetInput:
    def as_float(d):
        return (None if d is None else float(d))
    return status_rules.TargetInput(as_float(target.value), target.unit, target.comparator or None,
                             target.deadline or due, as_float(target.baseline_value),
                             as_float(target.factor))


def _explain(goal_targets, series, due, today):
    """Why a goal has no computed status: the verdict of its first target, or none at all."""
    if not goal_targets:
        return status_rules.Verdict("not_measurable", "the goal states no target")
    t = goal_targets[0]
    return status_rules.judge_target(_target_input(t, due),
                                     [series[i.id] for i in t.indicator_list], today)


def _measurability(goal, units, goal_targets, series, due):
    plain = [{"metric": t.metric, "value": _num(t.value), "unit": t.unit,
              "deadline": t.deadline, "baseline_value": _num(t.baseline_value),
              "baseline_year": t.baseline_year, "factor": _num(t.factor),
              "comparator": t.comparator} for t in goal_targets]
    indicators = [i for t in goal_targets for i in t.indicator_list]
    points = list(series[indicators[0].id].points) if indicators else []
    return measurability.assess(
        plain, responsible=bool(units),
        indicators_with_source=sum(1 for i in indicators if i.source_url), due=due,
        adopted_on=goal.edition.adopted_on, observations=points)


def _num(value):
    return None if value is None else float(value)


SNAPSHOT_FIELDS = ["computed_status", "reason", "inputs", "checks", "met_before_set",
                   "last_observed", "ruleset"]
BRIEF_SNAPSHOT_FIELDS = ["computed_status", "ruleset"]


def _with_snapshot(goals, day, fields):
    """The snapshot holding on the day joined into the goal query itself: no extra query."""
    from django.db.models import F, FilteredRelation

    from leitstand.monitoring.models import StatusSnapshot

    goals = goals.annotate(snap=FilteredRelation(
        "snapshots", condition=StatusSnapshot.holding_on(day, "snapshots__")))
    return goals.annotate(**{f"snap_{f}": F(f"snap__{f}") for f in fields})


def _snapshots(goals, fields) -> dict:
    """The joined snapshots by goal, but only where every goal has one: else compute live."""
    from types import SimpleNamespace

    if not goals or any(getattr(g, "snap_ruleset", None) != status_rules.RULESET for g in goals):
        return {}
    return {g.id: SimpleNamespace(**{f: getattr(g, f"snap_{f}") for f in fields})
            for g in goals}


def _snapshot_measurability(snap):
    checks = [measurability.Check(key, measurability.LABELS[key], ok) for key, ok in snap.checks]
    return measurability.Measurability(checks, snap.met_before_set)
