"""The corpus scoring of bench/ingest_accuracy.py on a small hand-made gold: the rules of
bench/gold/README.md (place, value, deadline; acceptable; fields; invented; sections)."""

from bench.corpus_scoring import invented_fields, score


def _target(value, deadline=None, unit="percent", comparator="at_least", **extra):
    return {"metric": None, "value": value, "unit": unit, "comparator": comparator,
            "deadline": deadline, "per": None, "baseline_year": None, "factor": None,
            "rank": None, "implied": []} | extra


def _goal(page, text, *targets, line=1):
    return {"id": "g", "section": None, "group": None, "explicit": False, "text": text,
            "line": line, "page": page, "horizon": None, "targets": list(targets)}


def _doc(goals, sections=(), fmt="pdf"):
    return {"source": {"format": fmt}, "goals": goals, "sections": list(sections)}


GOLD = {
    "goals": [
        {"page": 3, "targets": [{"value": 40, "unit": "percent", "comparator": "at_least",
                                 "deadline": "2030-12-31", "per": None, "baseline_year": 1990}]},
        {"page": 5, "targets": [{"value": 7500, "unit": "count", "comparator": None,
                                 "deadline": None, "per": None, "baseline_year": None}]},
    ],
    "acceptable": [{"page": 6, "value": 12}],
    "sections_range": {"pages": [1, 6]},
    "sections": [{"page": 2, "number": "1", "level": 1},
                 {"page": 4, "number": None, "level": 1, "key": "Rückblick"}],
}


def test_a_goal_is_found_only_at_its_place_with_its_value_and_deadline():
    right = _goal(3, "Bis 2030 sinken die Emissionen um 40 Prozent gegenüber 1990.",
                  _target(40, "2030-12-31", baseline_year=1990))
    wrong_deadline = _goal(3, "Bis 2031 um 40 Prozent.", _target(40, "2031-12-31"))
    wrong_page = _goal(4, "Bis 2030 um 40 Prozent.", _target(40, "2030-12-31"))
    assert score(_doc([right]), GOLD).found == 1
    assert score(_doc([wrong_deadline]), GOLD).found == 0
    assert score(_doc([wrong_page]), GOLD).found == 0


def test_precision_counts_acceptable_goals_and_ignores_unquantified_ones():
    goals = [_goal(5, "Wir bauen 7 500 Ladepunkte.", _target(7500, unit="Ladepunkte",
                                                               comparator=None)),
             _goal(6, "Dazu 12 Prozent mehr.", _target(12)),
             _goal(6, "Wir modernisieren die Verwaltung."),
             _goal(9, "Dann 55 Prozent.", _target(55))]
    tally = score(_doc(goals), GOLD)
    assert (tally.found, tally.output, tally.output_ok) == (1, 3, 2)
    assert tally.recall == 0.5 and round(tally.precision, 3) == 0.667
    # a counted noun as unit is the same kind of unit as "count"
    assert tally.fields_ok == tally.fields_total == 4


def test_fields_are_compared_on_matched_targets():
    goal = _goal(3, "Bis 2030 sinken die Emissionen um 40 Prozent gegenüber 1990.",
                 _target(40, "2030-12-31", comparator="at_most"))
    tally = score(_doc([goal]), GOLD)
    assert (tally.fields_ok, tally.fields_total) == (2, 4)  # comparator and baseline wrong


def test_values_and_deadlines_the_text_does_not_say_are_invented():
    said = _goal(1, "Bis Ende 2026 sollen 7 500 Ladepunkte und ein Viertel mehr Radwege "
                    "entstehen, nach 2027 dann 2,5 Mio. Euro jährlich.",
                 _target(7500, "2026-12-31"), _target(25), _target(2.5e6, "2028-01-01"))
    assert invented_fields(said) == []
    made_up = _goal(1, "Die Quote soll steigen (41,2 % in 2019).", _target(500, "2030-12-31"))
    assert invented_fields(made_up) == ["value 500", "deadline 2030-12-31"]
    implied = _goal(1, "In den kommenden drei Jahren jährlich 20 Tafeln.",
                    _target(20, "2026-12-31", implied=["deadline"]))
    assert invented_fields(implied) == []


def test_sections_f1_matches_numbers_and_keys_on_their_page():
    sections = [{"page": 2, "number": "1", "title": "Klima"},
                {"page": 4, "number": None, "title": "Rückblick auf 2020"},
                {"page": 5, "number": None, "title": "Achse in t"},
                {"page": 9, "number": "3", "title": "outside the sampled range"}]
    tally = score(_doc([], sections), GOLD)
    assert (tally.sec_tp, tally.sec_fp, tally.sec_fn) == (2, 1, 0)
    assert round(tally.sections_f1, 3) == 0.8


def test_text_documents_match_within_three_lines():
    gold = {"goals": [{"line": 20, "targets": [{"value": 5, "deadline": None}]}]}
    near = _goal(None, "5 Tage", _target(5), line=23)
    far = _goal(None, "5 Tage", _target(5), line=24)
    assert score(_doc([near], fmt="text"), gold).found == 1
    assert score(_doc([far], fmt="text"), gold).found == 0
