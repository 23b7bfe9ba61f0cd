"""The REST API's types: what each endpoint accepts and returns, and how a row of the
register or the monitoring becomes its JSON. Vocabularies come from the models."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from leitstand.core import text as typed
from leitstand.monitoring import vocabulary
from leitstand.monitoring.models import Assessment
from leitstand.monitoring.summaries import field_of_action
from leitstand.register import horizons
from leitstand.register.models import Measure

# The vocabularies come from the models: the API cannot accept what the database refuses.
StatusCode = Literal[tuple(s.code for s in vocabulary.STATUSES)]  # type: ignore[valid-type]
MeasureStatus = Literal[tuple(c for c, _ in Measure.STATES)]  # type: ignore[valid-type]
AssessorKind = Literal[tuple(c for c, _ in Assessment.KINDS)]  # type: ignore[valid-type]
Horizon = Literal[tuple(c for c, _ in horizons.CHOICES)]  # type: ignore[valid-type]
# Ids are database keys: anything beyond a 64-bit key cannot name a record.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]
Slug = Annotated[str, Field(max_length=100, pattern=r"^[\w-]+$")]
Text = Annotated[str, Field(max_length=200, pattern=r"^[^\x00]*$")]
# What editors write through the API: the limits and characters of every other way in.
LineIn = Annotated[str, Field(max_length=typed.LINE, pattern=typed.LINE_PATTERN)]
TextIn = Annotated[str, Field(max_length=typed.TEXT, pattern=typed.TEXT_PATTERN)]
UrlIn = Annotated[str, Field(max_length=500, pattern=typed.LINE_PATTERN)]
# "As known on this day": the monitoring has no data before 1900 or after 2199.
Day = Annotated[dt.date, Field(ge=dt.date(1900, 1, 1), le=dt.date(2199, 12, 31))]


class Error(Schema):
    detail: str


ERRORS = {400: Error, 404: Error}
WRITE_ERRORS = {400: Error, 401: Error, 403: Error, 404: Error}


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



class GoalQuery(Schema):
    edition: Id | None = None
    strategy: Slug | None = None
    section: Slug | None = None
    unit: Slug | None = None
    horizon: Horizon | None = None  # type: ignore[valid-type]
    status: StatusCode | None = None  # type: ignore[valid-type]
    overdue: bool | None = None
    q: Text | None = None
    stand: Day | None = None
    sort: Literal["code", "-code", "due_date", "-due_date", "status"] = "code"



class ObservationIn(Schema):
    indicator: Id
    date: dt.date
    value: Decimal
    source_url: UrlIn
    note: TextIn = ""


class AssessmentIn(Schema):
    goal: Id
    status: StatusCode  # type: ignore[valid-type]
    as_of: dt.date
    assessor: LineIn
    assessor_kind: AssessorKind  # type: ignore[valid-type]
    evidence: TextIn
    links: Annotated[list[UrlIn], Field(max_length=50)] = []


class MeasureStatusIn(Schema):
    status: MeasureStatus  # type: ignore[valid-type]



def goal_out(row) -> dict:
    goal = row.goal
    return {"id": goal.id, "strategy": goal.edition.strategy.slug, "edition": goal.edition_id,
            "code": goal.code, "title": goal.title, "text": goal.text,
            "section": field_of_action(goal.section),
            "responsible_units": row.unit_slugs, "horizon": goal.horizon, "due_date": row.due,
            "overdue": row.overdue, "status": row.status, "status_rule": row.rule,
            "computed_status": row.computed.status if row.computed else None,
            "computed_reason": row.computed.reason if row.computed else None,
            "source_page": goal.source_page, "source_line": goal.source_line,
            "url": goal.get_absolute_url()}


def assessment_out(a: Assessment) -> dict:
    return {"id": a.id, "goal": a.goal_id, "status": a.status, "as_of": a.as_of,
            "assessor": a.assessor, "assessor_kind": a.assessor_kind, "evidence": a.evidence,
            "links": a.links, "replaces": a.replaces_id, "state": a.state,
            "approved_at": a.approved_at}


def num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)



def measure_out(m: Measure) -> dict:
    return {"id": m.id, "edition": m.edition_id, "section": m.section.slug if m.section else None,
            "group": m.group, "label": m.label, "text": m.text, "status": m.status,
            "responsible_units": sorted(u.slug for u in m.responsible_units.all())}
