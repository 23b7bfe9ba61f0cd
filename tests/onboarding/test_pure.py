"""The pure rules of the review: line numbers per page, the highlighted passage, unit matching."""

from leitstand.onboarding import matching, pages

TEXT = ("Titel\nZiel: Bis 2030 sollen\n\n90 Prozent digital sein.\n\f3.2 Nächste Schritte\n"
        "Text\fEnde")


def test_pages_keep_the_document_models_line_numbers():
    assert pages.page_count(TEXT) == 3
    second = pages.page_lines(TEXT, 2)
    # a form feed starts a page but not a line: "3.2 ..." shares line 5 with the empty rest
    assert [(ln.number, ln.text) for ln in second] == [(5, "3.2 Nächste Schritte"), (6, "Text")]
    assert pages.page_of_line(TEXT, 6) == 2 and pages.page_of_line(TEXT, 2) == 1
    assert pages.page_lines(TEXT, 99)[0].number == 6  # the last page


def test_the_passage_runs_to_the_end_of_its_sentence_across_blank_lines():
    assert list(pages.passage(TEXT, 2)) == [2, 3, 4]
    assert list(pages.passage(TEXT, 1)) == [1]  # the goal marker on the next line starts anew


def test_units_match_by_name_alias_or_acronym():
    units = [matching.Unit(1, "Ministerium für Wirtschaft, Innovation, Digitalisierung und "
                              "Energie", "MWIDE"),
             matching.Unit(2, "NRW.BANK"), matching.Unit(3, "Landesamt für Digitales", "")]
    assert matching.match("NRW.BANK", [], units) == (units[1], "exact")
    assert matching.match("Wirtschaftsministerium", ["MWIDE"], units) == (units[0], "alias")
    assert matching.match("LfD", [], units) == (None, "none")
    assert matching.match("Landesamt Digitales", ["LD"], units) == (units[2], "acronym")
    assert matching.match("Staatskanzlei", [], units) == (None, "none")
