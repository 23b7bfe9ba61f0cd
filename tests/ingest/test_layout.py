"""PDF layout (issue 12): table of contents, headings by font and numbering, what is not a
heading, running heads and feet, the title. Every PDF here is written by the test with our
own invented text (reportlab), in the shapes that real strategy documents take."""

from __future__ import annotations

import json

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from leitstand.ingest.pipeline import ingest_path, ingest_text

BODY = ["Die Stadt Beispielhausen stellt ihre Wärmeversorgung schrittweise um und",
        "bindet dabei die Stadtwerke, die Wohnungsbaugesellschaften und die Betriebe",
        "des Handwerks ein. Der Gemeinderat berät jedes Jahr über den Fortschritt."]


def write(path, pages):
    """pages: a list of pages, each a list of (x, y, font, size, text)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in pages:
        for x, y, font, size, text in page:
            c.setFont(font, size)
            c.drawString(x, y, text)
        c.showPage()
    c.save()
    return path


def body(y, lines=BODY):
    return [(70, y - 14 * k, "Helvetica", 10, text) for k, text in enumerate(lines)]


def heading(y, text, size=14):
    return [(70, y, "Helvetica-Bold", size, text)]


def titles(doc):
    return [(s["number"], s["title"], s["page"]) for s in doc["sections"]]


def test_table_of_contents_is_toc_and_body_headings_keep_number_and_page(tmp_path):
    contents = heading(780, "Inhalt") + [
        (70, 750, "Helvetica", 10, "1 Ausgangslage " + "." * 70 + " 2"),
        (70, 735, "Helvetica", 10, "2 Handlungsfelder " + "." * 66 + " 3"),
        (70, 720, "Helvetica", 10, "2.1 Wärme und Gebäude " + "." * 60 + " 3"),
        (70, 705, "Helvetica", 10, "Anhang " + "." * 82 + " 4")]
    pages = [contents,
             heading(780, "1 Ausgangslage") + body(750),
             heading(780, "2 Handlungsfelder") + body(750) + heading(690, "2.1 Wärme und Gebäude",
                                                                     12) + body(665),
             heading(780, "Anhang") + body(750)]
    doc = ingest_path(write(tmp_path / "inhalt.pdf", pages))
    assert [(e["number"], e["title"], e["page_label"], e["page"]) for e in doc["toc"]] == [
        ("1", "Ausgangslage", "2", 1), ("2", "Handlungsfelder", "3", 1),
        ("2.1", "Wärme und Gebäude", "3", 1), (None, "Anhang", "4", 1)]
    assert titles(doc) == [("1", "Ausgangslage", 2), ("2", "Handlungsfelder", 3),
                           ("2.1", "Wärme und Gebäude", 3), (None, "Anhang", 4)]
    assert [s["level"] for s in doc["sections"]] == [1, 1, 2, 1]


def _chart(y):
    """A bar chart: bold labels in a small font, axis numbers and units, a legend."""
    return [(120, y, "Helvetica-Bold", 7, "Wärme"), (200, y, "Helvetica-Bold", 7, "Strom"),
            (280, y, "Helvetica-Bold", 7, "Verkehr"), (90, y + 20, "Helvetica", 7, "100"),
            (90, y + 40, "Helvetica", 7, "200"), (90, y + 60, "Helvetica", 7, "kt CO2"),
            (300, y + 80, "Helvetica-Bold", 8, "Emissionen nach Sektor")]


def test_chart_labels_table_cells_and_form_labels_are_not_headings(tmp_path):
    pages = []
    for n in range(1, 6):
        page = heading(790, f"{n} Maßnahme Nummer {n}") + body(760)
        # a form: the same bold labels on every sheet, two of them side by side
        page += [(70, 700, "Helvetica-Bold", 10, "Wer?"), (320, 700, "Helvetica-Bold", 10,
                                                            "Wann?")]
        page += body(680, ["Das Amt für Umwelt gemeinsam mit den Stadtwerken",
                           "und der Energieagentur der Region."])
        page += _chart(480)
        # a table: a bold header row in the body's size and rows of numbers
        page += [(70, 400, "Helvetica-Bold", 10, "Sektor 2019 2025 2030"),
                 (70, 386, "Helvetica", 10, "Haushalte 410 350 240"),
                 (70, 372, "Helvetica-Bold", 10, "Summe 980 800 560")]
        page += body(340)
        pages.append(page)
    doc = ingest_path(write(tmp_path / "blaetter.pdf", pages))
    assert titles(doc) == [(str(n), f"Maßnahme Nummer {n}", n) for n in range(1, 6)]


def test_numbering_schemes_of_headings(tmp_path):
    page = (heading(790, "Kapitel 3: Energie und Klima", 16) + body(765)
            + heading(715, "Handlungsfeld E: Wasser", 14) + body(690)
            + heading(640, "E1.2 Regenwasser im Quartier", 12) + body(615)
            + heading(565, "IV. Finanzierung", 14) + body(540)
            + heading(490, "B. Umsetzung", 12) + body(465))
    doc = ingest_path(write(tmp_path / "nummern.pdf", [page, body(780), body(780)]))
    assert [(s["number"], s["title"]) for s in doc["sections"]] == [
        ("3", "Energie und Klima"), ("E", "Wasser"), ("E1.2", "Regenwasser im Quartier"),
        ("IV", "Finanzierung"), ("B", "Umsetzung")]


def test_running_heads_of_two_lines_and_file_path_footers_are_not_content(tmp_path):
    pages = []
    for n in range(1, 7):
        page = [(70, 810, "Helvetica", 8, "Stadt Beispielhausen"),
                (70, 800, "Helvetica", 8, "Klimaplan 2035 – Entwurf zur Beratung"),
                (70, 40, "Helvetica", 7, f"S:\\Planung\\Klima\\klimaplan_v7.docx  gedruckt am "
                                         f"0{n}.03.2025 09:1{n}"),
                (500, 40, "Helvetica", 8, f"Seite {n}")]
        page += heading(760, f"{n} Abschnitt über Thema {n}") + body(730)
        pages.append(page)
    doc = ingest_path(write(tmp_path / "kopf.pdf", pages))
    text = json.dumps([doc["sections"], doc["quantities"], doc["lists"], doc["goals"]],
                      ensure_ascii=False)
    assert "gedruckt" not in text and "Entwurf zur Beratung" not in text
    assert "Beispielhausen\"" not in text
    assert titles(doc) == [(str(n), f"Abschnitt über Thema {n}", n) for n in range(1, 7)]


def test_a_running_head_that_names_its_measure_starts_that_section(tmp_path):
    pages = []
    for number, title, sheets in [("A1.1", "Wärmeplan", 2), ("A1.2", "Nahwärmenetze", 3)]:
        for _ in range(sheets):
            pages.append([(70, 810, "Helvetica", 10, "Handlungsfeld A: Wärme"),
                          (70, 796, "Helvetica", 10, f"Maßnahme {number}"),
                          (70, 782, "Helvetica-Bold", 10, title)] + body(740))
    doc = ingest_path(write(tmp_path / "blatt.pdf", pages))
    assert titles(doc) == [("A", "Wärme", 1), ("A1.1", "Wärmeplan", 1),
                           ("A1.2", "Nahwärmenetze", 3)]
    # A1.1 is two steps below A (A1 would stand between them)
    assert [s["level"] for s in doc["sections"]] == [1, 3, 3]


def test_title_comes_from_the_cover_never_from_a_page_number(tmp_path):
    cover = [(100, 600, "Helvetica-Bold", 28, "Klimaplan Beispielhausen"),
             (100, 560, "Helvetica", 16, "Fortschreibung 2025")]
    pages = [cover] + [[(290, 810, "Helvetica", 9, f"– {n} –")] + heading(770, f"{n - 1} Teil")
                       + body(740) for n in range(2, 7)]
    doc = ingest_path(write(tmp_path / "titel.pdf", pages))
    assert doc["title"] == "Klimaplan Beispielhausen"


def test_a_look_back_only_where_the_heading_says_so():
    doc = ingest_text("1. Energie- und CO2-Bilanz\n\nDie Emissionen sanken im Jahr 2022 "
                      "deutlich gegenüber dem Vorjahr.\n\n2. Bilanz der Maßnahmen\n\n"
                      "Die Stadt hat drei Förderprogramme abgeschlossen.\n")
    assert [(s["number"], s["kind"]) for s in doc["sections"]] == [("1", "chapter"),
                                                                   ("2", "review")]


def test_numbered_paragraphs_of_a_council_motion_are_a_list(tmp_path):
    lines = [(70, 780, "Helvetica-Bold", 14, "Beschlussvorlage"),
             (70, 750, "Helvetica", 10, "1. Der Gemeinderat stimmt dem Klimaplan der Stadt zu"),
             (70, 736, "Helvetica", 10, "2. Die Verwaltung legt jährlich einen Bericht vor"),
             (70, 722, "Helvetica", 10, "3. Die Mittel stehen im Haushalt bereit")]
    doc = ingest_path(write(tmp_path / "beschluss.pdf", [lines + body(690), body(780),
                                                         body(780)]))
    assert titles(doc) == [(None, "Beschlussvorlage", 1)]
    assert [item["text"] for lst in doc["lists"] for item in lst["items"]] == [
        "Der Gemeinderat stimmt dem Klimaplan der Stadt zu",
        "Die Verwaltung legt jährlich einen Bericht vor", "Die Mittel stehen im Haushalt bereit"]


def test_a_running_head_repeating_a_body_heading_adds_no_section(tmp_path):
    """Guards the rule that a running head naming a section starts it (passes on 1482b9e,
    which knows neither rule)."""
    pages = [heading(780, "1 Ausgangslage") + body(750)]
    pages += [[(70, 810, "Helvetica", 9, "Kapitel 1 · Ausgangslage")] + body(760)
              for _ in range(2)]
    pages += [heading(780, "2 Wärme") + body(750)]
    pages += [[(70, 810, "Helvetica", 9, "Kapitel 2 · Wärme")] + body(760) for _ in range(2)]
    doc = ingest_path(write(tmp_path / "kopfzeile.pdf", pages))
    assert titles(doc) == [("1", "Ausgangslage", 1), ("2", "Wärme", 4)]


def test_a_title_over_its_chapters_and_a_table_header_row_are_not_sections(tmp_path):
    page = [(70, 790, "Helvetica-Bold", 20, "Programm für kühle Quartiere")]
    page += heading(750, "1 Hitze in der Stadt") + body(725)
    page += [(90, 660, "Helvetica-Bold", 10, "Maßnahme          Zuständig          Frist"),
             (90, 646, "Helvetica", 10, "Schattenplätze schaffen      Grünamt      2027")]
    page += heading(610, "1.1 Schatten und Wasser", 12) + body(585)
    doc = ingest_path(write(tmp_path / "programm.pdf", [page, body(780), body(780)]))
    assert titles(doc) == [("1", "Hitze in der Stadt", 1), ("1.1", "Schatten und Wasser", 1)]
    assert doc["title"] == "Programm für kühle Quartiere"


def test_a_text_with_page_numbers_at_the_top_takes_no_page_number_as_title():
    topics = ["Radnetz", "Busangebot", "Fußwege", "Ladesäulen", "Carsharing"]
    pages = [f"Seite {n}\n\n{n}. Teil über {topic}\n\nDie Gemeinde baut ihr {topic} aus und "
             f"prüft jedes Jahr, wie weit sie beim {topic} gekommen ist.\n"
             for n, topic in enumerate(topics, start=1)]
    doc = ingest_text("\f".join(pages))
    assert doc["title"] is None or "Seite" not in doc["title"]
    assert [s["number"] for s in doc["sections"]] == ["1", "2", "3", "4", "5"]


def test_dotted_numbers_are_headings_where_the_font_does_not_tell(tmp_path):
    """Guards the font-based reading against losing plain numbered headings."""
    page = [(70, 780, "Helvetica", 10, "2.1 Wärme aus der Erde")] + body(760)
    page += [(70, 700, "Helvetica", 10, "2.2 Wärme aus dem Fluss")] + body(680)
    page += [(70, 630, "Helvetica", 10, "Im Jahr 2024 wurden 2.5 Millionen Euro dafür")]
    page += [(70, 616, "Helvetica", 10, "3.4 Prozent mehr als im Vorjahr ausgegeben.")]
    doc = ingest_path(write(tmp_path / "schlicht.pdf", [page, body(780), body(780)]))
    assert titles(doc) == [("2.1", "Wärme aus der Erde", 1), ("2.2", "Wärme aus dem Fluss", 1)]


def test_a_plain_text_table_of_contents_with_tabs(tmp_path):
    text = ("Klimaplan der Gemeinde Musterdorf\n\nInhalt\n1 Einleitung\t3\n2 Ziele\t4\n"
            "2.1 Wärme\t4\n3 Umsetzung\t6\n\n1 Einleitung\n\nDie Gemeinde legt hiermit ihren "
            "ersten Klimaplan vor. Er wurde im Gemeinderat beraten.\n\n2 Ziele\n\nDie Gemeinde "
            "will ihre Emissionen senken und dafür alle Kräfte bündeln.\n\n2.1 Wärme\n\n"
            "Die Wärme soll aus erneuerbaren Quellen stammen.\n\n3 Umsetzung\n\n"
            "Der Plan wird jährlich überprüft.\n")
    doc = ingest_text(text)
    assert [(e["number"], e["title"], e["page_label"], e["line"]) for e in doc["toc"]] == [
        ("1", "Einleitung", "3", 4), ("2", "Ziele", "4", 5), ("2.1", "Wärme", "4", 6),
        ("3", "Umsetzung", "6", 7)]
    assert [(s["number"], s["line"]) for s in doc["sections"]] == [("1", 9), ("2", 13),
                                                                   ("2.1", 17), ("3", 21)]


def test_a_pdf_in_one_font_is_read_by_its_words(tmp_path):
    """Where pdfium reports one size and weight for everything, headings still come from
    the words and the shape of the lines, as in a text."""
    page = [(70, 780, "Helvetica", 10, "Vorwort")] + body(760)
    page += [(70, 700, "Helvetica", 10, "Was wir erreicht haben")] + body(680)
    page += [(70, 620, "Helvetica", 10, "3.1 Nächste Schritte")] + body(600)
    doc = ingest_path(write(tmp_path / "einfach.pdf", [page, body(500), body(500)]))
    assert [(s["number"], s["title"], s["kind"]) for s in doc["sections"]] == [
        (None, "Vorwort", "preface"), (None, "Was wir erreicht haben", "review"),
        ("3.1", "Nächste Schritte", "next_steps")]


def test_subheadings_that_every_chapter_repeats_stay_headings(tmp_path):
    pages = []
    for n in range(1, 5):
        pages.append(heading(790, f"{n} Handlungsfeld {n}") + heading(750, "Ziele", 11)
                     + body(730) + heading(660, "Maßnahmen", 11) + body(640))
        pages.append(body(700))
    doc = ingest_path(write(tmp_path / "felder.pdf", pages))
    assert [s["title"] for s in doc["sections"]] == ["Handlungsfeld 1", "Ziele", "Maßnahmen",
                                                     "Handlungsfeld 2", "Ziele", "Maßnahmen",
                                                     "Handlungsfeld 3", "Ziele", "Maßnahmen",
                                                     "Handlungsfeld 4", "Ziele", "Maßnahmen"]
    assert [s["level"] for s in doc["sections"][:3]] == [1, 2, 2]
