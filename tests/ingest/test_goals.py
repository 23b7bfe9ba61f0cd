"""Goals of version 2 on whole texts (issue 12): which sentences are goals, which are only
candidates, what a goal's text and targets may hold. Every text is invented for the test;
each test failed on the pipeline before issue 12 (commit 1482b9e)."""

from leitstand.ingest import validate
from leitstand.ingest.pipeline import ingest_text

HEAD = "Klimaprogramm der Gemeinde Lindenau\nBeschluss des Gemeinderats vom 3. März 2024\n\n"


def _doc(body: str) -> dict:
    return ingest_text(HEAD + body, "lindenau.txt")


def _targets(goal):
    return [(t["value"], t["unit"], t["comparator"], t["deadline"]) for t in goal["targets"]]


def test_output_is_version_2_with_confidence_found_by_and_candidates():
    doc = _doc("1 Energie\n\nWir wollen bis 2030 den Anteil der Solarenergie auf 35 Prozent "
               "steigern.\n\nWir werden die Verwaltung modernisieren.\n")
    assert doc["schema"] == "leitstand.document/2" and validate.problems(doc) == []
    (goal,) = doc["goals"]
    assert goal["found_by"] == "modal-sentence" and 0 < goal["confidence"] <= 1
    assert _targets(goal) == [(35, "percent", "at_least", "2030-12-31")]
    (candidate,) = doc["candidates"]
    assert candidate["text"] == "Wir werden die Verwaltung modernisieren."
    assert candidate["reason"] == "no quantified target"


def test_a_goal_never_takes_a_value_or_date_from_the_next_paragraph():
    # one paragraph per line, as many plain texts are written
    doc = _doc("1 Mobilität\n\nDie Gemeinde Lindenau liegt an zwei Landesstraßen, und die "
               "meisten Wege zur Arbeit führen heute mit dem Auto in die Kreisstadt und zurück.\n"
               "\nZiel: Die Zahl der öffentlichen Ladesäulen soll deutlich steigen\n\nIm Jahr "
               "2023 gab es im Gemeindegebiet 140 Ladesäulen, und im Jahr 2028 berät der "
               "Gemeinderat über weitere 260 Standorte an Schulen und Sporthallen.\n")
    (goal,) = doc["goals"]
    assert goal["explicit"] and goal["found_by"] == "goal-marker"
    assert "140" not in goal["text"] and "2028" not in goal["text"]
    assert goal["targets"] == []


def test_every_person_and_word_order_of_the_goal_verbs():
    sentences = [
        "Wir werden bis 2029 insgesamt 12 neue Kitas bauen.",
        "Bis 2029 werden wir 12 neue Kitas bauen.",
        "Die Gemeinde will bis 2029 12 neue Kitas bauen.",
        "Bis 2029 sollen 12 neue Kitas entstehen.",
        "Wir möchten bis 2029 12 neue Kitas eröffnen.",
        "Die Gemeinde plant, bis 2029 12 neue Kitas zu bauen.",
        "Bis 2029 strebt die Gemeinde 12 neue Kitas an.",
        "Angestrebt werden bis 2029 12 neue Kitas.",
        "Die Gemeinde beabsichtigt, bis 2029 12 neue Kitas zu eröffnen.",
        "Ziel ist es, bis 2029 12 neue Kitas zu eröffnen.",
        "Unser Ziel sind 12 neue Kitas bis 2029.",
        "Die Zahl der Kitas erhöhen wir bis 2029 um 12.",
    ]
    for sentence in sentences:
        doc = _doc(f"1 Bildung\n\n{sentence}\n")
        assert [_targets(g)[0][0] for g in doc["goals"]] == [12], sentence
        assert doc["goals"][0]["targets"][0]["deadline"] == "2029-12-31", sentence


