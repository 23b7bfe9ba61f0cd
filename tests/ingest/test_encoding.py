"""Encoding (issue 12): a short German text in a legacy encoding reads as cp1252/Latin-1
unless the bytes clearly say otherwise (short Latin-1 texts came out as a DOS code page)."""

from __future__ import annotations

import pytest

from leitstand.ingest.pipeline import ingest_path

SHORT = "Ziel: Öffentliche Plätze werden grüner, für ältere Menschen gibt es mehr Bänke.\n"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_a_short_german_text_in_a_western_encoding(tmp_path, encoding):
    path = tmp_path / "kurz.txt"
    path.write_bytes(SHORT.encode(encoding))
    doc = ingest_path(path)
    assert doc["goals"][0]["text"].startswith("Öffentliche Plätze werden grüner, für ältere")


def test_a_dos_text_whose_umlauts_say_so_stays_a_dos_text(tmp_path):
    text = ("Ziel: Die Bürgerinnen und Bürger können über die Öffnungszeiten der Ämter "
            "mitbestimmen; für größere Vorhaben gibt es eine Befragung.\n")
    path = tmp_path / "dos.txt"
    path.write_bytes(text.encode("cp850"))
    doc = ingest_path(path)
    assert doc["goals"][0]["text"].startswith("Die Bürgerinnen und Bürger können über die "
                                              "Öffnungszeiten der Ämter")


def test_a_utf16_text_with_its_byte_order_mark(tmp_path):
    path = tmp_path / "breit.txt"
    path.write_bytes(SHORT.encode("utf-16"))
    doc = ingest_path(path)
    assert doc["goals"][0]["text"].startswith("Öffentliche Plätze werden grüner")
