"""The written status rules (monitoring/status_rules.py) as a table: one line per case the
Methodik page describes, with the target, the observations, the day and the verdict."""

import datetime as dt

import pytest

from leitstand.monitoring.status_rules import (
    Series,
    TargetInput,
    Verdict,
    judge_goal,
    judge_target,
    project,
    worst,
)

D = dt.date.fromisoformat
DEADLINE = D("2025-12-31")


def target(value=100.0, unit="%", comparator="at_least", deadline=DEADLINE, baseline=None,
           factor=None):
    return TargetInput(value, unit, comparator, deadline, baseline, factor)


def series(*points, unit="%"):
    return Series("Anteil", unit, tuple((D(d), v) for d, v in points))


CASES = [
    # why, target, observations, as of, status
    ("no value: nothing to measure", target(value=None), series(("2020-01-01", 50)),
     "2024-01-01", "not_measurable"),
    ("factor times baseline is a value", target(value=None, factor=2, baseline=50),
     series(("2020-01-01", 100)), "2024-01-01", "achieved"),
    ("no deadline", target(deadline=None), series(("2020-01-01", 50)), "2024-01-01",
     "not_measurable"),
    ("indicator in another unit", target(), series(("2020-01-01", 50), unit="EUR"),
     "2024-01-01", "not_measurable"),
    ("no observation up to the day", target(), series(("2024-06-01", 50)), "2024-01-01",
     "no_data"),
    ("one observation: no trend", target(), series(("2020-01-01", 50)), "2024-01-01",
     "no_data"),
    ("latest value meets it", target(), series(("2020-01-01", 50), ("2023-01-01", 100)),
     "2024-01-01", "achieved"),
    ("within the 0.5 % tolerance", target(), series(("2020-01-01", 50), ("2023-01-01", 99.6)),
     "2024-01-01", "achieved"),
    ("just outside the tolerance, trend short", target(),
     series(("2022-01-01", 99.0), ("2023-01-01", 99.4)), "2023-06-01", "on_track"),
    ("deadline passed, not met", target(), series(("2020-01-01", 50), ("2025-06-01", 80)),
     "2026-06-01", "missed"),
    ("growth carries it there", target(), series(("2020-01-01", 50), ("2022-01-01", 70)),
     "2022-06-01", "on_track"),
    ("growth too slow", target(), series(("2020-01-01", 50), ("2022-01-01", 52)),
     "2022-06-01", "at_risk"),
    ("at most: falling to it", target(value=10, comparator="at_most"),
     series(("2020-01-01", 40), ("2022-01-01", 20)), "2022-06-01", "on_track"),
    ("no comparator, below the baseline: a reduction", target(value=10, comparator=None,
                                                              baseline=40),
     series(("2020-01-01", 40), ("2022-01-01", 9)), "2022-06-01", "achieved"),
    ("exactly: too high is not met", target(value=10, comparator="exactly"),
     series(("2020-01-01", 40), ("2022-01-01", 30)), "2022-06-01", "at_risk"),
    ("observations after the day do not count", target(),
     series(("2020-01-01", 50), ("2021-01-01", 60), ("2023-01-01", 100)), "2022-01-01",
     "on_track"),
]


@pytest.mark.parametrize(("why", "t", "s", "as_of", "status"), CASES,
                         ids=[c[0] for c in CASES])
def test_target_verdicts(why, t, s, as_of, status):
    assert judge_target(t, [s], D(as_of)).status == status


def test_a_target_without_indicator_is_not_measurable():
    assert judge_target(target(), [], D("2024-01-01")).status == "not_measurable"


@pytest.mark.parametrize(("statuses", "expected"), [
    (["achieved", "on_track"], "on_track"),
    (["on_track", "at_risk", "achieved"], "at_risk"),
    (["missed", "at_risk"], "missed"),
    (["no_data", "achieved"], "achieved"),  # targets without a computed status are left out
    (["no_data", "not_measurable"], None),
])
def test_the_worst_computed_status_wins(statuses, expected):
    verdict = worst([Verdict(s, "") for s in statuses])
    assert (verdict.status if verdict else None) == expected


def test_a_goal_takes_the_worst_of_its_targets_and_of_a_targets_indicators():
    rising = series(("2020-01-01", 50), ("2022-01-01", 100))
    flat = series(("2020-01-01", 50), ("2022-01-01", 51))
    assert judge_goal([(target(), [rising]), (target(), [flat])], D("2022-06-01")).status \
        == "at_risk"
    assert judge_target(target(), [rising, flat], D("2022-06-01")).status == "at_risk"


@pytest.mark.parametrize(("points", "deadline", "expected"), [
    ([("2020-01-01", 100), ("2022-01-01", 121)], "2024-01-01", 146.41),  # 10 % a year
    ([("2020-01-01", 0), ("2022-01-01", 10)], "2024-01-01", 20.0),  # not positive: linear
    ([("2020-01-01", 5), ("2020-01-01", 6)], "2024-01-01", None),  # one day: no trend
])
def test_projection(points, deadline, expected):
    result = project([(D(d), v) for d, v in points], D(deadline))
    assert result == (pytest.approx(expected, rel=1e-3) if expected is not None else None)
