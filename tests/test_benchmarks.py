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


def test_passage_anchoring_benchmark_finds_edited_passages_and_not_gone_ones():
    need_shared("seeds")  # the paragraphs come from the NRW seed in ../shared
    result = subprocess.run([sys.executable, "bench/passage_anchoring.py"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()[1:]}
    assert set(rows) == {"before", "inside", "other", "gone"}
    for name, row in rows.items():
        cases, right = int(row[1]), int(row[2])
        assert cases > 100 and right >= 0.9 * cases, (name, row)


def test_generated_data_hold_history_corrections_and_assessments(db):
    """bench/generated_data.py (COPY on PostgreSQL, bulk_create elsewhere) writes what the
    scale benchmark's past days and filters need: every value's first version known 45 days
    after its date, corrections as second versions, assessments, units, search entries."""
    import datetime as dt

    sys.path.insert(0, str(ROOT / "bench"))
    from generated_data import OBSERVATIONS_PER_INDICATOR, generate

    from leitstand.monitoring.known import known_observations
    from leitstand.monitoring.models import Assessment, Observation
    from leitstand.register.models import Goal
    from leitstand.register.search import goals_everywhere_query

    before = Goal.objects.count()
    strategies, goals, observations = generate(0.001)
    assert (strategies, goals) == (1, 100)
    assert observations == 100 * OBSERVATIONS_PER_INDICATOR == Observation.objects.filter(
        indicator__strategy__slug="s0").count()
    versions = Observation.history.filter(indicator__strategy__slug="s0")
    corrected = versions.filter(history_type="~").count()
    assert 0 < corrected < observations / 10 and versions.count() == observations + corrected
    assert Goal.objects.count() == before + 100
    assert {"government", "independent"} <= set(Assessment.objects.filter(
        goal__edition__strategy__slug="s0").values_list("assessor_kind", flat=True))
    found = Goal.objects.filter(id__in=goals_everywhere_query("Ziel 7"),
                                edition__strategy__slug="s0").values_list("code", flat=True)
    assert "z7" in set(found)  # the search entries point at the generated goals
    # a value is known 45 days after its date: on its date the day shows none of it yet
    first = Observation.objects.filter(indicator__strategy__slug="s0").order_by("id").first()
    known_then = known_observations(first.date + dt.timedelta(days=44),
                                    indicator_id=first.indicator_id)
    known_later = known_observations(first.date + dt.timedelta(days=46),
                                     indicator_id=first.indicator_id)
    assert first.date not in {o.date for o in known_then}
    assert first.date in {o.date for o in known_later}
