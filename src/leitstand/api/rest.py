"""The REST API under /api/v1/ (django-ninja), with its OpenAPI document at
/api/v1/openapi.json and browsable docs at /api/v1/docs.

Reading is public and accepts `stand=YYYY-MM-DD` (the data as known on that day) wherever
statuses, assessments or observations are involved. Writing needs an editor's API token
(`Authorization: Bearer …`, made with `leitstand api-token create`) and obeys the same
rules as the editors' pages. Errors are JSON `{"detail": "…"}`; unknown query parameters
are refused with 400 instead of being ignored.
"""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import NinjaAPI, Query, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import HttpBearer
from pydantic import Field

from leitstand.api import tables
from leitstand.api.summaries import edition_summary
from leitstand.api.tokens import user_for_token
from leitstand.dashboard.filters import GoalFilter
from leitstand.dashboard.queries import goal_rows
from leitstand.dashboard.search import matching_ids
from leitstand.monitoring import services as monitoring
from leitstand.monitoring import vocabulary
from leitstand.monitoring.models import Assessment, Observation, end_of_day, known_day
from leitstand.register.actors import actor_for, scope_of
from leitstand.register.models import (
    Edition,
    Goal,
    Indicator,
    Measure,
    Section,
    Strategy,
    Target,
)
from leitstand.register.rules import allowed

api = NinjaAPI(title="Leitstand API", version="1", urls_namespace="api", description=(
    "The register and monitoring of public strategies. Read access is public; "
    "`stand=YYYY-MM-DD` gives the data as known on that day. Writing needs an editor's "
    "API token (Bearer)."))

StatusCode = Literal[tuple(s.code for s in vocabulary.STATUSES)]  # type: ignore[valid-type]
PAGE = {"limit", "offset"}
# Ids are database keys: anything beyond a 64-bit key cannot name a record.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]
Slug = Annotated[str, Field(max_length=100, pattern=r"^[\w-]+$")]
Text = Annotated[str, Field(max_length=200, pattern=r"^[^\x00]*$")]
# "As known on this day": the monitoring has no data before 1900 or after 2199.
Day = Annotated[dt.date, Field(ge=dt.date(1900, 1, 1), le=dt.date(2199, 12, 31))]


class Error(Schema):
    detail: str


ERRORS = {400: Error, 404: Error}


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)


@api.exception_handler(PermissionDenied)
def _denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Not allowed."}, status=403)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=400)


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


# ---- schemas ---------------------------------------------------------------------------

class StrategyOut(Schema):
    slug: str
    name: str
    jurisdiction: str
    language: str
    editions: list[int]


class EditionOut(Schema):
    id: int
    strategy: str
    label: str
    slug: str
    year: int
    adopted_on: dt.date | None
    declared_goal_count: int | None
    summary: str


class EditionList(Schema):
    editions: list[EditionOut]


class SummaryOut(Schema):
    edition: int
    as_of: dt.date
    denominator: int
    by_status: dict[str, int]
    by_horizon: dict[str, int]
    by_section: dict[str, int]
    by_unit: dict[str, int]


class SectionOut(Schema):
    id: int
    slug: str
    number: str
    title: str
    kind: str
    field_of_action: bool
    parent: str | None


class GoalOut(Schema):
    id: int
    strategy: str
    edition: int
    code: str
    title: str
    text: str
    section: str
    responsible_units: list[str]
    horizon: str
    due_date: dt.date | None
    overdue: bool
    status: str
    status_rule: str
    computed_status: str | None
    computed_reason: str | None
    source_page: int | None
    source_line: int | None
    url: str


class TargetOut(Schema):
    id: int
    goal: int
    metric: str
    value: float | None
    unit: str
    comparator: str
    deadline: dt.date | None
    per: str
    baseline_year: int | None
    baseline_value: float | None
    factor: float | None
    rank: int | None
    indicators: list[str]


class MeasureOut(Schema):
    id: int
    edition: int
    section: str | None
    group: str
    label: str
    text: str
    status: str
    responsible_units: list[str]


class IndicatorOut(Schema):
    id: int
    strategy: str
    slug: str
    name: str
    unit: str
    definition: str
    publisher: str
    source_url: str
    update_frequency: str


