"""Whole documents: the NRW seed, the county fixture in two encodings, generated PDFs."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leitstand.ingest import validate
from leitstand.ingest.pipeline import ingest_path, ingest_text
from tests.ingest.conftest import FIXTURES


def test_seed_output_matches_the_schema(seed_doc):
    assert validate.problems(seed_doc) == []


def test_seed_sections_come_in_reading_order_with_displaced_headings_repaired(seed_doc):
    numbered = [(s["number"], s["kind"]) for s in seed_doc["sections"] if s["number"]]
    assert numbered == [("1", "chapter"), ("2", "chapter"), ("3", "chapter"), ("3.1", "review"),
                        ("3.2", "next_steps"), ("4", "chapter")]
    titles = [s["title"] for s in seed_doc["sections"]]
    # chapter 3's heading stands at the end of its page in the input, but opens the chapter
    assert titles.index("Erfolgreich Wirtschaften und Arbeiten in der digitalen Welt") < \
        titles.index("Neue Gründerzeit für Nordrhein-Westfalen")
    chapter3 = next(s for s in seed_doc["sections"] if s["number"] == "3")
    assert chapter3["line"] == 1409  # the heading's own line is kept
    assert seed_doc["sections"][0]["kind"] == "preface"


def test_seed_review_has_all_22_measures_in_two_groups(seed_doc):
    review = next(s["id"] for s in seed_doc["sections"] if s["kind"] == "review")
    measures = [m for m in seed_doc["measures"] if m["section"] == review]
    assert len(measures) == 22
    assert [m["label"] for m in measures] == list("abcdefgh") + list("abcdefghijklmn")
    assert {m["group"] for m in measures} == {"Neue Gründerzeit für Nordrhein-Westfalen",
                                              "Unternehmen und Branchen in die digitale "
                                              "Zukunft führen"}
    assert all(m["status"] == "done" for m in measures)
    first = measures[0]
    assert "150 Mio. Euro" in [q["text"] for q in first["quantities"]]
    assert "-\n" not in first["text"] and "Duisburg-Essen" in first["text"]


def test_seed_explicit_goals_have_fully_parsed_targets(seed_doc):
    goals = [g for g in seed_doc["goals"] if g["explicit"]]
    assert [g["line"] for g in goals] == [2191, 2197, 2215]
    venture, exist, grants = (g["targets"][0] for g in goals)
    assert venture["value"] == 5e8 and venture["unit"] == "EUR" and "unit" in venture["implied"]
    assert venture["deadline"] == "2022-12-31" and venture["baseline_year"] == 2017
    assert venture["factor"] == 5 and venture["comparator"] == "at_least"
    assert exist["rank"] == 1 and exist["unit"] == "rank" and exist["deadline"] == "2026-12-31"
    assert grants["value"] == 1000 and grants["per"] == "year" and grants["comparator"] == "at_most"
    assert seed_doc["year"] == 2021


def test_seed_money_amounts_and_organisations(seed_doc):
    money = {(q["line"], q["value"]) for q in seed_doc["quantities"] if q["unit"] == "EUR"}
    assert {(1758, 150e6), (1835, 50000), (2175, 50e6)} <= money
    names = {o["name"] for o in seed_doc["organisations"]}
    assert {"NRW.BANK", "KI.NRW", "Bau- und Liegenschaftsbetrieb NRW"} <= names
    bank = next(o for o in seed_doc["organisations"] if o["name"] == "NRW.BANK")
    assert len(bank["lines"]) >= 3


def test_seed_guidelines_are_a_list_of_twelve(seed_doc):
    guidelines = next(x for x in seed_doc["lists"] if "Leitlinien" in (x["title"] or ""))
    assert len(guidelines["items"]) == 12 and guidelines["items"][0]["line"] == 341


def test_page_header_with_merged_page_number_is_removed_and_gives_the_page(seed_doc):
    assert all("2.017" not in m["text"] for m in seed_doc["measures"])
    assert seed_doc["title"] == "Strategie für das digitale Nordrhein-Westfalen 2.0"
    assert next(m for m in seed_doc["measures"] if m["line"] == 1746)["page"] == 17


@pytest.mark.parametrize("name", ["landkreis.txt", "landkreis_cp1252.txt"])
def test_county_fixture_in_utf8_and_a_legacy_encoding(name):
    doc = ingest_path(FIXTURES / name)
    assert validate.problems(doc) == []
    assert doc["year"] == 2024 and doc["source"]["pages"] == 5
    assert [s["number"] for s in doc["sections"]] == ["1", "2", "3", "3.1", "3.2", "4"]
    assert [(m["label"], m["status"]) for m in doc["measures"]] == [("1", "done"), ("2", "done"),
                                                                    ("3", "done")]
    table = [g for g in doc["goals"] if g["line"] in (26, 27)]
    assert [g["targets"][0]["deadline"] for g in table] == ["2026-12-31", "2025-06-30"]
    assert table[1]["targets"][0]["comparator"] == "at_most"
    halve = next(g for g in doc["goals"] if not g["explicit"])
    assert halve["targets"][0]["factor"] == 0.5 and halve["targets"][0]["baseline_year"] == 2022
    assert len(doc["lists"][0]["items"]) == 3
    assert "Amt für Digitales und Organisation" in {o["name"] for o in doc["organisations"]}
    assert all("Seite" not in s["title"] for s in doc["sections"])


def test_generated_pdf_headings_headers_and_hyphenation(pdf):
    doc = ingest_path(pdf(6))
    assert validate.problems(doc) == []
    assert doc["source"]["format"] == "pdf" and doc["source"]["pages"] == 6
    assert doc["title"] == "Digitalstrategie Musterland 2030"
    chapters = [s for s in doc["sections"] if s["level"] == 1]
    assert [s["page"] for s in chapters] == [1, 2, 3, 4, 5, 6]
    assert len(doc["measures"]) == 4 and len(doc["goals"]) == 2
    text = json.dumps(doc, ensure_ascii=False)
    assert "Musterland 2030\"" in text  # only as the title, never inside section text
    assert "Verwaltung" not in [s["title"] for s in doc["sections"]]
    assert doc["goals"][0]["targets"][0]["value"] == 53


def test_max_pages_caps_the_work(pdf):
    doc = ingest_path(pdf(9), max_pages=2)
    assert doc["source"]["pages"] == 2 and max(s["page"] for s in doc["sections"]) == 2


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_no_text_makes_the_pipeline_crash(text):
    doc = ingest_text(text or " ")
    assert validate.problems(doc) == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([
    "1. Kapitel", "3.1 Bilanz", "a. Eine Maßnahme mit 5 Mio. Euro.", "(1) Gruppe:",
    "Ziel: Bis 2030 sollen 80 % erreicht sein.", "– Punkt", "", "\f", "Seite 3",
    "Strategie für alles 2.012", "Text mit Trenn-", "ung und mehr.", " Einrückung",
    "Ziel | Indikator | Zielwert | Frist", "a | b | c | d"]), max_size=40))
def test_no_arrangement_of_typical_lines_crashes(lines):
    doc = ingest_text("\n".join(lines))
    assert validate.problems(doc) == []


def test_ingest_imports_no_django():
    import subprocess
    import sys

    code = ("import sys, leitstand.ingest.pipeline, leitstand.ingest.cli; "
            "print([m for m in sys.modules if m.split('.')[0] == 'django'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60).stdout.strip()
    assert out == "[]"


def test_bold_line_of_body_size_is_a_heading_in_a_pdf(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "fett.pdf"
    c = canvas.Canvas(str(path))
    lines = [("Helvetica", "Ein einleitender Satz, der mit einem Punkt endet."),
             ("Helvetica-Bold", "Die offene Verwaltung"),
             ("Helvetica", "Die Verwaltung veröffentlicht ihre Daten als offene Daten und"),
             ("Helvetica", "beschreibt sie in einem Katalog.")]
    for n, (font, text) in enumerate(lines):
        c.setFont(font, 10)
        c.drawString(60, 800 - 14 * n, text)
    c.showPage()
    c.save()
    doc = ingest_path(path)
    assert [(s["title"], s["line"]) for s in doc["sections"]] == [("Die offene Verwaltung", 2)]
