"""Targets of version 2 (issue 12): each failure class of real documents on our own text.

Every sentence here is invented for the test; each case failed on the pipeline before
issue 12 (commit 1482b9e).
"""

import pytest

from leitstand.ingest.dates import resolve_deadline
from leitstand.ingest.numbers import find_quantities
from leitstand.ingest.targets import parse_targets


def _one(sentence, year=2024):
    targets = parse_targets(sentence, year)
    assert len(targets) == 1, targets
    return targets[0]


@pytest.mark.parametrize("text,value", [
    ("Bis 2028 entstehen 7 500 Ladepunkte im Kreisgebiet.", 7500),
    ("Bis 2028 entstehen 12\u202f400 Ladepunkte im Kreisgebiet.", 12400),
    ("Bis 2028 entstehen 3\u00a0250 Ladepunkte im Kreisgebiet.", 3250),
])
def test_thousands_grouped_with_spaces_are_one_number(text, value):
    (q,) = find_quantities(text)
    assert q.value == value and q.noun == "Ladepunkte"


def test_x_of_y_is_the_first_number_with_its_noun_as_unit():
    target = _one("Im Nachhaltigkeitsranking wollen wir bis 2027 mindestens 14 von 20 "
                  "Punkten erreichen.")
    assert (target["value"], target["unit"], target["comparator"]) == (14, "Punkte", "at_least")


def test_a_count_of_things_in_millions_is_no_money():
    target = _one("Bis 2035 sollen im Land 3 Millionen Balkonkraftwerke am Netz sein, "
                  "gefördert aus dem Investitionsprogramm.")
    assert target["value"] == 3e6 and target["unit"] == "count" and target["implied"] == []


def test_money_needs_a_currency_word_or_stays_implied():
    target = _one("Das Förderbudget soll bis 2026 auf 4 Millionen Euro wachsen.")
    assert (target["value"], target["unit"], target["implied"]) == (4e6, "EUR", [])


def test_a_present_day_figure_in_brackets_is_no_target_and_gives_no_deadline():
    assert parse_targets("Der Anteil der Busse mit Elektroantrieb soll deutlich steigen "
                         "(37,5 % in 2022).", 2024) == []
    assert parse_targets("Der Anteil lag 2022 bei 37,5 Prozent.", 2024) == []


def test_present_value_before_the_goal_is_skipped():
    target = _one("Die Quote lag 2022 bei 37,5 % und soll bis 2030 auf 55 % steigen.")
    assert (target["value"], target["deadline"], target["comparator"]) == \
        (55, "2030-12-31", "at_least")


@pytest.mark.parametrize("sentence,comparator,change", [
    ("Angestrebt wird eine Senkung der Abbrecherquote auf 6,5 % bis 2029.", "at_most", None),
    ("Wir wollen die Wartezeit bis 2026 auf 10 Tage verkürzen.", "at_most", None),
    ("Die Treibhausgase sollen bis 2035 um 65 % gegenüber 1990 sinken.", "at_least",
     "decrease"),
    ("Wir wollen eine Erhöhung der Radwege um 120 km bis 2030.", "at_least", "increase"),
    ("Der Anteil soll bis 2030 auf 45 Prozent steigen.", "at_least", None),
])
def test_the_comparator_follows_the_direction_word(sentence, comparator, change):
    target = _one(sentence)
    assert (target["comparator"], target["change"]) == (comparator, change)


def test_the_baseline_year_is_never_the_deadline():
    target = _one("Bis 2035 senken wir den Verbrauch im Vergleich zum Jahr 2010 um 30 %.")
    assert (target["deadline"], target["baseline_year"]) == ("2035-12-31", 2010)


def test_a_range_is_two_targets():
    low, high = parse_targets("Wir wollen bis 2030 den Anteil regionaler Produkte auf 30 bis "
                              "35 Prozent steigern.", 2024)
    assert (low["value"], low["comparator"]) == (30, "at_least")
    assert (high["value"], high["comparator"]) == (35, "at_most")
    assert low["deadline"] == high["deadline"] == "2030-12-31"


def test_values_with_their_own_years_are_separate_targets():
    first, second = parse_targets("Geplant sind Elektrolyseure mit 15 MW 2027, 40 MW 2031.",
                                  2024)
    assert (first["value"], first["unit"], first["deadline"]) == (15, "MW", "2027-12-31")
    assert (second["value"], second["unit"], second["deadline"]) == (40, "MW", "2031-12-31")


def test_two_values_each_with_its_deadline():
    first, second = parse_targets("Wir schließen 2 000 Haushalte bis 2026 und weitere "
                                  "3 000 Haushalte bis 2029 an das Wärmenetz an.", 2024)
    assert (first["value"], first["deadline"]) == (2000, "2026-12-31")
    assert (second["value"], second["deadline"]) == (3000, "2029-12-31")


@pytest.mark.parametrize("sentence,value", [
    ("Bis 2030 soll ein Viertel der Dächer begrünt sein.", 25),
    ("Bis 2030 soll die Hälfte der Flotte elektrisch fahren.", 50),
    ("Bis 2030 soll ein gutes Drittel der Fläche geschützt sein.", 33.33),
    ("Bis 2030 soll jeder fünfte Weg mit dem Rad zurückgelegt werden.", 20),
])
def test_fractions_are_percentages(sentence, value):
    target = _one(sentence)
    assert (target["value"], target["unit"]) == (pytest.approx(value), "percent")


@pytest.mark.parametrize("text,value,unit,per", [
    ("Wir wollen bis 2030 jährlich 25.000 Tonnen CO2 einsparen.", 25000, "t", "year"),
    ("Die Leistung soll bis 2030 auf 1,2 Gigawatt steigen.", 1.2, "GW", None),
    ("Bis 2030 sollen 80 GWh/a erzeugt werden.", 80, "GWh", "year"),
    ("Wir wollen bis 2028 insgesamt 4.500 m² Fassade begrünen.", 4500, "m²", None),
    ("Bis 2029 bauen wir 60 Kilometer Radschnellwege.", 60, "km", None),
])
def test_units_of_measurement_take_their_symbol(text, value, unit, per):
    target = _one(text)
    assert (target["value"], target["unit"], target["per"]) == (value, unit, per)


@pytest.mark.parametrize("text,iso", [
    ("bis zum Jahr 2030", "2030-12-31"), ("im Jahr 2031", "2031-12-31"),
    ("bis Ende 2026", "2026-12-31"), ("ab 2027", "2027-01-01"), ("nach 2027", "2028-01-01"),
    ("zum 1. Juli 2027", "2027-07-01"), ("Zielwert 2024", "2024-12-31"),
    ("ab dem Jahr 2029", "2029-01-01"),
])
def test_deadlines_of_version_2(text, iso):
    assert resolve_deadline(text, 2024) == iso


def test_a_factor_noun_is_a_target():
    target = _one("Ziel ist eine Verdopplung der Mitgliederzahl bis 2030.")
    assert (target["factor"], target["value"], target["deadline"]) == (2, None, "2030-12-31")
