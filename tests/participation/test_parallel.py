"""Twenty people press "support" at the same moment: the database decides, nothing is
counted twice and nothing is lost (on PostgreSQL, and on SQLite in a file in WAL mode)."""

import threading

import pytest
from django.db import connection, connections

from leitstand.participation import services
from leitstand.participation.models import Proposal, Support
from leitstand.register.models import Edition, Strategy
from tests.participation.helpers import open_consultation, participant

PARALLEL = 20


def _run_together(work):
    """Runs `work(i)` in PARALLEL threads released at once; returns results and errors."""
    barrier = threading.Barrier(PARALLEL)
    results, errors = [None] * PARALLEL, []

    def run(i):
        try:
            barrier.wait()
            results[i] = work(i)
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(PARALLEL)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors


@pytest.fixture
def proposal(transactional_db):
    strategy = Strategy.objects.create(slug="parallel", name="P", jurisdiction="P")
    edition = Edition.objects.create(strategy=strategy, label="1", slug="1", year=2026)
    consultation = open_consultation(edition, slug="parallel")
    return Proposal.objects.create(consultation=consultation, participant=participant("author"),
                                   kind="new_goal", title="Alle dafür", body="b")


def test_the_database_runs_as_in_production(db):
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.settings_dict["NAME"] != ":memory:"
        assert "mode=memory" not in str(connection.settings_dict["NAME"])


def test_twenty_parallel_supports_by_one_person_count_once(proposal):
    person = participant("eager")
    results, errors = _run_together(lambda i: services.support(proposal, person))
    assert not errors, errors
    assert results.count(True) == 1 and results.count(False) == PARALLEL - 1
    assert Support.objects.filter(proposal=proposal).count() == 1


def test_twenty_parallel_supports_by_twenty_people_all_count(proposal):
    people = [participant(f"person{i}") for i in range(PARALLEL)]
    results, errors = _run_together(lambda i: services.support(proposal, people[i]))
    assert not errors, errors
    assert results == [True] * PARALLEL
    assert Support.objects.filter(proposal=proposal).count() == PARALLEL
