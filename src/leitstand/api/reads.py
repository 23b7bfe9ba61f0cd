"""The REST API's reading endpoints: public, each refusing parameters it does not know, and
with `stand=YYYY-MM-DD` wherever statuses, assessments or observations are involved."""

import datetime as dt

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from leitstand.api.routes import router
from leitstand.api.schemas import (
    ERRORS,
    AssessmentOut,
    Day,
    EditionList,
    Error,
    GoalOut,
    GoalQuery,
    Id,
    IndicatorOut,
    MeasureOut,
    MeasureStatus,
    ObservationOut,
    SectionOut,
    Slug,
    StrategyOut,
    SummaryOut,
    TargetOut,
    assessment_out,
    goal_out,
    measure_out,
    num,
)
from leitstand.monitoring.filters import GoalFilter
from leitstand.monitoring.known import known_observations
from leitstand.monitoring.models import Assessment, known_day
from leitstand.monitoring.rows import goal_rows
from leitstand.monitoring.summaries import edition_summary
from leitstand.register.models import Edition, Goal, Indicator, Measure, Section, Strategy, Target
from leitstand.register.search import goals_everywhere_query

PAGE = {"limit", "offset"}  # the pagination's parameters, allowed on every listing


def only(request, *names: str) -> None:
    """Refuse query parameters that are not part of this endpoint."""
    unknown = sorted(set(request.GET) - set(names))
    if unknown:
        raise HttpError(400, f"Unknown parameter(s): {', '.join(unknown)}. "
                             f"Allowed: {', '.join(sorted(names)) or 'none'}.")


def _published(pk: Id) -> Edition:
    edition = Edition.objects.select_related("strategy").filter(
        pk=pk, status=Edition.PUBLISHED).first()
    if edition is None:
        raise Http404("No such published edition.")
    return edition



@router.get("/strategies", response={200: list[StrategyOut], 400: Error}, tags=["register"])
def list_strategies(request):
    """Every strategy with the keys of its published editions."""
    only(request)
    result = []
    for s in Strategy.objects.prefetch_related("editions").order_by("slug"):
        result.append({"slug": s.slug, "name": s.name, "jurisdiction": s.jurisdiction,
                       "language": s.language,
                       "editions": [e.id for e in s.editions.all()
                                    if e.status == Edition.PUBLISHED]})
    return result


@router.get("/editions", response={200: EditionList, 400: Error}, url_name="editions",
         tags=["register"])
def list_editions(request, strategy: Slug | None = None):
    """The published editions, of one strategy if `strategy` is given."""
    only(request, "strategy")
    editions = Edition.objects.filter(status=Edition.PUBLISHED).select_related("strategy")
    if strategy:
        editions = editions.filter(strategy__slug=strategy)
    return {"editions": [{
        "id": e.id, "strategy": e.strategy.slug, "label": e.label, "slug": e.slug,
        "year": e.year, "adopted_on": e.adopted_on, "declared_goal_count": e.declared_goal_count,
        "summary": f"/api/v1/editions/{e.id}/summary"} for e in editions]}


@router.get("/editions/{pk}/summary", response={200: SummaryOut, **ERRORS}, url_name="summary",
         tags=["monitoring"])
def summary(request, pk: Id, stand: Day | None = None):
    """Goals by status, horizon, field of action and unit, each with the denominator."""
    only(request, "stand")
    return edition_summary(_published(pk), today=stand)


@router.get("/editions/{pk}/sections", response={200: list[SectionOut], **ERRORS},
         tags=["register"])
def list_sections(request, pk: Id):
    """The chapters and fields of action of a published edition, in reading order."""
    only(request)
    edition = _published(pk)
    return [{"id": s.id, "slug": s.slug, "number": s.number, "title": s.title, "kind": s.kind,
             "field_of_action": s.is_field_of_action,
             "parent": s.parent.slug if s.parent else None}
            for s in Section.objects.filter(edition=edition).select_related("parent")]


