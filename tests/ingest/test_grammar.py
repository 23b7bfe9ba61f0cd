"""The German grammar of ingest: numbers, amounts, deadlines, comparators, factors, ranks."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leitstand.ingest.dates import resolve_deadline
from leitstand.ingest.numbers import find_quantities, format_german, parse_digits, parse_number
from leitstand.ingest.targets import comparator, factor, horizon, parse_target, per_year, rank


@pytest.mark.parametrize("text,value", [
    ("1.000", 1000), ("2,5", 2.5), ("1.234.567,89", 1234567.89), ("12", 12),
    ("eine halbe Milliarde", 500_000_000), ("zwei Millionen", 2_000_000),
    ("150 Mio.", 150_000_000), ("0,5 Mrd.", 500_000_000), ("drei", 3),
])
def test_german_numbers(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["1,2,3", "abc", "", "1..000"])
def test_non_numbers_are_none(text):
    assert parse_number(text) is None


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False).map(lambda v: round(v, 2)))
def test_german_formatted_numbers_round_trip(value):
    assert parse_digits(format_german(value)) == pytest.approx(value)


@pytest.mark.parametrize("text,expected", [
    ("insgesamt 150 Mio. Euro", [("150 Mio. Euro", 150e6, "EUR")]),
    ("weitere € 40 Mio. stehen bereit", [("€ 40 Mio.", 40e6, "EUR")]),
    ("ein Anteil von 12 % der Fläche", [("12 %", 12, "percent")]),
    ("eine halbe Milliarde Euro", [("eine halbe Milliarde Euro", 5e8, "EUR")]),
    ("74 Beratungsstellen im Land", [("74 Beratungsstellen", 74, "count")]),
    ("am 1. Dezember 2018 begann es", []),
    ("seit 2020 jährlich", []),
])
def test_quantities_in_running_text(text, expected):
    found = [(q.text, q.value, q.unit) for q in find_quantities(text)]
    assert found == [(t, pytest.approx(v), u) for t, v, u in expected]


def test_counted_noun_is_named():
    (q,) = find_quantities("Es gibt 27 zusätzliche Professuren.")
    assert q.noun == "Professuren" and q.unit == "count"


@pytest.mark.parametrize("text,iso", [
    ("bis 2022", "2022-12-31"), ("bis Ende Juni 2024", "2024-06-30"),
    ("bis Mitte 2026", "2026-06-30"), ("H1/2026", "2026-06-30"), ("Q3/2026", "2026-09-30"),
    ("bis zum dritten Quartal 2026", "2026-09-30"), ("31.12.2026", "2026-12-31"),
    ("bis Ende 2024", "2024-12-31"), ("in den kommenden fünf Jahren", "2026-12-31"),
    ("innerhalb von zwei Jahren", "2023-12-31"), ("bis zum Ende der Legislaturperiode", None),
])
def test_deadlines_resolve_to_the_last_day(text, iso):
    assert resolve_deadline(text, 2021) == iso


def test_relative_deadline_needs_the_document_year():
    assert resolve_deadline("in den kommenden fünf Jahren", None) is None


@pytest.mark.parametrize("text,expected", [
    ("mindestens 90 Prozent", "at_least"), ("mehr als 10.300 Maßnahmen", "at_least"),
    ("über 350 Krankenhäuser", "at_least"), ("bis zu 1.000 Stipendien", "at_most"),
    ("höchstens 10 Tage", "at_most"), ("auf unter 5 % senken", "at_most"),
    ("auf 60 % steigern", "at_least"), ("genau 3 Zentren", "exactly"),
    ("Über die Jurys werden 5 vergeben", None),
])
def test_comparators(text, expected):
    assert comparator(text) == expected


@pytest.mark.parametrize("text,value", [("gegenüber 2017 verfünffachen", 5), ("verdoppeln", 2),
                                        ("halbieren", 0.5), ("steigern", None)])
def test_factors(text, value):
    assert factor(text) == value


@pytest.mark.parametrize("text,value", [
    ("an die Spitze der Bundesländer setzen", 1), ("unter die drei besten Länder", 3),
    ("zu den zehn führenden Regionen", 10), ("unter die Top-5 kommen", 5), ("besser werden", None),
])
def test_ranks(text, value):
    assert rank(text) == value


def test_yearly_amounts_and_horizons():
    assert per_year("jährlich bis zu 1.000") == "year" and per_year("pro Jahr") == "year"
    assert per_year("im Jahr 2020") is None
    assert horizon("Dieses Ziel ist mittelfristig angelegt.") == "medium"


def test_a_full_goal_sentence():
    target = parse_target("Die Investitionen der Fonds in junge Firmen sollen bis 2022 auf eine "
                          "halbe Milliarde steigen, fünfmal so viel wie 2017, also sich "
                          "verfünffachen gegenüber 2017.", 2021)
    assert target == {"metric": "Investitionen der Fonds in junge Firmen", "value": 5e8,
                      "unit": "EUR", "comparator": "at_least", "deadline": "2022-12-31",
                      "per": None, "baseline_year": 2017, "factor": 5.0, "rank": None,
                      "implied": ["unit"], "change": None}


def test_a_sentence_without_promise_has_no_target():
    assert parse_target("Die Digitalisierung verändert alles.", 2021) is None
