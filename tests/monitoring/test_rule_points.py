"""The status read model reads of each series only the points the rules use
(monitoring.known.rule_points) – and judges exactly as with every observation."""

import datetime as dt

import pytest
from django.utils import timezone

from leitstand.monitoring.known import rule_points
from leitstand.monitoring.models import Observation
from leitstand.monitoring.rows import goal_rows
from leitstand.monitoring.status_rules import Series
from leitstand.register.models import Edition, Goal, Indicator, Target

D = dt.date


def _indicator(slug="reihe"):
    edition = Edition.objects.get(strategy__slug="nrw", slug="2019")
    return Indicator.objects.create(strategy=edition.strategy, name="Reihe " + slug, slug=slug,
                                    unit="percent", source_url="https://example.org/reihe")


def _values(indicator, values):
    for day, value in values:
        Observation.objects.create(indicator=indicator, date=day, value=value,
                                   source_url="https://example.org/wert",
                                   recorded_at=timezone.make_aware(dt.datetime(2020, 1, 1)))


def test_only_the_points_the_rules_read_and_the_count_by_the_day(db):
    indicator = _indicator()
    monthly = [(D(2015, m, 1), float(m)) for m in range(1, 13)] + [(D(2016, 6, 1), 20.0)]
    _values(indicator, monthly)
    as_of = D(2015, 9, 15)
    cutoffs = {D(2015, 3, 1), D(2015, 6, 30), D(2014, 1, 1)}
    points, counts = rule_points(None, as_of, {indicator.id: cutoffs})

    def last_by(day):
        return [p for p in monthly if p[0] <= day][-1:]
    expected = sorted({monthly[0], *last_by(as_of), *last_by(D(2015, 3, 1)),
                       *last_by(D(2015, 6, 30)), monthly[-1]})
    assert points[indicator.id] == expected  # 5 of 13 values; none by the 2014 cutoff
    assert counts[indicator.id] == 9  # January to September 2015


def test_an_indicator_without_values_reads_nothing(db):
    indicator = _indicator()
    assert rule_points(None, D(2020, 1, 1), {indicator.id: {D(2019, 1, 1)}}) == (
        {indicator.id: []}, {indicator.id: 0})


def test_a_reduced_series_answers_only_for_its_own_day():
    series = Series("Reihe", "percent", ((D(2020, 1, 1), 1.0),), (D(2020, 6, 1), 4))
    assert series.count_by(D(2020, 6, 1)) == 4
    with pytest.raises(ValueError):
        series.count_by(D(2021, 1, 1))


def _judged(rows):
    return {r.goal.code: (r.status, r.rule, r.computed and (
        r.computed.status, r.computed.reason, r.computed.inputs),
        [(c.key, c.ok) for c in r.measurability.checks], r.measurability.met_before_set,
        r.last_observed, r.due, r.overdue, r.stale, r.next_review) for r in rows}


def test_statuses_from_the_rules_points_equal_those_from_every_observation(db):
    """Every demo edition on days around its adoption, its goals' deadlines and today, after
    adding what a reduction could get wrong: a target measured by a shared indicator with
    another deadline, a value dated after the day, a corrected and a deleted value."""
    indicator = _indicator()
    _values(indicator, [(D(2018, 1, 1), 10.0), (D(2019, 1, 1), 20.0), (D(2020, 1, 1), 25.0),
                        (D(2021, 1, 1), 40.0), (D(2022, 1, 1), 30.0),
                        (timezone.localdate() + dt.timedelta(days=30), 90.0)])
    goals = list(Goal.objects.filter(edition__strategy__slug="nrw")[:3])
    for n, goal in enumerate(goals):
        target = Target.objects.create(goal=goal, metric="Anteil", value=35 + n, unit="percent",
                                       comparator="at_least", deadline=D(2020 + n, 6, 30))
        target.indicators.add(indicator)
    corrected = Observation.objects.get(indicator=indicator, date=D(2020, 1, 1))
    corrected.value, corrected.recorded_at = 36, timezone.make_aware(dt.datetime(2021, 3, 1))
    corrected.save()
    Observation.objects.get(indicator=indicator, date=D(2022, 1, 1)).delete()
    days = {None, D(2019, 12, 31), D(2020, 1, 1), D(2020, 6, 30), D(2020, 7, 1),
            D(2021, 2, 28), D(2021, 3, 2), D(2021, 6, 30), D(2021, 7, 1), D(2022, 6, 30),
            timezone.localdate() - dt.timedelta(days=1)}
    compared = 0
    for edition in Edition.objects.filter(strategy__slug="nrw"):
        listed = list(Goal.objects.filter(edition=edition).select_related("section__parent")
                      .prefetch_related("responsible_units"))
        days |= {edition.adopted_on, *(g.deadline for g in listed if g.deadline)}
        for day in sorted(days - {None}) + [None]:
            reduced = _judged(goal_rows(edition, today=day, live=True))
            full = _judged(goal_rows(edition, listed, today=day, with_observations=True))
            assert reduced == full, (edition, day)
            compared += len(full)
    assert compared > 100