@router.get("/goals", response={200: list[GoalOut], 400: Error}, tags=["monitoring"])
@paginate(LimitOffsetPagination)
def list_goals(request, filters: Query[GoalQuery]):
    """Goals with their published and computed status; filters combine with AND."""
    only(request, *GoalQuery.model_fields, *PAGE)
    editions = Edition.objects.filter(status=Edition.PUBLISHED).select_related("strategy")
    if filters.edition is not None:
        editions = editions.filter(pk=filters.edition)
    if filters.strategy:
        editions = editions.filter(strategy__slug=filters.strategy)
    wanted = GoalFilter(section=filters.section or "", unit=filters.unit or "",
                        horizon=filters.horizon or "", status=filters.status or "",
                        overdue=bool(filters.overdue), q=(filters.q or "")[:200])
    found = goals_everywhere_query(wanted.q) if wanted.q else None  # of `editions`, below
    key, reverse = filters.sort.lstrip("-"), filters.sort.startswith("-")
    goals = Goal.objects.filter(edition__in=editions.values("id"))
    if found is not None:
        goals = goals.filter(id__in=found)
    narrowed = wanted.in_database(goals, known_day(filters.stand) or timezone.localdate())
    if key == "code" and narrowed is not None:
        # filtered, ordered, counted and sliced by the database, the editions read for the
        # page's goals only: with 100,000 goals, reading every goal (or every edition) to
        # filter and sort it here took seconds
        order = ["edition_id", "code"]
        return GoalPage(narrowed.only("id", "edition", "code").order_by(
            *(f"-{o}" for o in order) if reverse else order), editions, filters.stand)
    editions = {e.id: e for e in editions}
    if not editions:
        return []
    ids = None if found is None else {row["object_id"] for row in found}
    rows = [r for r in goal_rows(None, editions=editions, today=filters.stand)
            if wanted.keep(r, ids)]
    if key == "due_date":
        rows.sort(key=lambda r: (r.due is None, r.due or dt.date.max), reverse=reverse)
    elif key == "status":
        rows.sort(key=lambda r: r.status)
    else:
        rows.sort(key=lambda r: (r.goal.edition_id, r.goal.code), reverse=reverse)
    return GoalPage([r.goal for r in rows], editions, filters.stand, rows)


class GoalPage:
    """The goals of a listing in their order; statuses are computed for the page the
    pagination slices out, not for every goal (with 100,000 goals, that is the difference
    between milliseconds and seconds). Rows already computed for a filter are reused."""

    def __init__(self, goals, editions, stand, rows=None):
        """`goals`: a list, or an ordered query set that the database counts and slices;
        `editions`: by id, or a query of them."""
        self.goals, self.editions, self.stand = goals, editions, stand
        self.rows = {r.goal.id: r for r in rows} if rows is not None else None

    def __len__(self):
        return len(self.goals) if isinstance(self.goals, list) else self.goals.count()

    def __getitem__(self, part):
        chosen = list(self.goals[within_rows(part)])
        rows = self.rows
        if rows is None and chosen:
            editions = self.editions
            if not isinstance(editions, dict):  # a query: only the editions of these goals
                editions = editions.in_bulk({g.edition_id for g in chosen})
            rows = {r.goal.id: r for r in goal_rows(
                None, Goal.objects.filter(pk__in=[g.id for g in chosen]),
                today=self.stand, editions=editions)}
        return [goal_out(rows[g.id]) for g in chosen]


class Shaped:
    """A query set the pagination counts and slices in the database, each row of the page
    shaped for the answer: a listing over 10,000,000 observations (or 100,000 indicators)
    reads one page of them (a list of every row shaped first held them all in memory)."""

    def __init__(self, items, shape):
        self.items, self.shape = items, shape

    def __len__(self):
        return self.items.count()

    def __getitem__(self, part):
        return [self.shape(o) for o in self.items[within_rows(part)]]


def within_rows(part: slice) -> slice:
    """A page's slice with both ends in the range a database's OFFSET and LIMIT take: an
    offset of 10**30 lies past every row, an empty page (as a list sliced it), not an error."""
    top = 2**62
    return slice(min(part.start or 0, top),
                 top if part.stop is None else min(part.stop, top))


