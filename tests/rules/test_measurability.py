"""Measurability (monitoring/measurability.py) as a table: which check a goal passes, and
whether it was met before it was set."""

import datetime as dt

import pytest

from leitstand.monitoring.measurability import assess

FULL = {"metric": "Anteil", "value": 80.0, "unit": "%", "deadline": dt.date(2025, 12, 31),
        "baseline_value": 50.0, "baseline_year": 2018, "factor": None, "comparator": "at_least"}


def without(**changes):
    return [{**FULL, **changes}]


CASES = [
    # why, targets, responsible, indicators with source, due, failing checks, measurable
    ("everything stated", without(), True, 1, None, set(), True),
    ("no target at all", [], True, 1, None,
     {"metric", "value", "unit", "deadline", "baseline"}, False),
    ("no value", without(value=None), True, 1, None, {"value"}, False),
    ("factor and baseline are a value", without(value=None, factor=2.0), True, 1, None,
     set(), True),
    ("no deadline, but a horizon gives a due day", without(deadline=None), True, 1,
     dt.date(2024, 1, 1), set(), True),
    ("no deadline and no horizon", without(deadline=None), True, 1, None, {"deadline"}, False),
    ("no unit: stated but not core", without(unit=""), True, 1, None, {"unit"}, True),
    ("no baseline: stated but not core", without(baseline_value=None, baseline_year=None),
     True, 1, None, {"baseline"}, True),
    ("nobody responsible: not core", without(), False, 1, None, {"unit_responsible"}, True),
    ("no indicator with a source", without(), True, 0, None, {"indicator"}, False),
]


@pytest.mark.parametrize(("why", "targets", "responsible", "sources", "due", "failing",
                          "measurable"), CASES, ids=[c[0] for c in CASES])
def test_checks(why, targets, responsible, sources, due, failing, measurable):
    result = assess(targets, responsible=responsible, indicators_with_source=sources, due=due)
    assert {c.key for c in result.checks if not c.ok} == failing
    assert result.measurable is measurable
    assert result.score == 7 - len(failing)


@pytest.mark.parametrize(("why", "target", "observations", "expected"), [
    ("baseline already above the target", {"value": 40.0, "baseline_value": 50.0,
                                            "comparator": "at_least"}, [], True),
    ("baseline below it", {"value": 80.0, "baseline_value": 50.0}, [], False),
    ("no comparator, target below the baseline: a reduction not yet reached",
     {"value": 40.0, "baseline_value": 50.0}, [], False),
    ("last value before adoption counts over the baseline", {"value": 80.0,
                                                             "baseline_value": 50.0},
     [(dt.date(2018, 6, 1), 85.0), (dt.date(2020, 6, 1), 10.0)], True),
    ("a reduction already reached", {"value": 10.0, "comparator": "at_most",
                                     "baseline_value": 8.0}, [], True),
    ("a rank already reached", {"value": 5.0, "unit": "rank", "baseline_value": 3.0}, [],
     True),
    ("nothing known before", {"value": 80.0}, [], None),
])
def test_met_before_it_was_set(why, target, observations, expected):
    result = assess([target], responsible=True, indicators_with_source=1, due=None,
                    adopted_on=dt.date(2019, 1, 1), observations=observations)
    assert result.met_before_set is expected
