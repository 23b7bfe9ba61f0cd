"""The published register as tables: one declaration of each table's columns and types,
from which the CSV files, the JSON document, the XLSX workbook and the Frictionless data
package are all written (api.downloads), so they can never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_noop

from leitstand.monitoring.known import known_observations
from leitstand.monitoring.models import Assessment, known_day
from leitstand.monitoring.rows import goal_rows
from leitstand.monitoring.summaries import field_of_action
from leitstand.register.models import Edition, Indicator, Measure, Organisation, Section


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Frictionless Table Schema type: string, integer, number, boolean, date, datetime
    description: str = ""


@dataclass
class Table:
    name: str
    title: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    description: str = ""
    primary_key: tuple[str, ...] = ()
    # (own columns, other table, its columns)
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()

    def records(self) -> list[dict]:
        return [dict(zip((c.name for c in self.columns), row, strict=False)) for row in self.rows]


def _cols(spec: str) -> list[Column]:
    """'name:type name:type …' with string as the default type."""
    columns = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        columns.append(Column(name, kind or "string"))
    return columns


GOAL_COLUMNS = _cols(
    "strategy edition code title section responsible_units horizon due_date:date "
    "overdue:boolean status status_rule computed_status computed_reason "
    "source_page:integer source_line:integer")


def goal_line(edition, row) -> list:
    goal = row.goal
    return [edition.strategy.slug, edition.label, goal.code, goal.title,
            field_of_action(goal.section), ";".join(row.unit_slugs), goal.horizon, row.due,
            row.overdue, row.status, row.rule, row.computed.status if row.computed else "",
            row.computed.reason if row.computed else "", goal.source_page, goal.source_line]


def published_editions(strategy=None) -> list[Edition]:
    editions = Edition.objects.filter(status=Edition.PUBLISHED).select_related("strategy")
    if strategy is not None:
        editions = editions.filter(strategy=strategy)
    return list(editions.order_by("strategy__slug", "year"))


def register_tables(as_of: dt.date | None = None, strategy=None) -> list[Table]:
    """Everything published (of one strategy, if given); with `as_of`, as known that day."""
    as_of = known_day(as_of)
    editions = published_editions(strategy)
    strategy_ids = {e.strategy_id for e in editions}
    goals = Table("goals", gettext_noop("Goals with their published status"), GOAL_COLUMNS)
    targets = Table("targets", gettext_noop("Measurable targets of the goals"), _cols(
        "strategy edition goal metric value:number unit comparator deadline:date per "
        "baseline_year:integer baseline_value:number factor:number rank:integer indicators"))
    for edition in editions:
        for row in goal_rows(edition, today=as_of, live=True):
            goals.rows.append(goal_line(edition, row))
            for t in row.targets:
                targets.rows.append([
                    edition.strategy.slug, edition.label, row.goal.code, t.metric, t.value,
                    t.unit, t.comparator, t.deadline, t.per, t.baseline_year, t.baseline_value,
                    t.factor, t.rank, ";".join(i.slug for i in t.indicator_list)])
    observations = known_observations(
        as_of, order=("indicator__strategy__slug", "indicator__slug", "date"),
        related=["indicator__strategy"], indicator__strategy__in=strategy_ids)
    tables = [
        Table("editions", gettext_noop("Strategies and their published editions"), _cols(
            "strategy strategy_name jurisdiction edition year:integer adopted_on:date "
            "source_title source_url declared_goal_count:integer"),
            [[e.strategy.slug, e.strategy.name, e.strategy.jurisdiction, e.label, e.year,
              e.adopted_on, e.source_title, e.source_url, e.declared_goal_count]
             for e in editions]),
        Table("sections", gettext_noop("Chapters and fields of action"), _cols(
            "strategy edition section number title kind field_of_action:boolean parent "
            "source_page:integer source_line:integer"),
            [[s.edition.strategy.slug, s.edition.label, s.slug, s.number, s.title, s.kind,
              s.is_field_of_action, s.parent.slug if s.parent else "", s.source_page,
              s.source_line]
             for s in Section.objects.filter(edition__in=editions).select_related(
                 "edition__strategy", "parent").order_by("edition__strategy__slug",
                                                         "edition__year", "order")]),
        goals, targets,
        Table("measures", gettext_noop("Measures"), _cols(
            "strategy edition section group label text status responsible_units "
            "source_page:integer source_line:integer"),
            [[m.edition.strategy.slug, m.edition.label, m.section.slug if m.section else "",
              m.group, m.label, m.text, m.status,
              ";".join(sorted(u.slug for u in m.responsible_units.all())), m.source_page,
              m.source_line]
             for m in Measure.objects.filter(edition__in=editions).select_related(
                 "edition__strategy", "section").prefetch_related("responsible_units")
             .order_by("edition__strategy__slug", "edition__year", "order")]),
        Table("units", gettext_noop("Responsible units"), _cols("unit name short_name kind url"),
              [[o.slug, o.name, o.short_name, o.kind, o.url]
               for o in Organisation.objects.filter(goals__edition__in=editions).distinct()
               .order_by("slug")]),
        Table("indicators", gettext_noop("Indicators and their definitions"), _cols(
            "strategy indicator name unit definition publisher source_url update_frequency"),
            [[i.strategy.slug, i.slug, i.name, i.unit, i.definition, i.publisher,
              i.source_url, i.update_frequency]
             for i in Indicator.objects.filter(strategy__in=strategy_ids)
             .select_related("strategy").order_by("strategy__slug", "slug")]),
        Table("observations", gettext_noop("Observed values of the indicators"), _cols(
            "strategy indicator date:date value:number source_url note recorded_at:datetime"),
            [[o.indicator.strategy.slug, o.indicator.slug, o.date, o.value, o.source_url,
              o.note, o.recorded_at]
             for o in observations]),
        Table("assessments", gettext_noop("Approved status assessments with their evidence"), _cols(
            "id:integer strategy edition goal status as_of:date assessor assessor_kind "
            "evidence links replaces:integer correction_reason approved_at:datetime"),
            [[a.id, a.goal.edition.strategy.slug, a.goal.edition.label, a.goal.code, a.status,
              a.as_of, a.assessor, a.assessor_kind, a.evidence, " ".join(a.links),
              a.replaces_id, a.correction_reason, a.approved_at]
             for a in Assessment.objects.public(as_of).filter(goal__edition__in=editions)
             .select_related("goal__edition__strategy")
             .order_by("goal__edition__strategy__slug", "goal__code", "as_of", "id")]),
    ]
    for table in tables:
        table.description = DESCRIPTIONS[table.name]
        table.primary_key, table.foreign_keys = KEYS[table.name]
    return tables


# What each table holds, said once for the data package and the DCAT catalogue (msgids;
# German in the translation catalogue).
DESCRIPTIONS = {
    "editions": gettext_noop("One row per published edition of a strategy: its year, adoption "
                             "day, source document and the number of goals it declares."),
    "sections": gettext_noop("The chapters and fields of action of each edition, with their "
                             "place in the source document."),
    "goals": gettext_noop("Every goal of the published editions with its published status, "
                          "the rule that gave it and the status the targets alone give."),
    "targets": gettext_noop("The measurable targets of the goals: value, unit, comparator, "
                            "deadline, baseline and the indicators that measure them."),
    "measures": gettext_noop("The measures of the editions with their state and responsible "
                             "units."),
    "units": gettext_noop("The ministries, offices and other bodies responsible for goals."),
    "indicators": gettext_noop("The indicators with their definition, unit, publisher and "
                               "update frequency."),
    "observations": gettext_noop("Every observed value of an indicator, with its source and "
                                 "the moment it was recorded."),
    "assessments": gettext_noop("Approved status assessments of the goals by the government, "
                                "independent reviewers and third parties, with their "
                                "evidence and corrections."),
}


EDITION = ("strategy", "edition")
GOAL = ("strategy", "edition", "goal")
# Each table's primary key and its references to other tables, for the data package.
KEYS = {
    "editions": (EDITION, ()),
    "sections": (("strategy", "edition", "section"), ((EDITION, "editions", EDITION),)),
    "goals": (("strategy", "edition", "code"), ((EDITION, "editions", EDITION),)),
    "targets": ((), ((GOAL, "goals", ("strategy", "edition", "code")),)),
    "measures": ((), ((EDITION, "editions", EDITION),)),
    "units": (("unit",), ()),
    "indicators": (("strategy", "indicator"), ()),
    "observations": (("strategy", "indicator", "date"),
                     ((("strategy", "indicator"), "indicators", ("strategy", "indicator")),)),
    "assessments": (("id",), ((GOAL, "goals", ("strategy", "edition", "code")),)),
}

# What a column holds where the CSV's meaning differs from the API's (api.glossary).
COLUMN_MEANINGS = {
    "edition": "Label of the edition (as in editions.csv).",
    "goal": "Code of the goal within its edition (as in goals.csv).",
    "indicator": "Slug of the indicator (as in indicators.csv).",
    "strategy_name": "Name of the strategy as published.",
    "source_title": "Title of the source document.",
    "short_name": "Short name or acronym of the unit.",
    "correction_reason": "Why this assessment corrects the one it replaces.",
    "parent": "Slug of the enclosing section; empty at the top.",
    ("sections", "section"): "Slug of the section within its edition.",
    ("units", "unit"): "Slug of the responsible unit (as in responsible_units elsewhere).",
    ("targets", "unit"): "Unit of the target's value (percent, EUR, count, t, …).",
    ("indicators", "unit"): "Unit of the indicator's values.",
    ("units", "name"): "Name of the unit as published.",
    ("units", "kind"): "Kind of body: ministry, agency, bank, municipality, …",
    ("units", "url"): "Web address of the unit.",
    ("indicators", "name"): "Name of the indicator.",
    ("goals", "section"): "Field of action the goal belongs to.",
    ("measures", "section"): "Slug of the section the measure stands in.",
    ("assessments", "id"): "Key of the assessment; `replaces` refers to it.",
    ("assessments", "links"): "Web addresses of the assessment's sources, separated by spaces.",
    ("targets", "indicators"): "Slugs of the indicators that measure the target, separated by "
                               "semicolons.",
    ("goals", "responsible_units"): "Slugs of the responsible units, separated by semicolons.",
    ("measures", "responsible_units"): "Slugs of the responsible units, separated by "
                                       "semicolons.",
}


def column_meaning(table: str, name: str) -> str:
    from leitstand.api.glossary import describe

    meaning = COLUMN_MEANINGS.get((table, name)) or COLUMN_MEANINGS.get(name)
    return meaning or (describe(name) or ("", None))[0]


def column_values(table: str, name: str) -> list[str]:
    """The values a coded column may hold (empty cells aside), from the models' vocabularies."""
    from leitstand.monitoring import vocabulary
    from leitstand.register import horizons
    from leitstand.register.models import Target

    statuses = [s.code for s in vocabulary.STATUSES]
    return {
        ("goals", "status"): statuses, ("goals", "computed_status"): statuses,
        ("assessments", "status"): statuses,
        ("goals", "horizon"): [code for code, _ in horizons.CHOICES],
        ("targets", "comparator"): [code for code, _ in Target.COMPARATORS],
        ("measures", "status"): [code for code, _ in Measure.STATES],
        ("assessments", "assessor_kind"): [code for code, _ in Assessment.KINDS],
        ("sections", "kind"): [code for code, _ in Section.KINDS],
        ("units", "kind"): [code for code, _ in Organisation.KINDS],
    }.get((table, name), [])


def plain(value):
    """A cell as JSON has it: numbers stay numbers, dates become ISO text."""
    if isinstance(value, Decimal):
        value = value.normalize()
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