class ObservationOut(Schema):
    id: int
    indicator: int
    date: dt.date
    value: float
    source_url: str
    note: str
    recorded_at: dt.datetime


class AssessmentOut(Schema):
    id: int
    goal: int
    status: str
    as_of: dt.date
    assessor: str
    assessor_kind: str
    evidence: str
    links: list[str]
    replaces: int | None
    state: str
    approved_at: dt.datetime | None


def _goal_out(row) -> dict:
    goal = row.goal
    return {"id": goal.id, "strategy": goal.edition.strategy.slug, "edition": goal.edition_id,
            "code": goal.code, "title": goal.title, "text": goal.text,
            "section": tables.field_of_action(goal.section),
            "responsible_units": row.unit_slugs, "horizon": goal.horizon, "due_date": row.due,
            "overdue": row.overdue, "status": row.status, "status_rule": row.rule,
            "computed_status": row.computed.status if row.computed else None,
            "computed_reason": row.computed.reason if row.computed else None,
            "source_page": goal.source_page, "source_line": goal.source_line,
            "url": goal.get_absolute_url()}


def _assessment_out(a: Assessment) -> dict:
    return {"id": a.id, "goal": a.goal_id, "status": a.status, "as_of": a.as_of,
            "assessor": a.assessor, "assessor_kind": a.assessor_kind, "evidence": a.evidence,
            "links": a.links, "replaces": a.replaces_id, "state": a.state,
            "approved_at": a.approved_at}


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


# ---- read ------------------------------------------------------------------------------

@api.get("/strategies", response={200: list[StrategyOut], 400: Error}, tags=["register"])
def list_strategies(request):
    only(request)
    result = []
    for s in Strategy.objects.prefetch_related("editions").order_by("slug"):
        result.append({"slug": s.slug, "name": s.name, "jurisdiction": s.jurisdiction,
                       "language": s.language,
                       "editions": [e.id for e in s.editions.all()
                                    if e.status == Edition.PUBLISHED]})
    return result


@api.get("/editions", response={200: EditionList, 400: Error}, url_name="editions",
         tags=["register"])
def list_editions(request, strategy: Slug | None = None):
    only(request, "strategy")
    editions = Edition.objects.filter(status=Edition.PUBLISHED).select_related("strategy")
    if strategy:
        editions = editions.filter(strategy__slug=strategy)
    return {"editions": [{
        "id": e.id, "strategy": e.strategy.slug, "label": e.label, "slug": e.slug,
        "year": e.year, "adopted_on": e.adopted_on, "declared_goal_count": e.declared_goal_count,
        "summary": f"/api/v1/editions/{e.id}/summary"} for e in editions]}


@api.get("/editions/{pk}/summary", response={200: SummaryOut, **ERRORS}, url_name="summary",
         tags=["monitoring"])
def summary(request, pk: Id, stand: Day | None = None):
    """Goals by status, horizon, field of action and unit, each with the denominator."""
    only(request, "stand")
    return edition_summary(_published(pk), today=stand)


@api.get("/editions/{pk}/sections", response={200: list[SectionOut], **ERRORS},
         tags=["register"])
def list_sections(request, pk: Id):
    only(request)
    edition = _published(pk)
    return [{"id": s.id, "slug": s.slug, "number": s.number, "title": s.title, "kind": s.kind,
             "field_of_action": s.is_field_of_action,
             "parent": s.parent.slug if s.parent else None}
            for s in Section.objects.filter(edition=edition).select_related("parent")]


class GoalQuery(Schema):
    edition: Id | None = None
    strategy: Slug | None = None
    section: Slug | None = None
    unit: Slug | None = None
    horizon: Literal["short", "medium", "long"] | None = None
    status: StatusCode | None = None  # type: ignore[valid-type]
    overdue: bool | None = None
    q: Text | None = None
    stand: Day | None = None
    sort: Literal["code", "-code", "due_date", "-due_date", "status"] = "code"


