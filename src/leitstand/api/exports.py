"""CSV exports of the published register and its monitoring, safe to open in a spreadsheet.

Comma-separated UTF-8 without BOM. A text cell that starts with =, +, - or @ is prefixed with
an apostrophe so that no spreadsheet runs it as a formula; numbers stay numbers.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from leitstand.dashboard.queries import goal_rows
from leitstand.monitoring.models import Assessment, Observation
from leitstand.register.models import Edition, Indicator

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return value.normalize() if isinstance(value, Decimal) else value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _known(observations, as_of):
    if as_of is None:
        return observations
    from leitstand.monitoring.models import end_of_day

    return observations.filter(recorded_at__lt=end_of_day(as_of))


def _write(path: Path, header: list[str], rows) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([safe_cell(v) for v in row])
            count += 1
    return count


GOAL_COLUMNS = ["strategy", "edition", "code", "title", "section", "responsible_units",
                "horizon", "due_date", "overdue", "status", "status_rule", "computed_status",
                "computed_reason", "source_page", "source_line"]


def goal_line(edition, row) -> list:
    from leitstand.api.summaries import field_of_action

    goal = row.goal
    return [edition.strategy.slug, edition.label, goal.code, goal.title,
            field_of_action(goal.section), ";".join(row.unit_slugs), goal.horizon, row.due,
            row.overdue, row.status, row.rule, row.computed.status if row.computed else "",
            row.computed.reason if row.computed else "", goal.source_page, goal.source_line]


def write_goal_csv(handle, edition, rows) -> None:
    """The goals.csv columns for some goals of one edition, e.g. those an overview count counts."""
    writer = csv.writer(handle)
    writer.writerow(GOAL_COLUMNS)
    for row in rows:
        writer.writerow([safe_cell(v) for v in goal_line(edition, row)])


def export_csv(folder: Path, as_of=None) -> dict[str, int]:
    """Everything published; with `as_of`, statuses as known on that day."""
    folder.mkdir(parents=True, exist_ok=True)
    editions = list(Edition.objects.filter(status=Edition.PUBLISHED).select_related("strategy")
                    .order_by("strategy__slug", "year"))
    goal_lines, target_lines = [], []
    for edition in editions:
        for row in goal_rows(edition, today=as_of, live=True):  # targets.csv needs the targets
            goal = row.goal
            goal_lines.append(goal_line(edition, row))
            for t in row.targets:
                target_lines.append([
                    edition.strategy.slug, edition.label, goal.code, t.metric, t.value, t.unit,
                    t.comparator, t.deadline, t.per, t.baseline_year, t.baseline_value, t.factor,
                    t.rank, ";".join(i.slug for i in t.indicators.all())])
    counts = {
        "goals.csv": _write(folder / "goals.csv", GOAL_COLUMNS, goal_lines),
        "targets.csv": _write(folder / "targets.csv", [
            "strategy", "edition", "goal", "metric", "value", "unit", "comparator", "deadline",
            "per", "baseline_year", "baseline_value", "factor", "rank", "indicators"],
            target_lines),
    }
    strategies = {e.strategy_id for e in editions}
    counts["indicators.csv"] = _write(folder / "indicators.csv", [
        "strategy", "indicator", "name", "unit", "definition", "publisher", "source_url",
        "update_frequency"], ([i.strategy.slug, i.slug, i.name, i.unit, i.definition, i.publisher,
                               i.source_url, i.update_frequency]
                              for i in Indicator.objects.filter(strategy__in=strategies)
                              .select_related("strategy").order_by("strategy__slug", "slug")))
    counts["observations.csv"] = _write(folder / "observations.csv", [
        "strategy", "indicator", "date", "value", "source_url", "note"],
        ([o.indicator.strategy.slug, o.indicator.slug, o.date, o.value, o.source_url, o.note]
         for o in _known(Observation.objects.filter(indicator__strategy__in=strategies), as_of)
         .select_related("indicator__strategy").order_by("indicator__slug", "date")))
    counts["assessments.csv"] = _write(folder / "assessments.csv", [
        "strategy", "edition", "goal", "status", "as_of", "assessor", "assessor_kind",
        "evidence", "links", "replaces", "correction_reason", "approved_at"],
        ([a.goal.edition.strategy.slug, a.goal.edition.label, a.goal.code, a.status, a.as_of,
          a.assessor, a.assessor_kind, a.evidence, " ".join(a.links), a.replaces_id or "",
          a.correction_reason, a.approved_at]
         for a in Assessment.objects.public(as_of).filter(goal__edition__in=editions)
         .select_related("goal__edition__strategy").order_by("goal__code", "as_of", "id")))
    return counts
