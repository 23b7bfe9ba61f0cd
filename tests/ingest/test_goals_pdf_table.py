"""A goal table set as a PDF table (no separators in the text): columns from the header
words' positions, wrapped cells joined, every row one explicit goal (issue 12). The PDF is
drawn here with reportlab from invented text; the test failed before issue 12."""

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from leitstand.ingest.pipeline import ingest_path

CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)
HEAD = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=14, leading=18)


def _pdf(path):
    rows = [["Frist", "Ziel", "Zielwert", "Einheit", "Amt", "Basisjahr"],
            ["Ende 2029", Paragraph("Bibliotheksausweise für Kinder und Jugendliche in "
                                    "allen Ortsteilen ausgeben", CELL), "mind. 4 200",
             "Ausweise", "Kulturamt", "–"],
            ["2031", Paragraph("Energieverbrauch der Hallenbäder um den Zielwert senken", CELL),
             "30", "%", "Bäderbetrieb", "2021"],
            ["ab 2027", "Wartezeit auf einen Termin im Bürgerbüro", "höchstens 5", "Tage",
             "Bürgeramt", "–"]]
    story = [Paragraph("Aktionsplan der Stadt Auenfeld", HEAD), Spacer(1, 12),
             Paragraph("1 Ziele des Aktionsplans", HEAD),
             Paragraph("Der Stadtrat hat die folgenden Ziele beschlossen. Jede Zeile nennt "
                       "ein Ziel mit seinem Zielwert und seiner Frist.", BODY), Spacer(1, 8),
             Table(rows, colWidths=[60, 260, 70, 60, 80, 55]), Spacer(1, 8),
             Paragraph("2 Weiteres Vorgehen", HEAD),
             Paragraph("Die Verwaltung berichtet dem Stadtrat jedes Jahr über den Stand.",
                       BODY)]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)


def test_rows_of_a_pdf_goal_table_are_goals_with_their_own_cells(tmp_path):
    path = tmp_path / "aktionsplan.pdf"
    _pdf(path)
    doc = ingest_path(path)
    rows = [(g["text"], g["found_by"],
             [(t["value"], t["unit"], t["comparator"], t["deadline"], t["baseline_year"],
               t["change"]) for t in g["targets"]]) for g in doc["goals"]]
    assert rows == [
        ("Bibliotheksausweise für Kinder und Jugendliche in allen Ortsteilen ausgeben",
         "goal-table", [(4200, "Ausweise", "at_least", "2029-12-31", None, None)]),
        ("Energieverbrauch der Hallenbäder um den Zielwert senken", "goal-table",
         [(30, "percent", "at_least", "2031-12-31", 2021, "decrease")]),
        ("Wartezeit auf einen Termin im Bürgerbüro", "goal-table",
         [(5, "Tage", "at_most", "2027-01-01", None, None)]),
    ]
