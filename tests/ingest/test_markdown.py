# ruff: noqa: E501 (the Markdown book has one paragraph per line, as such books do)
"""Text and Markdown (issue 12): `#` and underlined headings, numbered ones, one paragraph
per line with blank lines between, each paragraph its own block; our own invented text."""

from __future__ import annotations

from leitstand.ingest import reader, textlines
from leitstand.ingest.pipeline import ingest_path
from leitstand.ingest.structure import read_structure

BOOK = """# Vorwort

Die Stadt Beispielhausen legt mit diesem Buch ihre Strategie für eine digitale Verwaltung vor, die im Dialog mit vielen Menschen entstanden ist und jedes Jahr fortgeschrieben wird.

Wir danken allen, die in den Werkstätten mitgearbeitet haben, und laden alle ein, die Umsetzung weiter zu begleiten und Vorschläge einzubringen.

## 2.1 Mobilität

Bis 2030 sollen 60 Prozent der Wege in der Innenstadt mit dem Rad, zu Fuß oder mit Bus und Bahn zurückgelegt werden, so hat es der Gemeinderat beschlossen.

Im Jahr 2019 lag dieser Anteil bei 41 Prozent, in den Stadtteilen am Rand noch deutlich darunter, wie die Haushaltsbefragung zeigt.

```{toctree}
---
maxdepth: 2
---
```

Bildung und Schule
------------------

- Jede Schule erhält ein Medienkonzept
- Lehrkräfte werden fortgebildet

### Was wir erreicht haben

Die Verwaltung hat im vergangenen Jahr zwölf Verfahren vollständig digital angeboten.
"""


def test_markdown_headings_levels_numbers_and_format(tmp_path):
    path = tmp_path / "strategie.md"
    path.write_text(BOOK, encoding="utf-8")
    doc = ingest_path(path)
    assert doc["source"]["format"] == "markdown"
    assert [(s["number"], s["title"], s["level"], s["line"], s["kind"])
            for s in doc["sections"]] == [
        (None, "Vorwort", 1, 1, "preface"), ("2.1", "Mobilität", 2, 7, "other"),
        (None, "Bildung und Schule", 2, 19, "other"),
        (None, "Was wir erreicht haben", 3, 25, "review")]
    assert [i["text"] for lst in doc["lists"] for i in lst["items"]] == [
        "Jede Schule erhält ein Medienkonzept", "Lehrkräfte werden fortgebildet"]


def test_each_paragraph_is_its_own_block(tmp_path):
    """A goal's paragraph ends where the next begins: its neighbour's figures stay apart."""
    path = tmp_path / "strategie.md"
    path.write_text(BOOK, encoding="utf-8")
    source = reader.read(path)
    skeleton = read_structure(textlines.split_lines(source), markdown=True)
    prose = [(b.line, len(b.lines)) for b in skeleton.blocks if b.kind == "prose"
             and not b.text.startswith(("```", "---", "maxdepth"))]
    assert prose == [(3, 1), (5, 1), (9, 1), (11, 1), (27, 1)]


def test_a_plain_text_with_one_paragraph_per_line(tmp_path):
    text = "\n".join(line for line in BOOK.splitlines()
                     if not line.startswith(("#", "```", "---", "maxdepth", "- ", "Bildung")))
    path = tmp_path / "strategie.txt"
    path.write_text(text, encoding="utf-8")
    source = reader.read(path)
    assert source.format == "text"
    skeleton = read_structure(textlines.split_lines(source))
    starts = [b.line for b in skeleton.blocks if b.kind == "prose"]
    assert len(starts) == 5 and len(set(starts)) == 5


def test_a_hard_wrapped_markdown_paragraph_stays_one_block_and_star_bullets_are_a_list(tmp_path):
    text = ("# Ziele\n\nBis 2030 wollen wir den Anteil des Radverkehrs\nauf 25 Prozent erhöhen.\n\n"
            "Heute liegt er bei\n14 Prozent.\n\n* Radwege verbreitern\n* Abstellanlagen bauen\n")
    path = tmp_path / "ziele.md"
    path.write_text(text, encoding="utf-8")
    source = reader.read(path)
    skeleton = read_structure(textlines.split_lines(source), markdown=True)
    assert [(b.line, len(b.lines)) for b in skeleton.blocks if b.kind == "prose"] == [(3, 2),
                                                                                     (6, 2)]
    assert [i["text"] for lst in skeleton.lists for i in lst["items"]] == [
        "Radwege verbreitern", "Abstellanlagen bauen"]
