"""Corpus mode on Dask: one JSON per input, an index with status and error, resume by sha256,
a bad file never stops the batch, and a search across the documents' targets."""

import json
import pathlib
import subprocess
import sys

import pytest

from leitstand.ingest import corpus, validate

FIXTURES = pathlib.Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def client():
    dask_client = corpus.client_for(workers=2, scheduler=None)
    yield dask_client
    dask_client.close()
    dask_client.cluster.close()


@pytest.fixture
def folder(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    for name in ("landkreis.txt", "musterhafen.txt"):
        (source / name).write_bytes((FIXTURES / name).read_bytes())
    (source / "kaputt.pdf").write_bytes(b"%PDF-1.7\n\x00\x01 not really")
    return source


def test_a_batch_writes_one_document_per_input_and_an_index(folder, tmp_path, client):
    out = tmp_path / "out"
    counts = corpus.run(folder, out, client=client, show_progress=False)
    assert counts == {"inputs": 3, "skipped": 0, "done": 2, "failed": 1,
                      "seconds": counts["seconds"]}
    records = {pathlib.Path(r["input"]).name: r for r in map(
        json.loads, (out / "index.jsonl").read_text().splitlines())}
    assert records["kaputt.pdf"]["status"] == "failed" and records["kaputt.pdf"]["error"]
    for name in ("landkreis.txt", "musterhafen.txt"):
        doc = json.loads((out / f"{name}.json").read_text())
        assert validate.problems(doc) == []
        assert records[name]["goals"] == len(doc["goals"]) > 0
        assert records[name]["peak_rss_mb"] > 0
    assert not list(out.glob("*.part"))


def test_a_rerun_resumes_and_skips_what_is_done(folder, tmp_path, client):
    out = tmp_path / "out"
    corpus.run(folder, out, client=client, show_progress=False)
    (folder / "neu.txt").write_bytes((FIXTURES / "landkreis_cp1252.txt").read_bytes())
    again = corpus.run(folder, out, client=client, show_progress=False)
    assert again["skipped"] == 2 and again["done"] == 1 and again["failed"] == 1
    # an output deleted since counts as not done
    (out / "neu.txt.json").unlink()
    assert corpus.run(folder, out, client=client, show_progress=False)["done"] == 1


def test_a_list_file_with_a_missing_path_goes_on(tmp_path, client):
    listing = tmp_path / "liste.txt"
    listing.write_text(f"# Strategien\n{FIXTURES / 'landkreis.txt'}\n/nirgends/da.pdf\n")
    counts = corpus.run(listing, tmp_path / "out", client=client, show_progress=False)
    assert counts["done"] == 1 and counts["failed"] == 1


def test_search_puts_the_targets_of_all_documents_side_by_side(folder, tmp_path, client):
    out = tmp_path / "out"
    corpus.run(folder, out, client=client, show_progress=False)
    rows = corpus.search(out, "Glasfaser")
    assert rows and all("glasfaser" in r["goal"].lower() for r in rows)
    assert all(r["deadline"] for r in rows) and any(r["value"] is not None for r in rows)
    assert corpus.search(out, "Raumfahrtbahnhof") == []


@pytest.mark.slow
def test_the_command_line(folder, tmp_path):
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "leitstand", "corpus", "ingest", str(folder),
                          "--out", str(out), "--workers", "1"], capture_output=True, text=True)
    assert run.returncode == 1  # one file failed; the others are done
    assert "3 inputs: 2 done, 1 failed, 0 already done" in run.stdout
    found = subprocess.run([sys.executable, "-m", "leitstand", "corpus", "search", str(out),
                            "Glasfaser"], capture_output=True, text=True)
    assert found.returncode == 0 and "Glasfaser" in found.stdout
