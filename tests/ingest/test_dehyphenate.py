import pytest

from leitstand.ingest.dehyphenate import join_lines


@pytest.mark.parametrize("lines,text", [
    (["Die Digitalisie-", "rung kommt."], "Die Digitalisierung kommt."),
    (["Universität Duisburg-", "Essen"], "Universität Duisburg-Essen"),
    (["Programm Start-up-", "Transfer"], "Programm Start-up-Transfer"),
    (["das E-Government-", "Gesetz"], "das E-Government-Gesetz"),
    (["technologie- und", "wissensbasierte"], "technologie- und wissensbasierte"),
    (["barriere-", "und diskriminierungsfrei"], "barriere- und diskriminierungsfrei"),
    (["viele Start-", "ups wachsen"], "viele Start-ups wachsen"),
    (["die freiheitlich-", "demokratischen Werte"], "die freiheitlich-demokratischen Werte"),
    (["Nordrhein-West-", "falen"], "Nordrhein-Westfalen"),
    (["  viel   Raum  ", " zwischen  "], "viel Raum zwischen"),
    (["die Kreis\u00ad", "verwaltung"], "die Kreisverwaltung"),
    (["Ver\u00adwal\u00adtung heute"], "Verwaltung heute"),
])
def test_line_break_hyphens_are_joined_and_real_ones_kept(lines, text):
    assert join_lines(lines) == text
