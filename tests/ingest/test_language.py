"""Language (issue 12): detected, never assumed; a non-German document says so in
`language` and `warnings` and on stderr, and keeps the structure it could read."""

from __future__ import annotations

import json
import subprocess
import sys

from leitstand.ingest.pipeline import ingest_text

ENGLISH = """1. Our goals for the city

The council will cut the emissions of its own buildings by half until 2030. We want every
household to reach a bus stop within five minutes, and we will plant a thousand trees in the
districts that have the fewest of them.

2. How we measure progress

Each year the office publishes a report that compares the figures with the targets.
"""

GERMAN = """1. Unsere Ziele für die Stadt

Die Stadt wird den Ausstoß ihrer eigenen Gebäude bis 2030 halbieren. Wir wollen, dass jeder
Haushalt eine Haltestelle in fünf Minuten erreicht, und wir pflanzen in den Stadtteilen mit den
wenigsten Bäumen tausend neue.
"""


def test_an_english_document_is_labelled_and_warned_and_keeps_its_structure():
    doc = ingest_text(ENGLISH)
    assert doc["language"] == "en"
    assert len(doc["warnings"]) == 1 and "English" in doc["warnings"][0]
    assert [(s["number"], s["title"]) for s in doc["sections"]] == [
        ("1", "Our goals for the city"), ("2", "How we measure progress")]


def test_a_german_document_has_no_warning():
    doc = ingest_text(GERMAN)
    assert doc["language"] == "de" and doc["warnings"] == []


def test_the_warning_goes_to_stderr(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "leitstand.ingest.cli", str(path)],
                          capture_output=True, text=True, check=True)
    assert f"leitstand ingest: {path}: reads as English" in done.stderr
    assert json.loads(done.stdout)["language"] == "en"  # stdout stays the document alone
