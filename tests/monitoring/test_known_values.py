"""The values a past day showed, read through the known values (monitoring.known), are the
ones chosen among every version of the history – whether the known values were written with
each version or rebuilt from the history at once."""

import datetime as dt

import pytest
from django.utils import timezone

from leitstand.monitoring import services
from leitstand.monitoring.known import (
    holding,
    known_observations,
    rebuild_known_values,
    rule_points,
)
from leitstand.monitoring.models import KnownValue, Observation, end_of_day
from leitstand.register.models import Edition, Indicator

D = dt.date
FIRST = D(2021, 3, 1)  # the scenario's first day of writing


def _shown_by_history(day):
    """The rule read off every version: of each observation its latest version written by the
    end of the day, else its first one recorded by then; none if that is its deletion."""
    end = end_of_day(day)
    chosen = {}
    for v in Observation.history.filter(recorded_at__lt=end).order_by(
            "id", "history_date", "history_id"):
        if v.history_date < end or v.id not in chosen:
            chosen[v.id] = v
    return {(v.id, v.indicator_id, v.date, float(v.value)) for v in chosen.values()
            if not (v.history_type == "-" and v.history_date < end)}


def _shown(day):
    return {(o.id, o.indicator_id, o.date, float(o.value)) for o in known_observations(day)}


@pytest.fixture
def written(db, monkeypatch):
    """Observations written over ten days of 2021: created, loaded with an earlier publication
    date, corrected twice, moved to another day and to another indicator, deleted."""
    edition = Edition.objects.get(strategy__slug="nrw", slug="2019")
    one, other = (Indicator.objects.create(strategy=edition.strategy, name=f"Reihe {n}",
                                           slug=f"reihe-{n}", unit="percent",
                                           source_url="https://example.org/reihe")
                  for n in (1, 2))

    def on(n):  # noon of the scenario's n-th day
        moment = timezone.make_aware(dt.datetime.combine(FIRST + dt.timedelta(days=n),
                                                         dt.time(12)))
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    def record(indicator, day, value, known_since=None):
        return services.record_observation(services.SYSTEM, indicator, day, value=value,
                                           source_url="https://example.org/wert",
                                           known_since=known_since)[0]

    def change(observation, **fields):
        for name, value in fields.items():
            setattr(observation, name, value)
        services.save_observation(services.SYSTEM, observation)

    on(0)
    a = record(one, D(2019, 12, 31), 10)
    on(1)
    c = record(one, D(2020, 6, 30), 20)
    b = record(one, D(2018, 12, 31), 5, known_since=on(-30))  # published a month before
    on(3)
    change(a, value=12)
    on(4)
    change(c, date=D(2020, 7, 31))
    on(5)
    b.delete()
    on(6)
    change(a, value=13, indicator=other)
    record(other, D(2021, 1, 31), 30, known_since=on(-60))
    on(8)
    record(one, D(2018, 12, 31), 6)  # the deleted day again, a new observation
    monkeypatch.undo()
    return one, other


def test_every_past_day_shows_what_the_history_chose(written):
    days = [FIRST + dt.timedelta(days=n) for n in range(-40, 12)]
    assert len({frozenset(_shown_by_history(day)) for day in days}) >= 7  # the days differ
    for day in days:
        assert _shown(day) == _shown_by_history(day), day
    today = {(o.id, o.indicator_id, o.date, float(o.value)) for o in Observation.objects.all()}
    assert {(k.observation_id, k.indicator_id, k.date, k.value)
            for k in KnownValue.objects.filter(holding(None))} == today


def test_the_rebuild_from_the_history_writes_what_each_version_wrote(written):
    def table():
        return sorted(KnownValue.objects.values_list(
            "observation_id", "version_id", "indicator_id", "date", "value", "known_from",
            "known_until"))
    kept = table()
    assert len(kept) == Observation.history.exclude(history_type="-").count()
    KnownValue.objects.all().delete()
    assert rebuild_known_values() == len(kept)
    assert table() == kept


def test_a_past_days_rule_points_are_read_from_its_values(written):
    one, other = written
    day = FIRST + dt.timedelta(days=2)  # a corrected (day 3) and a deleted (day 5) value ahead
    as_of = D(2020, 12, 31)
    points, counts = rule_points(day, as_of, {one.id: {D(2020, 1, 15)}, other.id: set()})
    # first, last by the cutoff (the value before its correction), last by as_of and of all
    assert points == {one.id: [(D(2018, 12, 31), 5.0), (D(2019, 12, 31), 10.0),
                               (D(2020, 6, 30), 20.0)],
                      other.id: [(D(2021, 1, 31), 30.0)]}
    assert counts == {one.id: 3, other.id: 0}


def test_the_last_write_holds_even_where_the_clock_stepped_back(db, monkeypatch):
    """A second server whose clock is two seconds behind corrects a value: the correction is
    today's value, whether the known values were written one by one or rebuilt."""
    indicator = Indicator.objects.create(
        strategy=Edition.objects.get(strategy__slug="nrw", slug="2019").strategy,
        name="Reihe Uhr", slug="reihe-uhr", unit="percent", source_url="https://example.org/r")
    first = timezone.make_aware(dt.datetime(2021, 3, 1, 12, 0, 5))
    for moment, value in ((first, 1), (first - dt.timedelta(seconds=2), 2)):
        monkeypatch.setattr(timezone, "now", lambda moment=moment: moment)
        services.record_observation(services.SYSTEM, indicator, D(2020, 1, 1), value=value,
                                    source_url="https://example.org/wert")
    monkeypatch.undo()
    today = {indicator.id: [(D(2020, 1, 1), 2.0)]}
    assert rule_points(None, D(2030, 1, 1), {indicator.id: set()})[0] == today
    rebuild_known_values()
    assert rule_points(None, D(2030, 1, 1), {indicator.id: set()})[0] == today
