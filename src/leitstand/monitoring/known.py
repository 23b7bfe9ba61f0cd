"""What was known on a day: the observations as the site showed them then.

"Stand am" promises that a past day shows only what was known by its end. An observation's
`recorded_at` says when its current value became known; a correction gets a new one
(monitoring.services), and the history keeps every earlier version with its own
`recorded_at`. So for a past day the value of each observation is its latest version recorded
by the end of that day – the old value, not the correction nobody knew yet.
"""

from __future__ import annotations

import datetime as dt

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


def known_points(day: dt.date | None, indicator_ids) -> list[tuple[int, dt.date, float]]:
    """(indicator, date, value) of the observations of these indicators as known at the end
    of `day`, ordered by indicator and date: the same choice as known_observations, made by
    the database (a window over each observation's versions) and read as plain rows.

    For a past overview that is ten thousand versions; as history objects they cost 150 ms
    of Python, as rows a few milliseconds."""
    from django.db.models import Case, F, FloatField, IntegerField, Q, Value, When, Window
    from django.db.models.functions import Cast, RowNumber

    ids = list(indicator_ids)
    if not ids:
        return []
    if known_day(day) is None:
        query = Observation.objects.filter(indicator__in=ids).order_by("indicator_id", "date")
        return raw_rows(query.values_list("indicator_id", "date", Cast("value", FloatField())))
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
                  output_field=IntegerField()))
    rows = raw_rows(versions.filter(pick=1).order_by("indicator_id", "date").values_list(
        "indicator_id", "date", Cast("value", FloatField()), "gone"))
    return [(indicator, date, value) for indicator, date, value, gone in rows if not gone]


def raw_rows(query) -> list[tuple]:
    """The rows of a values_list query read with the database cursor: dates as dates, the
    rest as the driver gives them. The ORM converts every value through its converters; for
    the ten thousand observations behind one overview that was most of the page time."""
    from django.core.exceptions import EmptyResultSet
    from django.db import connections

    try:
        sql, params = query.query.sql_with_params()
    except EmptyResultSet:  # an empty `__in`: nothing to read
        return []
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if rows and isinstance(rows[0][1], str):  # SQLite returns dates as text
        rows = [(r[0], dt.date.fromisoformat(r[1][:10]), *r[2:]) for r in rows]
    return rows
