"""Bad input: one clear line on stderr, a non-zero exit, the other files still processed."""

import json
import subprocess
import sys

import pytest

from leitstand.ingest.errors import IngestError
from leitstand.ingest.pipeline import ingest_path
from tests.ingest.make_pdf import write_scanned_pdf


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "leitstand", "ingest", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture
def bad_files(tmp_path, pdf):
    files = {}
    files["encrypted"] = pdf(2, encrypt="geheim")
    good = pdf(3).read_bytes()
    (tmp_path / "truncated.pdf").write_bytes(good[: len(good) // 3])
    files["truncated"] = tmp_path / "truncated.pdf"
    write_scanned_pdf(tmp_path / "scan.pdf")
    files["scanned"] = tmp_path / "scan.pdf"
    (tmp_path / "fake.pdf").write_text("Das ist kein PDF.", encoding="utf-8")
    files["not a pdf"] = tmp_path / "fake.pdf"
    (tmp_path / "empty.txt").write_bytes(b"")
    files["empty"] = tmp_path / "empty.txt"
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 20)
    files["binary"] = tmp_path / "blob.txt"
    files["missing"] = tmp_path / "nicht-da.pdf"
    return files


@pytest.mark.parametrize("case,message", [
    ("encrypted", "encrypted"), ("truncated", "damaged"), ("scanned", "no text layer"),
    ("not a pdf", "not a PDF"), ("empty", "empty"), ("binary", "binary"),
    ("missing", "no such file"),
])
def test_each_bad_file_gets_a_clear_error(bad_files, case, message):
    with pytest.raises(IngestError, match=message):
        ingest_path(bad_files[case])


def test_command_reports_every_failure_in_one_line_and_goes_on(bad_files, pdf, tmp_path):
    good = pdf(2)
    result = run(*bad_files.values(), good, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(bad_files) + 1  # one per bad file, then the summary
    assert lines[-1].startswith(f"leitstand ingest: {len(bad_files)} of {len(bad_files) + 1}")
    assert (tmp_path / "out" / (good.name + ".json")).exists()


def test_one_file_goes_to_stdout_as_utf8_json(tmp_path):
    doc = tmp_path / "ziele.txt"
    doc.write_text("1. Größere Ziele\nZiel: Bis 2030 sollen 80 % der Bürgerämter digital "
                   "arbeiten.\n", encoding="utf-8")
    result = run(doc)
    assert result.returncode == 0, result.stderr
    assert "Größere" in result.stdout  # not escaped as \\u00f6
    assert json.loads(result.stdout)["goals"][0]["targets"][0]["value"] == 80


def test_markdown_and_summary_formats(tmp_path, pdf):
    path = pdf(3)
    markdown = run(path, "--format", "markdown")
    assert markdown.returncode == 0 and "## 3 Handlungsfeld Nummer 3" in markdown.stdout
    summary = run(path, "--format", "summary")
    assert "3 sections" not in summary.stdout and "measures" in summary.stdout
