"""What was known on a day: the observations as the site showed them then.

"Stand am" promises that a past day shows only what was known by its end. An observation's
`recorded_at` says when its current value became known; a correction gets a new one
(monitoring.services), and the history keeps every earlier version with its own
`recorded_at`. So for a past day the value of each observation is its latest version recorded
by the end of that day – the old value, not the correction nobody knew yet.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import EmptyResultSet

from leitstand.monitoring.models import Observation, end_of_day, known_day


def known_observations(day: dt.date | None, order=("indicator_id", "date"), related=(),
                       **lookups):
    """The observations matching `lookups` as known at the end of `day`, in `order`.

    Today (no day, or a day after today: monitoring.models.known_day): a queryset of
    Observation. A past day: a list of historical versions
    (same fields: id, indicator, date, value, source_url, note, recorded_at), one per
    observation, none for an observation deleted by then."""
    if known_day(day) is None:
        current = Observation.objects.filter(**lookups).order_by(*order)
        return current.select_related(*related) if related else current
    end = end_of_day(day)
    versions = Observation.history.filter(recorded_at__lt=end, **lookups).order_by(
        *order, "id", "history_date", "history_id")
    if related:
        versions = versions.select_related(*related)
    latest: dict[int, object] = {}  # keeps the order of each observation's first version
    for version in versions:
        # A version written by the end of the day wins over any written later; a value
        # loaded later but backdated to before the day (a published figure) counts if nothing
        # was written by then, in its first version.
        if version.history_date < end or version.id not in latest:
            latest[version.id] = version
    return [v for v in latest.values() if not (v.history_type == "-" and v.history_date < end)]


def _known_query(day, ids):
    """A query of (indicator_id, date, v, gone) – v the value as a float – of the observations
    of these indicators as known at the end of `day`: the same choice as known_observations,
    made by the database (a window over each observation's versions). `gone` is 1 where the
    version chosen is the observation's deletion: to be dropped after the choice, which a
    filter in the same query would make before it."""
    from django.db.models import Case, F, FloatField, IntegerField, Q, Value, When, Window
    from django.db.models.functions import Cast, RowNumber

    if known_day(day) is None:
        return Observation.objects.filter(indicator__in=ids).annotate(
            v=Cast("value", FloatField()), gone=Value(0, output_field=IntegerField())
        ).values_list("indicator_id", "date", "v", "gone")
    end = end_of_day(day)
    by_then = Q(history_date__lt=end)
    # per observation: its latest version written by the end of the day, else its first one
    versions = Observation.history.filter(recorded_at__lt=end, indicator_id__in=ids).annotate(
        pick=Window(RowNumber(), partition_by=[F("id")], order_by=[
            Case(When(by_then, then=Value(0)), default=Value(1),
                 output_field=IntegerField()).asc(),
            Case(When(by_then, then=F("history_date"))).desc(nulls_last=True),
            Case(When(by_then, then=F("history_id"))).desc(nulls_last=True),
            F("history_date").asc(), F("history_id").asc()]),
        gone=Case(When(Q(history_type="-") & by_then, then=Value(1)), default=Value(0),
                  output_field=IntegerField()),
        v=Cast("value", FloatField()))
    return versions.filter(pick=1).values_list("indicator_id", "date", "v", "gone")


def rule_points(day: dt.date | None, as_of: dt.date, cutoffs: dict[int, set]
                ) -> tuple[dict[int, list], dict[int, int]]:
    """Of each indicator's observations known at the end of `day`, only the points the status
    rules read on `as_of`, and how many points are dated by `as_of`.

    The rules (monitoring.status_rules, measurability, review) read of a series its first
    value, its last value dated by `as_of`, by each of the indicator's `cutoffs` (the targets'
    deadlines, the edition's adoption) and of all, and the number of values dated by `as_of`.
    The database picks them (window functions over the known values), so an overview reads
    a few hundred rows instead of ten thousand. `cutoffs` maps every indicator to read to its
    dates (an empty set for none). Returns (points by indicator, count by indicator)."""
    from django.db import connections

    ids = list(cutoffs)
    if not ids:
        return {}, {}
    query = _known_query(day, ids)
    try:
        known_sql, known_params = query.order_by().query.sql_with_params()
    except EmptyResultSet:
        return {i: [] for i in ids}, dict.fromkeys(ids, 0)
    pairs = [(i, c) for i, dates in cutoffs.items() for c in sorted({*dates, as_of})]
    # The cutoffs join the values as rows of their own (kind 1), in date order after a value
    # of the same day: the last value by a cutoff is the value a cutoff row follows. One pass
    # of window functions, no join (a join on the cutoffs was a nested loop, 190 ms).
    sql = ("SELECT indicator_id, date, v, n FROM (SELECT indicator_id, date, v, kind,"
           " SUM(CASE WHEN kind = 0 AND date <= %s THEN 1 ELSE 0 END)"
           " OVER (PARTITION BY indicator_id) AS n,"
           " MIN(CASE WHEN kind = 0 THEN date END) OVER (PARTITION BY indicator_id) AS first,"
           " LEAD(kind) OVER (PARTITION BY indicator_id ORDER BY date, kind) AS next_kind"
           f" FROM (SELECT k.indicator_id, k.date, k.v, 0 AS kind FROM ({known_sql}) k"
           " WHERE k.gone = 0 UNION ALL SELECT column1, column2, NULL, 1"
           " FROM (VALUES " + ", ".join(["(%s, %s)"] * len(pairs)) + ") c) s) w"
           " WHERE kind = 0 AND (date = first OR next_kind IS NULL OR next_kind = 1)"
           " ORDER BY indicator_id, date")
    params = [as_of, *known_params, *(x for pair in pairs for x in pair)]
    points: dict[int, list] = {i: [] for i in ids}
    counts = dict.fromkeys(ids, 0)
    for indicator_id, date, value, n in _fetch(connections[query.db], sql, params):
        points[indicator_id].append((date, value))
        counts[indicator_id] = int(n)
    return points, counts


def _fetch(connection, sql, params) -> list[tuple]:
    """Rows of `sql` read with the database cursor, the second column (a date) as a date
    whatever the database; the rest as the driver gives them (the ORM's converters per value
    cost more than the query)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if rows and isinstance(rows[0][1], str):  # SQLite returns dates as text
        rows = [(r[0], dt.date.fromisoformat(r[1][:10]), *r[2:]) for r in rows]
    return rows
