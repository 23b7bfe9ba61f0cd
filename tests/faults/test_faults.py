"""Faults the platform must absorb: an import killed half-way, writers waiting for a locked
SQLite database. (The mail server being down: tests/participation/test_privacy.py; two
editors saving one goal: tests/register/test_concurrent_edits.py.)"""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
import yaml

GOALS = 600


def _big_file(path):
    data = {"strategy": {"slug": "gross", "name": "Große Teststrategie",
                         "jurisdiction": "Testland"},
            "organisations": [{"key": "AMT", "name": "Testamt"}],
            "editions": [{"label": "1", "slug": "1", "year": 2026, "status": "published",
                          "sections": [{"key": "s", "title": "Alles"}],
                          "goals": [{"code": f"g-{i}", "title": f"Ziel {i}", "section": "s",
                                     "units": ["AMT"], "targets": [
                                         {"metric": "m", "value": i, "unit": "count"}]}
                                    for i in range(GOALS)]}]}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _leitstand(args, env, **kwargs):
    return subprocess.run([sys.executable, "-m", "leitstand", *args], env=env,
                          capture_output=True, text=True, **kwargs)


def _wait_until_a_writer_holds(path, process, deadline=120.0):
    """Until `process` is inside its write transaction: another connection cannot begin one."""
    started = time.monotonic()
    while time.monotonic() - started < deadline and process.poll() is None:
        probe = sqlite3.connect(path, timeout=0)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.rollback()
        except sqlite3.OperationalError:  # database is locked: the import is writing
            return
        finally:
            probe.close()
        time.sleep(0.05)
    raise AssertionError(f"no write lock seen; the import's exit code: {process.poll()}")


@pytest.mark.slow
def test_an_import_killed_half_way_leaves_nothing_and_the_rerun_finishes(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}  # a SQLite file
    env["LEITSTAND_DATA"] = str(tmp_path)
    source = tmp_path / "gross.yaml"
    _big_file(source)
    assert _leitstand(["migrate", "-v0"], env).returncode == 0
    load = subprocess.Popen([sys.executable, "-m", "leitstand", "load", str(source)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_until_a_writer_holds(tmp_path / "leitstand.sqlite3", load)
    assert load.poll() is None, "the import ended before it could be killed"
    os.kill(load.pid, signal.SIGKILL)
    load.wait()
    database = sqlite3.connect(tmp_path / "leitstand.sqlite3")
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert database.execute("SELECT count(*) FROM register_goal").fetchone()[0] == 0
    assert database.execute("SELECT count(*) FROM register_strategy").fetchone()[0] == 0
    database.close()
    again = _leitstand(["load", str(source)], env)
    assert again.returncode == 0, again.stderr
    database = sqlite3.connect(tmp_path / "leitstand.sqlite3")
    assert database.execute("SELECT count(*) FROM register_goal").fetchone()[0] == GOALS
    assert database.execute("SELECT count(*) FROM register_target").fetchone()[0] == GOALS


@pytest.mark.django_db(transaction=True)
def test_a_write_waits_for_a_locked_sqlite_database_instead_of_failing(client):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's locking; PostgreSQL waits on row locks by itself")
    from leitstand.register.models import Organisation

    held = threading.Event()

    def hold_the_lock():
        other = sqlite3.connect(connection.settings_dict["NAME"], timeout=5)
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO register_organisation (slug, name, short_name, kind, url, "
                      "note) VALUES ('sperre', 'Sperre', '', 'other', '', '')")
        held.set()
        time.sleep(1.5)
        other.commit()
        other.close()

    thread = threading.Thread(target=hold_the_lock)
    thread.start()
    held.wait(5)
    started = time.monotonic()
    Organisation.objects.create(slug="warten", name="Wartet auf die Sperre")
    waited = time.monotonic() - started
    thread.join()
    assert waited > 1.0  # it waited for the other writer ...
    assert set(Organisation.objects.filter(slug__in=["sperre", "warten"])
               .values_list("slug", flat=True)) == {"sperre", "warten"}  # ... and both wrote