@router.get("/goals/{pk}", response={200: GoalOut, **ERRORS}, tags=["monitoring"])
def get_goal(request, pk: Id, stand: Day | None = None):
    """One goal of a published edition with its published and computed status."""
    only(request, "stand")
    goal = get_object_or_404(Goal.objects.select_related("edition__strategy"), pk=pk,
                             edition__status=Edition.PUBLISHED)
    return goal_out(goal_rows(goal.edition, Goal.objects.filter(pk=pk), today=stand,
                               live=True)[0])


@router.get("/targets", response={200: list[TargetOut], 400: Error}, tags=["register"])
@paginate(LimitOffsetPagination)
def list_targets(request, goal: Id | None = None, edition: Id | None = None):
    """The measurable targets of published goals, of one goal or edition if given."""
    only(request, "goal", "edition", *PAGE)
    items = Target.objects.filter(goal__edition__status=Edition.PUBLISHED).prefetch_related(
        "indicators").order_by("goal_id", "order", "id")
    if goal is not None:
        items = items.filter(goal=goal)
    if edition is not None:
        items = items.filter(goal__edition=edition)
    return Shaped(items, lambda t: {
        "id": t.id, "goal": t.goal_id, "metric": t.metric, "value": num(t.value),
        "unit": t.unit, "comparator": t.comparator, "deadline": t.deadline, "per": t.per,
        "baseline_year": t.baseline_year, "baseline_value": num(t.baseline_value),
        "factor": num(t.factor), "rank": t.rank,
        "indicators": [i.slug for i in t.indicators.all()]})


@router.get("/measures", response={200: list[MeasureOut], 400: Error}, tags=["register"])
@paginate(LimitOffsetPagination)
def list_measures(request, edition: Id | None = None, unit: Slug | None = None,
                  status: MeasureStatus | None = None):  # type: ignore[valid-type]
    """The measures of published editions; filters combine with AND."""
    only(request, "edition", "unit", "status", *PAGE)
    items = Measure.objects.filter(edition__status=Edition.PUBLISHED).select_related(
        "section").prefetch_related("responsible_units").order_by("edition_id", "order")
    if edition is not None:
        items = items.filter(edition=edition)
    if unit:
        items = items.filter(responsible_units__slug=unit)
    if status:
        items = items.filter(status=status)
    return Shaped(items, measure_out)


@router.get("/indicators", response={200: list[IndicatorOut], 400: Error}, tags=["register"])
@paginate(LimitOffsetPagination)
def list_indicators(request, strategy: Slug | None = None):
    """The indicators with their definitions, of one strategy if given."""
    only(request, "strategy", *PAGE)
    items = Indicator.objects.select_related("strategy").order_by("strategy__slug", "slug")
    if strategy:
        items = items.filter(strategy__slug=strategy)
    return Shaped(items, lambda i: {
        "id": i.id, "strategy": i.strategy.slug, "slug": i.slug, "name": i.name,
        "unit": i.unit, "definition": i.definition, "publisher": i.publisher,
        "source_url": i.source_url, "update_frequency": i.update_frequency})


@router.get("/observations", response={200: list[ObservationOut], 400: Error},
         tags=["monitoring"])
@paginate(LimitOffsetPagination)
def list_observations(request, indicator: Id | None = None, stand: Day | None = None):
    """Observed values, oldest first; with `stand`, only those recorded by that day."""
    only(request, "indicator", "stand", *PAGE)
    items = known_observations(stand, **({"indicator": indicator} if indicator else {}))
    return Shaped(items, lambda o: {
        "id": o.id, "indicator": o.indicator_id, "date": o.date, "value": float(o.value),
        "source_url": o.source_url, "note": o.note, "recorded_at": o.recorded_at})


@router.get("/assessments", response={200: list[AssessmentOut], 400: Error},
         tags=["monitoring"])
@paginate(LimitOffsetPagination)
def list_assessments(request, goal: Id | None = None, edition: Id | None = None,
                     stand: Day | None = None):
    """Approved, published assessments; drafts are never public."""
    only(request, "goal", "edition", "stand", *PAGE)
    items = Assessment.objects.public(stand).filter(
        goal__edition__status=Edition.PUBLISHED).order_by("goal_id", "as_of", "id")
    if goal is not None:
        items = items.filter(goal=goal)
    if edition is not None:
        items = items.filter(goal__edition=edition)
    return Shaped(items, assessment_out)