@api.get("/goals", response={200: list[GoalOut], 400: Error}, tags=["monitoring"])
@paginate(LimitOffsetPagination)
def list_goals(request, filters: Query[GoalQuery]):
    """Goals with their published and computed status; filters combine with AND."""
    only(request, *GoalQuery.model_fields, *PAGE)
    editions = Edition.objects.filter(status=Edition.PUBLISHED).select_related("strategy")
    if filters.edition is not None:
        editions = editions.filter(pk=filters.edition)
    if filters.strategy:
        editions = editions.filter(strategy__slug=filters.strategy)
    editions = {e.id: e for e in editions}
    wanted = GoalFilter(section=filters.section or "", unit=filters.unit or "",
                        horizon=filters.horizon or "", status=filters.status or "",
                        overdue=bool(filters.overdue), q=(filters.q or "")[:200])
    ids = None
    if wanted.q:
        ids = set().union(*(matching_ids(wanted.q, e.strategy_id, e.id)["goal"]
                            for e in editions.values()))
    key, reverse = filters.sort.lstrip("-"), filters.sort.startswith("-")
    if not editions:
        return []
    if key == "code" and not (wanted.section or wanted.unit or wanted.horizon
                              or wanted.status or wanted.overdue):
        goals = Goal.objects.filter(edition__in=list(editions)).only("id", "edition", "code")
        goals = [g for g in goals if ids is None or g.id in ids]
        goals.sort(key=lambda g: (g.edition_id, g.code), reverse=reverse)
        return GoalPage(goals, editions, filters.stand)
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
        self.goals, self.editions, self.stand = goals, editions, stand
        self.rows = {r.goal.id: r for r in rows} if rows is not None else None

    def __len__(self):
        return len(self.goals)

    def __getitem__(self, part):
        chosen = self.goals[part]
        rows = self.rows
        if rows is None and chosen:
            rows = {r.goal.id: r for r in goal_rows(
                None, Goal.objects.filter(pk__in=[g.id for g in chosen]),
                today=self.stand, editions=self.editions)}
        return [_goal_out(rows[g.id]) for g in chosen]


@api.get("/goals/{pk}", response={200: GoalOut, **ERRORS}, tags=["monitoring"])
def get_goal(request, pk: Id, stand: Day | None = None):
    only(request, "stand")
    goal = get_object_or_404(Goal.objects.select_related("edition__strategy"), pk=pk,
                             edition__status=Edition.PUBLISHED)
    return _goal_out(goal_rows(goal.edition, Goal.objects.filter(pk=pk), today=stand,
                               live=True)[0])


@api.get("/targets", response={200: list[TargetOut], 400: Error}, tags=["register"])
@paginate(LimitOffsetPagination)
def list_targets(request, goal: Id | None = None, edition: Id | None = None):
    only(request, "goal", "edition", *PAGE)
    items = Target.objects.filter(goal__edition__status=Edition.PUBLISHED).prefetch_related(
        "indicators").order_by("goal_id", "order", "id")
    if goal is not None:
        items = items.filter(goal=goal)
    if edition is not None:
        items = items.filter(goal__edition=edition)
    return [{"id": t.id, "goal": t.goal_id, "metric": t.metric, "value": _num(t.value),
             "unit": t.unit, "comparator": t.comparator, "deadline": t.deadline, "per": t.per,
             "baseline_year": t.baseline_year, "baseline_value": _num(t.baseline_value),
             "factor": _num(t.factor), "rank": t.rank,
             "indicators": [i.slug for i in t.indicators.all()]} for t in items]


@api.get("/measures", response={200: list[MeasureOut], 400: Error}, tags=["register"])
@paginate(LimitOffsetPagination)
def list_measures(request, edition: Id | None = None, unit: Slug | None = None,
                  status: Literal["planned", "in_progress", "done"] | None = None):
    only(request, "edition", "unit", "status", *PAGE)
    items = Measure.objects.filter(edition__status=Edition.PUBLISHED).select_related(
        "section").prefetch_related("responsible_units").order_by("edition_id", "order")
    if edition is not None:
        items = items.filter(edition=edition)
    if unit:
        items = items.filter(responsible_units__slug=unit)
    if status:
        items = items.filter(status=status)
    return [_measure_out(m) for m in items]


def _measure_out(m: Measure) -> dict:
    return {"id": m.id, "edition": m.edition_id, "section": m.section.slug if m.section else None,
            "group": m.group, "label": m.label, "text": m.text, "status": m.status,
            "responsible_units": sorted(u.slug for u in m.responsible_units.all())}


