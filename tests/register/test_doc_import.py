"""`leitstand import`: the seed's document model becomes a draft edition, once, atomically."""

import pytest

from leitstand.register import models as m
from leitstand.register.doc_import import ImportRefused, import_document


def test_import_creates_a_draft_edition_with_provenance(db, seed_doc):
    result = import_document(seed_doc, "nrw", "2.0-entwurf")
    edition = result.edition
    assert edition.status == "draft" and edition.source_sha256 == seed_doc["source"]["sha256"]
    assert edition.measures.count() == 22 and edition.goals.count() == 3
    assert edition.guidelines.count() == 12
    goal = edition.goals.get(source_line=2191)
    target = goal.targets.get()
    assert target.value == 500_000_000 and target.factor == 5 and target.baseline_year == 2017
    assert m.Section.objects.get(edition=edition, number="3.1").kind == "review"
    bank = m.Organisation.objects.get(name="NRW.BANK")
    assert bank.slug == "nrwbank"


def test_importing_the_same_document_twice_changes_nothing(db, seed_doc):
    import_document(seed_doc, "nrw", "2.0-entwurf")
    counts = (m.Edition.objects.count(), m.Goal.objects.count(), m.Measure.objects.count())
    again = import_document(seed_doc, "nrw", "anderes-label")
    assert not again.created
    assert counts == (m.Edition.objects.count(), m.Goal.objects.count(),
                      m.Measure.objects.count())


def test_a_crash_half_way_leaves_nothing_behind(db, seed_doc, monkeypatch):
    before = (m.Edition.objects.count(), m.Section.objects.count(), m.Goal.objects.count())

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(m.Measure.objects, "create", broken)
    with pytest.raises(RuntimeError):
        import_document(seed_doc, "nrw", "2.0-entwurf")
    assert before == (m.Edition.objects.count(), m.Section.objects.count(),
                      m.Goal.objects.count())


def test_invalid_document_is_refused(db):
    with pytest.raises(ImportRefused, match="not a valid document model"):
        import_document({"schema": "x"}, "nrw")


def test_draft_import_is_not_public(client, db, seed_doc):
    import_document(seed_doc, "nrw", "2.0-entwurf")
    assert client.get("/nrw/2-0-entwurf/").status_code == 404


def test_a_version_2_document_imports_its_goals_and_leaves_candidates_to_editors(db):
    from leitstand.ingest.pipeline import ingest_text

    doc = ingest_text("Klimaprogramm der Gemeinde Lindenau\nBeschluss vom 3. März 2024\n\n"
                      "1 Energie\n\nBis 2030 wollen wir 40 Ladesäulen für Lastenräder und "
                      "Elektrokleinstfahrzeuge in allen Ortsteilen errichten.\n\n"
                      "Wir werden die Verwaltung modernisieren.\n", "lindenau.txt")
    assert doc["schema"] == "leitstand.document/2" and len(doc["candidates"]) == 1
    long_unit = "Ladesäulen für Lastenräder und Elektrokleinstfahrzeuge"  # a unit "as written"
    doc["goals"][0]["targets"][0]["unit"] = long_unit
    edition = import_document(doc, "lindenau", "2024").edition
    target = edition.goals.get().targets.get()
    assert target.value == 40 and target.deadline.isoformat() == "2030-12-31"
    assert target.unit == long_unit[:40]  # the field holds 40 characters