def test_noun_phrase_targets_in_a_list():
    doc = _doc("1 Wärme\n\nDas Programm setzt sich diese Ziele:\n\n"
               "- Senkung des Gasverbrauchs der Schulen auf 900 MWh bis 2028\n"
               "- Verdopplung der Zahl der Wärmepumpen bis 2030\n")
    assert [(g["found_by"], _targets(g)) for g in doc["goals"]] == [
        ("noun-target", [(900, "MWh", "at_most", "2028-12-31")]),
        ("noun-target", [(None, None, None, "2030-12-31")])]
    assert doc["goals"][1]["targets"][0]["factor"] == 2


def test_present_past_and_other_bodies_figures_are_no_goals():
    doc = _doc("1 Rückschau und Umfeld\n\n"
               "Der Anteil des Radverkehrs lag 2022 bei 14 Prozent.\n\n"
               "Im vergangenen Jahr wurden 35 Bänke aufgestellt.\n\n"
               "Die Bundesregierung will bis 2030 insgesamt 15 Millionen Elektroautos.\n\n"
               "Der Verbrauch könnte bis 2030 um 10 Prozent sinken.\n\n"
               "Bis 2030 soll der Anteil des Radverkehrs auf 25 Prozent steigen "
               "(14 % in 2022).\n")
    assert [_targets(g) for g in doc["goals"]] == [[(25, "percent", "at_least", "2030-12-31")]]
    reasons = {c["reason"] for c in doc["candidates"]}
    assert "another body's target, reported" in reasons


def test_a_goal_table_with_other_columns_in_another_order():
    doc = _doc("1 Ziele\n\n"
               "Nr. | Termin | Zielwert | Einheit | Ziel | Zuständig\n"
               "A-1 | Ende 2027 | mind. 2 500 | Bäume | Straßenbäume pflanzen | Grünamt\n"
               "A-2 | 2030 | höchstens 40 | % | Anteil versiegelter Fläche | Bauamt\n"
               "A-3 | laufend | – | – | Baumkataster pflegen | Grünamt\n")
    rows = [(g["text"], _targets(g)) for g in doc["goals"]]
    assert rows == [
        ("Straßenbäume pflanzen", [(2500, "Bäume", "at_least", "2027-12-31")]),
        ("Anteil versiegelter Fläche", [(40, "percent", "at_most", "2030-12-31")]),
        ("Baumkataster pflegen", [])]
    assert all(g["found_by"] == "goal-table" and g["explicit"] for g in doc["goals"])


def test_an_opening_deadline_and_a_money_goal_needs_a_currency_word():
    doc = _doc("1 Förderung\n\nAb 2026 wollen wir jährlich mindestens 250.000 Euro für "
               "Gründungen bereitstellen.\n\nBis 2028 sollen 2 Millionen Setzlinge in den "
               "Gemeindewald gepflanzt werden.\n")
    money, seedlings = (g["targets"][0] for g in doc["goals"])
    assert (money["value"], money["unit"], money["deadline"], money["per"]) == \
        (250000, "EUR", "2026-01-01", "year")
    assert (seedlings["value"], seedlings["unit"]) == (2e6, "count")


def test_passive_obligation_and_goal_phrasings():
    cases = {
        "Bis 2035 wird der Anteil erneuerbarer Wärme auf 60 % angehoben.":
            (60, "at_least", None, "2035-12-31"),
        "Bis Ende 2027 sind 500 zusätzliche Ladepunkte zu errichten.":
            (500, "at_least", "increase", "2027-12-31"),
        "Die Gemeinde hat zum Ziel, bis 2032 den Wasserverbrauch um 15 % zu senken.":
            (15, "at_least", "decrease", "2032-12-31"),
        "Zielmarke für 2030: 40 % weniger Energieverbrauch in den Schulen.":
            (40, "at_least", "decrease", "2030-12-31"),
        "Es ist geplant, bis 2027 weitere 25 Haltestellen barrierefrei umzubauen.":
            (25, "at_least", "increase", "2027-12-31"),
    }
    for sentence, expected in cases.items():
        (goal,) = _doc(f"1 Vorhaben\n\n{sentence}\n")["goals"]
        target = goal["targets"][0]
        assert (target["value"], target["comparator"], target["change"],
                target["deadline"]) == expected, sentence
