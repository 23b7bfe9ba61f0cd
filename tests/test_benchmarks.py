"""The benchmarks under bench/ keep running and print their figures (tiny sizes here)."""

import pathlib
import subprocess
import sys

import pytest

from tests.conftest import need_shared

pytestmark = pytest.mark.benchmark
ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_ingest_speed_benchmark_prints_pages_per_second_and_ratio():
    result = subprocess.run([sys.executable, "bench/ingest_speed.py", "--files", "1",
                             "--pages", "12", "--repeat", "1"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "pages/s" in result.stdout and "ratio pipeline/raw" in result.stdout


def test_ingest_accuracy_benchmark_prints_every_field():
    need_shared("seeds")  # the benchmark reads the annotated documents from ../shared
    need_shared("corpus")
    result = subprocess.run([sys.executable, "bench/ingest_accuracy.py"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for field in ("sections", "measures", "explicit goals (recall)", "target fields",
                  "money amounts", "organisations", "list items", "dehyphenation (accuracy)"):
        assert field in result.stdout


def test_corpus_benchmark_prints_throughput_with_one_and_two_workers():
    result = subprocess.run([sys.executable, "bench/corpus.py", "--docs", "3", "--pages", "4",
                             "--repeat", "1"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    for line in ("1 worker :", "2 workers:", "speed-up 2/1:", "MB per worker"):
        assert line in result.stdout