@api.get("/indicators", response={200: list[IndicatorOut], 400: Error}, tags=["register"])
@paginate(LimitOffsetPagination)
def list_indicators(request, strategy: Slug | None = None):
    only(request, "strategy", *PAGE)
    items = Indicator.objects.select_related("strategy").order_by("strategy__slug", "slug")
    if strategy:
        items = items.filter(strategy__slug=strategy)
    return [{"id": i.id, "strategy": i.strategy.slug, "slug": i.slug, "name": i.name,
             "unit": i.unit, "definition": i.definition, "publisher": i.publisher,
             "source_url": i.source_url, "update_frequency": i.update_frequency}
            for i in items]


@api.get("/observations", response={200: list[ObservationOut], 400: Error},
         tags=["monitoring"])
@paginate(LimitOffsetPagination)
def list_observations(request, indicator: Id | None = None, stand: Day | None = None):
    only(request, "indicator", "stand", *PAGE)
    items = Observation.objects.order_by("indicator_id", "date")
    if indicator is not None:
        items = items.filter(indicator=indicator)
    if known_day(stand) is not None:
        items = items.filter(recorded_at__lt=end_of_day(stand))
    return [{"id": o.id, "indicator": o.indicator_id, "date": o.date, "value": float(o.value),
             "source_url": o.source_url, "note": o.note, "recorded_at": o.recorded_at}
            for o in items]


@api.get("/assessments", response={200: list[AssessmentOut], 400: Error},
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
    return [_assessment_out(a) for a in items]


# ---- write (editors' tokens) -----------------------------------------------------------

class ObservationIn(Schema):
    indicator: Id
    date: dt.date
    value: Decimal
    source_url: str
    note: str = ""


class AssessmentIn(Schema):
    goal: Id
    status: StatusCode  # type: ignore[valid-type]
    as_of: dt.date
    assessor: str
    assessor_kind: Literal["government", "independent", "third_party"]
    evidence: str
    links: list[str] = []


class MeasureStatusIn(Schema):
    status: Literal["planned", "in_progress", "done"]


WRITE_ERRORS = {400: Error, 401: Error, 403: Error, 404: Error}


@api.post("/observations", auth=TokenAuth(), response={201: ObservationOut, **WRITE_ERRORS},
          tags=["write"])
def record_observation(request, data: ObservationIn):
    """Records a value of an indicator (a value for the same day replaces the earlier one;
    the history keeps both)."""
    indicator = get_object_or_404(Indicator, pk=data.indicator)
    if not allowed(actor_for(request.user), "change_observation", scope_of(indicator)):
        raise PermissionDenied("Your units do not report this indicator.")
    with transaction.atomic():
        observation = Observation.objects.filter(indicator=indicator, date=data.date).first() \
            or Observation(indicator=indicator, date=data.date)
        observation.value, observation.source_url = data.value, data.source_url
        observation.note, observation.recorded_at = data.note, timezone.now()
        observation._history_user = request.user
        observation.full_clean()
        observation.save()
    return Status(201, {
        "id": observation.id, "indicator": indicator.id, "date": observation.date,
        "value": float(observation.value), "source_url": observation.source_url,
        "note": observation.note, "recorded_at": observation.recorded_at})


@api.post("/assessments", auth=TokenAuth(), response={201: AssessmentOut, **WRITE_ERRORS},
          tags=["write"])
def record_assessment(request, data: AssessmentIn):
    """Records a draft assessment; it is published when the unit's head approves it."""
    goal = get_object_or_404(Goal, pk=data.goal)
    assessment = monitoring.record_assessment(
        request.user, goal, status=data.status, as_of=data.as_of, assessor=data.assessor,
        assessor_kind=data.assessor_kind, evidence=data.evidence,
        evidence_links="\n".join(data.links))
    return Status(201, _assessment_out(assessment))


@api.patch("/measures/{pk}", auth=TokenAuth(), response={200: MeasureOut, **WRITE_ERRORS},
           tags=["write"])
def set_measure_status(request, pk: Id, data: MeasureStatusIn):
    measure = get_object_or_404(Measure, pk=pk)
    if not allowed(actor_for(request.user), "change_measure", scope_of(measure)):
        raise PermissionDenied("Your units are not responsible for this measure.")
    with transaction.atomic():
        measure.status = data.status
        measure._history_user = request.user
        measure.save(update_fields=["status"])
    return _measure_out(measure)
