"""What was known on a day: the observations as the site showed them then.

"Stand am" promises that a past day shows only what was known by its end. An observation's
`recorded_at` says when its current value became known; a correction gets a new one
(monitoring.services), and the history keeps every earlier version with its own
`recorded_at`. So for a past day the value of each observation is its latest version written
by the end of that day – the old value, not the correction nobody knew yet – and a value
loaded later but backdated to before the day (a published figure) counts from its
`recorded_at` if nothing was written by then.

That choice is made once, when a version is written: each version but a deletion becomes a
KnownValue holding from when it became known until the next version replaced it. A past day
then reads the values whose range holds at its end (`holding`), with an index.
"""

from __future__ import annotations

import datetime as dt

from django.db import connections, router
from django.db.models import Q
from django.dispatch import receiver
from simple_history.signals import post_create_historical_record

from leitstand.monitoring.models import KnownValue, Observation, end_of_day, known_day


def holding(day: dt.date | None) -> Q:
    """The known values the site showed at the end of `day` (today: the current ones). The
    same condition in SQL: _holding_sql."""
    if known_day(day) is None:
        return Q(known_until=None)
    end = end_of_day(day)
    return Q(known_from__lt=end) & (Q(known_until=None) | Q(known_until__gte=end))


def known_observations(day: dt.date | None, order=("indicator_id", "date"), related=(),
                       **lookups):
    """The observations matching `lookups` as known at the end of `day`, in `order`.

    Today (no day, or a day after today: monitoring.models.known_day): a queryset of
    Observation. A past day: a queryset of the historical versions shown then (same fields:
    id, indicator, date, value, source_url, note, recorded_at), one per observation, none for
    an observation deleted by then."""
    if known_day(day) is None:
        current = Observation.objects.filter(**lookups).order_by(*order)
    else:
        shown = KnownValue.objects.filter(holding(day)).values("version_id")
        current = Observation.history.filter(history_id__in=shown, **lookups).order_by(*order)
    return current.select_related(*related) if related else current


def known_since(version) -> dt.datetime:
    """From when a version of an observation was shown: a new observation from its
    `recorded_at` (a loader may backdate it), a correction or deletion from when it was
    written, or later if its `recorded_at` says so."""
    if version.history_type == "+":
        return version.recorded_at
    if version.history_type == "-":
        return version.history_date
    return max(version.history_date, version.recorded_at)


@receiver(post_create_historical_record, sender=Observation.history.model)
def keep_known_value(sender, history_instance, using=None, **kwargs):
    """With each version of an observation: the value shown until now ends where the version
    begins, and the version (unless a deletion) holds from then on. Written in the
    transaction of the observation's own write."""
    version = history_instance
    since = known_since(version)
    values = KnownValue.objects.using(using or router.db_for_write(KnownValue))
    values.filter(observation_id=version.id, known_until=None).update(known_until=since)
    if version.history_type != "-":
        values.create(observation_id=version.id, version_id=version.history_id,
                      indicator_id=version.indicator_id, date=version.date,
                      value=float(version.value), known_from=since)


def rebuild_known_values(using: str = "default") -> int:
    """The known values written anew from the history, with the same rule as
    keep_known_value: for the migration that made the table, a restore (operations.backup)
    and a history written without the ORM (bench/generated_data.py). Returns the rows
    written."""
    connection = connections[using]
    known = connection.ops.quote_name(KnownValue._meta.db_table)
    history = connection.ops.quote_name(Observation.history.model._meta.db_table)
    since = ("CASE WHEN history_type = '+' THEN recorded_at"
             " WHEN history_type = '-' OR recorded_at < history_date THEN history_date"
             " ELSE recorded_at END")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {known}")
        cursor.execute(
            f"INSERT INTO {known} (observation_id, version_id, indicator_id, date, value,"
            " known_from, known_until)"
            " SELECT id, history_id, indicator_id, date, value, since, next_since FROM ("
            f" SELECT id, history_id, indicator_id, date, value, history_type, since,"
            # in the order the versions were written, as keep_known_value chains them (a
            # clock stepping back between two writes must not reopen the older one)
            " LEAD(since) OVER (PARTITION BY id ORDER BY history_id)"
            " AS next_since"
            f" FROM (SELECT h.*, {since} AS since FROM {history} h) versions) chained"
            " WHERE history_type <> '-'")
        return cursor.rowcount


