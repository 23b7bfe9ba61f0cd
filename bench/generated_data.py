"""Generated strategies for the benchmarks: 1,000 strategies with 100 goals each, one
indicator with 100 monthly observations per goal, at --scale 1 (the numbers shrink with the
scale). Used by bench/monitoring_scale.py in its own test database and by bench/load.py,
which runs this file to fill the database the server then uses:

    DATABASE_URL=postgres://… python bench/generated_data.py --scale 0.01 [--snapshot]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

from django.utils import timezone


def generate(scale: float, seed: int = 7) -> tuple[int, int, int]:
    from leitstand.monitoring.models import Observation
    from leitstand.register import models as m

    rng = random.Random(seed)
    n_strategies = max(1, round(1000 * scale))
    goals_per, obs_per = 100, 100
    unit = m.Organisation.objects.create(slug="amt", name="Amt für Tests", short_name="Amt")
    strategies = m.Strategy.objects.bulk_create(
        m.Strategy(slug=f"s{i}", name=f"Strategie {i}", jurisdiction="Testland")
        for i in range(n_strategies))
    editions = m.Edition.objects.bulk_create(
        m.Edition(strategy=s, label="1", slug="1", year=2020, adopted_on=dt.date(2020, 1, 1),
                  status="published") for s in strategies)
    sections = m.Section.objects.bulk_create(
        m.Section(edition=e, slug=f"f{k}", title=f"Feld {k}", is_field_of_action=True, order=k)
        for e in editions for k in range(5))
    by_edition = {}
    for s in sections:
        by_edition.setdefault(s.edition_id, []).append(s)
    goals = m.Goal.objects.bulk_create(
        m.Goal(edition=e, section=by_edition[e.id][k % 5], code=f"z{k}", title=f"Ziel {k}",
               horizon=["short", "medium", "long"][k % 3], order=k)
        for e in editions for k in range(goals_per))
    m.Goal.responsible_units.through.objects.bulk_create(
        m.Goal.responsible_units.through(goal_id=g.id, organisation_id=unit.id) for g in goals)
    indicators = m.Indicator.objects.bulk_create(
        m.Indicator(strategy_id=g.edition.strategy_id, slug=f"i{g.id}", name=f"Reihe {g.id}",
                    unit="count", definition="erzeugt", source_url="https://example.org/i")
        for g in goals)
    targets = m.Target.objects.bulk_create(
        m.Target(goal=g, metric="m", value=rng.choice([500, 1000, 2000]), unit="count",
                 comparator="at_least", deadline=dt.date(2022 + g.order % 8, 12, 31))
        for g in goals)
    m.Target.indicators.through.objects.bulk_create(
        m.Target.indicators.through(target_id=t.id, indicator_id=i.id)
        for t, i in zip(targets, indicators, strict=False))
    start = dt.date(2015, 1, 1)
    batch = []
    total = 0
    for ind in indicators:
        value = rng.uniform(50, 400)
        growth = rng.uniform(0.0, 0.03)
        for k in range(obs_per):
            value *= 1 + growth
            batch.append(Observation(indicator=ind, date=start + dt.timedelta(days=30 * k),
                                     value=round(value, 2), source_url="https://example.org/o",
                                     recorded_at=timezone.now()))
        if len(batch) >= 50_000:
            Observation.objects.bulk_create(batch)
            total += len(batch)
            batch = []
    Observation.objects.bulk_create(batch)
    total += len(batch)
    return n_strategies, len(goals), total


def main() -> int:
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
