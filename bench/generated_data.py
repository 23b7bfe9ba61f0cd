"""Generated strategies for the benchmarks: at --scale 1, 1,000 strategies with 100 goals each,
one indicator with 100 monthly observations per goal (10,000,000 observations), their history,
and assessments by the government and an independent reviewer (the numbers shrink with the
scale). Used by bench/monitoring_scale.py and by bench/load.py, which runs this file to fill
the database the server then uses:

    DATABASE_URL=postgres://… python bench/generated_data.py --scale 0.01 [--snapshot]

On PostgreSQL the rows go in with COPY (the ORM's bulk_create took minutes per million rows);
elsewhere with bulk_create. The data look like a monitoring that has run for years: each value
became known 45 days after the date it describes (its `recorded_at`, and the history's first
version), one value in fifty was corrected half a year later (a second history version; the
known values, monitoring.known, are rebuilt from the history after), a
fifth of the goals state no target (their status comes from assessments), and goals are spread
over ten responsible units and five fields of action per edition.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from itertools import count
from pathlib import Path

GOALS_PER_EDITION = 100
OBSERVATIONS_PER_INDICATOR = 100
UNITS = 10
FIELDS = 5
PUBLISHED_AFTER = dt.timedelta(days=45)
CORRECTED_AFTER = dt.timedelta(days=180)
STATUSES = ["not_started", "in_progress", "on_track", "at_risk", "achieved", "missed"]


def _aware(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC)


# Ids are generated from 1 and moved past the rows a table holds already (OFFSETS, filled by
# generate), so the data can join a database that has others (the demo, a test's).
OFFSETS: dict = {}


def _shifted(model, row: dict, also: dict) -> dict:
    """The row with its own id and every reference moved by the offset of their table."""
    for f in model._meta.concrete_fields:
        value = row.get(f.attname)
        if value is None:
            continue
        if f.primary_key:
            row[f.attname] = value + OFFSETS[model]
        elif f.is_relation:
            row[f.attname] = value + OFFSETS[f.related_model]
        elif f.attname == "id":  # a history row: the id of the object it is a version of
            row["id"] = value + OFFSETS[model.instance_type]
    for attname, target in also.items():
        row[attname] += OFFSETS[target]
    return row


def insert(model, rows, also: dict | None = None) -> int:
    """Write `rows` (dicts by column attribute; missing ones take the field's default); `also`
    names plain columns that hold another table's ids."""
    from django.db import connection

    rows = (_shifted(model, dict(row), also or {}) for row in rows)
    fields = model._meta.concrete_fields
    if connection.vendor != "postgresql":
        batch, n = [], 0
        for row in rows:
            batch.append(model(**row))
            if len(batch) >= 20_000:
                model.objects.bulk_create(batch)
                n, batch = n + len(batch), []
        model.objects.bulk_create(batch)
        return n + len(batch)
    defaults = {f.attname: f.get_default() for f in fields}
    names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    attnames = [f.attname for f in fields]
    n = 0
    with connection.cursor() as cursor, cursor.cursor.copy(
            f"COPY {connection.ops.quote_name(model._meta.db_table)} ({names}) FROM STDIN"
    ) as copy:
        for row in rows:
            copy.write_row([row[a] if a in row else defaults[a] for a in attnames])
            n += 1
    return n


def _reset_sequences(models) -> None:
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def generate(scale: float, seed: int = 7) -> tuple[int, int, int]:  # noqa: C901
    from django.db import connection, transaction

    from leitstand.monitoring.known import rebuild_known_values
    from leitstand.monitoring.models import Assessment, Observation
    from leitstand.register import models as m

    rng = random.Random(seed)
    n_strategies = max(1, round(1000 * scale))
    HistObs = Observation.history.model
    HistGoal = m.Goal.history.model
    GoalUnits = m.Goal.responsible_units.through
    TargetIndicators = m.Target.indicators.through
    adopted = dt.date(2020, 1, 1)
    counts = {"goals": 0, "observations": 0}
    from django.db.models import Max

    for model in (m.SearchEntry, m.Organisation, m.Strategy, m.Edition, m.Section, m.Goal,
                  HistGoal, GoalUnits, m.Indicator, m.Target, TargetIndicators, Observation,
                  HistObs, Assessment):
        OFFSETS[model] = model._default_manager.aggregate(n=Max("pk"))["n"] or 0
    with transaction.atomic():
        insert(m.Organisation, ({"id": k + 1, "slug": f"amt{k}", "name": f"Amt {k} für Tests",
                                 "short_name": f"A{k}"} for k in range(UNITS)))
        insert(m.Strategy, ({"id": i + 1, "slug": f"s{i}", "name": f"Strategie {i}",
                             "jurisdiction": "Testland"} for i in range(n_strategies)))
        insert(m.Edition, ({"id": i + 1, "strategy_id": i + 1, "label": "1", "slug": "1",
                            "year": 2020, "adopted_on": adopted, "status": "published"}
                           for i in range(n_strategies)))
        insert(m.Section, ({"id": i * FIELDS + k + 1, "edition_id": i + 1, "slug": f"f{k}",
                            "title": f"Feld {k}", "is_field_of_action": True, "order": k}
                           for i in range(n_strategies) for k in range(FIELDS)))

        def goals():
            for i in range(n_strategies):
                for k in range(GOALS_PER_EDITION):
                    yield {"id": i * GOALS_PER_EDITION + k + 1, "edition_id": i + 1,
                           "section_id": i * FIELDS + k % FIELDS + 1, "code": f"z{k}",
                           "title": f"Ziel {k} der Strategie {i}",
                           "horizon": ["short", "medium", "long"][k % 3], "order": k}

        counts["goals"] = insert(m.Goal, goals())
        insert(HistGoal, ({**g, "history_id": g["id"], "history_date": _aware(adopted),
                           "history_type": "+"} for g in goals()))
        insert(GoalUnits, ({"id": g["id"] * 2 - j, "goal_id": g["id"],
                            "organisation_id": (g["id"] + j * 3) % UNITS + 1}
                           for g in goals() for j in range(1 + g["id"] % 2)))
        n_goals = counts["goals"]
        from leitstand.ingest.stemming import index_text

        insert(m.SearchEntry, ({"id": g["id"], "strategy_id": (g["id"] - 1) // GOALS_PER_EDITION
                                + 1, "edition_id": g["edition_id"], "kind": "goal",
                                "object_id": g["id"], "stems": index_text(g["code"], g["title"])}
                               for g in goals()), also={"object_id": m.Goal})
        insert(m.Indicator, ({"id": g, "strategy_id": (g - 1) // GOALS_PER_EDITION + 1,
                              "slug": f"i{g}", "name": f"Reihe {g}", "unit": "count",
                              "definition": "erzeugt", "source_url": "https://example.org/i"}
                             for g in range(1, n_goals + 1)))
        with_target = [g for g in range(1, n_goals + 1) if g % 5]
        insert(m.Target, ({"id": g, "goal_id": g, "metric": "m",
                           "value": rng.choice([500, 1000, 2000]), "unit": "count",
                           "comparator": "at_least",
                           "deadline": dt.date(2022 + (g - 1) % GOALS_PER_EDITION % 8, 12, 31)}
                          for g in with_target))
        insert(TargetIndicators, ({"id": g, "target_id": g, "indicator_id": g}
                                  for g in with_target))

        series: list[tuple] = []  # (id, indicator, date, value, corrected value or None)

        def observations():
            start = dt.date(2015, 1, 1)
            oid = count(1)
            for ind in range(1, n_goals + 1):
                value = rng.uniform(50, 400)
                growth = rng.uniform(0.0, 0.03)
                for k in range(OBSERVATIONS_PER_INDICATOR):
                    value *= 1 + growth
                    day = start + dt.timedelta(days=30 * k)
                    first = round(value, 2)
                    corrected = round(first * 1.01, 2) if rng.random() < 0.02 else None
                    series.append((next(oid), ind, day, first, corrected))
                    yield series[-1]

        def current(rows):
            for oid, ind, day, first, corrected in rows:
                known = _aware(day + PUBLISHED_AFTER)
                yield {"id": oid, "indicator_id": ind, "date": day,
                       "value": first if corrected is None else corrected,
                       "source_url": "https://example.org/o",
                       "recorded_at": known if corrected is None else known + CORRECTED_AFTER}

        counts["observations"] = insert(Observation, current(observations()))

        def versions():
            hid = count(1)
            for oid, ind, day, first, corrected in series:
                known = _aware(day + PUBLISHED_AFTER)
                base = {"id": oid, "indicator_id": ind, "date": day,
                        "source_url": "https://example.org/o"}
                yield {**base, "value": first, "recorded_at": known,
                       "history_id": next(hid), "history_date": known, "history_type": "+"}
                if corrected is not None:
                    later = known + CORRECTED_AFTER
                    yield {**base, "value": corrected, "recorded_at": later,
                           "history_id": next(hid), "history_date": later,
                           "history_type": "~"}

        insert(HistObs, versions())
        series.clear()
        rebuild_known_values()  # the history went in without the ORM's signals

        def assessments():
            aid = count(1)
            for g in range(1, n_goals + 1):
                for kind, assessor, share, as_of in (
                        ("government", "Landesregierung", 0.8, dt.date(2021, 6, 30)),
                        ("independent", "Rechnungshof", 0.3, dt.date(2022, 3, 31))):
                    if rng.random() < share:
                        approved = _aware(as_of + dt.timedelta(days=10))
                        yield {"id": next(aid), "goal_id": g, "status": rng.choice(STATUSES),
                               "as_of": as_of, "assessor": assessor, "assessor_kind": kind,
                               "evidence": "erzeugt", "rule": "manual", "state": "approved",
                               "approved_at": approved, "created_at": approved}

        insert(Assessment, assessments())
        _reset_sequences([m.SearchEntry, m.Organisation, m.Strategy, m.Edition, m.Section,
                          m.Goal, HistGoal, GoalUnits, m.Indicator, m.Target, TargetIndicators,
                          Observation, HistObs, Assessment])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # fresh statistics and visibility (index-only scans), as autovacuum gives them
            # later; inside a transaction (a test's) statistics only
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return n_strategies, counts["goals"], counts["observations"]


def main() -> int:
    from django.utils import timezone

    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--snapshot", action="store_true",
                        help="then store today's statuses, as the nightly job does")
    args = parser.parse_args()
    t0 = time.perf_counter()
    n_s, n_g, n_o = generate(args.scale)
    print(f"generated {n_s} strategies, {n_g} goals, {n_o} observations "
          f"in {time.perf_counter() - t0:.1f} s")
    if args.snapshot:
        from leitstand.monitoring.snapshots import take

        take(timezone.localdate())
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leitstand.settings")
    import django

    django.setup()
    sys.exit(main())