def rule_points(day: dt.date | None, as_of: dt.date, cutoffs: dict[int, set]
                ) -> tuple[dict[int, list], dict[int, int]]:
    """Of each indicator's observations known at the end of `day`, only the points the status
    rules read on `as_of`, and how many points are dated by `as_of`.

    The rules (monitoring.status_rules, measurability, review) read of a series its first
    value, its last value dated by `as_of`, by each of the indicator's `cutoffs` (the targets'
    deadlines, the edition's adoption) and of all, and the number of values dated by `as_of`.
    Each point is one step of the index on (indicator, date) over the values holding on the
    day, so an overview reads a few hundred index entries, not every version. `cutoffs` maps
    every indicator to read to its dates (an empty set for none). Returns (points by
    indicator, count by indicator)."""
    ids = list(cutoffs)
    if not ids:
        return {}, {}
    connection = connections[router.db_for_read(KnownValue)]
    ops = connection.ops
    known = ops.quote_name(KnownValue._meta.db_table)
    end = None if known_day(day) is None else ops.adapt_datetimefield_value(end_of_day(day))
    days = sorted({as_of, *(c for dates in cutoffs.values() for c in dates)})
    number = {d: n for n, d in enumerate(days)}
    # The pairs (indicator, cutoff) as literals – integers only, made by int() – and the few
    # distinct days as parameters: a statement with more than 50 parameters is parsed anew by
    # psycopg on every request (1 ms for an overview's 240 pairs).
    pairs = ", ".join(f"({int(i)}, {number[c]})"
                      for i, dates in cutoffs.items() for c in sorted({*dates, as_of}))
    x, x_params = _holding_sql("x", end)
    k, k_params = _holding_sql("k", end)

    def nearest(edge, of, by_cut=False):
        return (f"(SELECT {edge}(x.date) FROM {known} x WHERE x.indicator_id = {of}.ind"
                + (f" AND x.date <= {of}.cut" if by_cut else "") + f" AND {x})")
    # The dates of the points by a correlated MAX/MIN (one step of the index each), then their
    # values by (indicator, date): a join on the rows' ids made the planner read every row.
    sql = (
        "WITH d (n, cut) AS (VALUES " + ", ".join(["(%s, %s)"] * len(days)) + "),"
        f" i_n (ind, n) AS (VALUES {pairs}),"
        " c (ind, cut) AS (SELECT i_n.ind, d.cut FROM i_n JOIN d ON d.n = i_n.n),"
        " i (ind) AS (SELECT DISTINCT ind FROM i_n),"
        f" p (ind, d) AS (SELECT ind, {nearest('MAX', 'c', by_cut=True)} FROM c"
        f" UNION SELECT ind, {nearest('MIN', 'i')} FROM i"
        f" UNION SELECT ind, {nearest('MAX', 'i')} FROM i)"
        f" SELECT k.indicator_id, k.date, k.value, NULL FROM p JOIN {known} k"
        f" ON k.indicator_id = p.ind AND k.date = p.d WHERE {k}"
        f" UNION ALL SELECT k.indicator_id, NULL, NULL, COUNT(*) FROM {known} k"
        f" WHERE k.indicator_id IN (SELECT ind FROM i) AND k.date <= %s AND {k}"
        " GROUP BY k.indicator_id")
    params = [*(v for n, d in enumerate(days) for v in (n, ops.adapt_datefield_value(d))),
              *x_params, *x_params, *x_params, *k_params, ops.adapt_datefield_value(as_of),
              *k_params]
    points: dict[int, list] = {i: [] for i in ids}
    counts = dict.fromkeys(ids, 0)
    for indicator_id, date, value, n in _fetch(connection, sql, params):
        if date is None:
            counts[indicator_id] = int(n)
        else:
            points[indicator_id].append((date, value))
    for series in points.values():
        series.sort()
    return points, counts


def _holding_sql(alias: str, end) -> tuple[str, list]:
    """`holding` as an SQL condition on the known values under `alias`, with its parameters;
    `end` (the day's end, adapted for the database) None for today."""
    if end is None:
        return f"{alias}.known_until IS NULL", []
    return (f"{alias}.known_from < %s AND ({alias}.known_until IS NULL"
            f" OR {alias}.known_until >= %s)", [end, end])


def _fetch(connection, sql, params) -> list[tuple]:
    """Rows of `sql` read with the database cursor, the second column (a date or None) as a
    date whatever the database; the rest as the driver gives them (the ORM's converters per value
    cost more than the query)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if rows and connection.vendor == "sqlite":  # dates may come as text
        rows = [(r[0], dt.date.fromisoformat(r[1][:10]) if isinstance(r[1], str) else r[1],
                 *r[2:]) for r in rows]
    return rows
